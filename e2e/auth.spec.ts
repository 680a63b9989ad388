import { expect, test } from '@playwright/test';

import { newAccount, signIn, signOut, signUp } from './helpers';

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
  await expect(
    page.getByText('An account with this email already exists. Sign in instead.'),
  ).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
});
