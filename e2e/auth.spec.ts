import { expect, test } from '@playwright/test';

import {
  composer,
  createFirstProject,
  createThread,
  newAccount,
  signIn,
  signOut,
  signUp,
} from './helpers';

test('a new account signs up, keeps its session across a reload, signs out and back in', async ({
  page,
}) => {
  const account = newAccount('auth');
  await signUp(page, account);
  await expect(page.getByRole('heading', { name: 'Welcome to Analyst' })).toBeVisible();
  await expect(page.getByText(account.email)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Analyst' })).toBeVisible();
  await expect(page.getByText(account.email)).toBeVisible();

  await signOut(page);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' }).last()).toBeVisible();

  await signIn(page, account);
  await expect(page.getByRole('heading', { name: 'Welcome to Analyst' })).toBeVisible();
});

test('a wrong password, a used email and a short password are explained in place', async ({
  page,
}) => {
  const account = newAccount('auth-errors');
  await signUp(page, account);
  await signOut(page);

  await signIn(page, { email: account.email, password: 'not the password' });
  await expect(page.getByRole('alert')).toHaveText(
    'That email and password do not match an account.',
  );
  await expect(page.getByLabel('Email')).toHaveValue(account.email);

  await page.getByRole('button', { name: 'Create account' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill('Someone Else');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).last().click();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Password').fill('long enough password');
  await page.getByRole('button', { name: 'Create account' }).last().click();
  await expect(page.getByText('An account with this email already exists.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');

  // "Sign in instead" does just that, keeping the email.
  await page.getByRole('button', { name: 'Sign in instead' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Analyst' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(account.email);
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await expect(page.getByRole('heading', { name: 'Welcome to Analyst' })).toBeVisible();
});

test('the sign-in page has a heading and starts in the email field', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Analyst' })).toBeVisible();
  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page.getByRole('button', { name: 'Sign in', pressed: true })).toBeVisible();
});

test('signed out in another tab, the thread asks to sign in again and then returns', async ({
  page,
  context,
}) => {
  const account = newAccount('elsewhere');
  await signUp(page, account);
  await createFirstProject(page, 'Onboarding');
  await createThread(page);
  const thread = page.url();

  const other = await context.newPage();
  await other.goto('/');
  await signOut(other);
  await other.close();

  await composer(page).fill('Which documents does a new supplier send us?');
  await composer(page).press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    'You were signed out. Sign in again to continue.',
  );
  expect(page.url()).toBe(thread);

  await signIn(page, account);
  await expect(page.getByRole('heading', { level: 1, name: 'New thread' })).toBeVisible();
  expect(page.url()).toBe(thread);
});
