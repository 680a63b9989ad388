import { randomUUID } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import { urls } from './ports';

export interface Account {
  name: string;
  email: string;
  password: string;
}

/** A person nobody else in the run uses. */
export function newAccount(label = 'analyst'): Account {
  const id = randomUUID().slice(0, 8);
  return { name: `Dana ${id}`, email: `${label}-${id}@example.test`, password: 'correct horse 1' };
}

/** A word no other test sends, so a stub scenario matches only this test's message. */
export function uniqueMarker(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

export async function signUp(page: Page, account: Account, base = urls.main) {
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).last().click();
  await expect(page.getByTestId('budget-meter')).toBeVisible();
}

export async function signIn(page: Page, account: Pick<Account, 'email' | 'password'>) {
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' }).last()).toBeVisible();
}

/** From the welcome page of a new account. */
export async function createFirstProject(page: Page, name: string, description = '') {
  await page.getByLabel('Project name').fill(name);
  if (description) await page.getByLabel('Description').fill(description);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** From a project's page: a new thread, opened, with the composer ready. */
export async function createThread(page: Page) {
  await page.getByRole('main').getByRole('button', { name: 'New thread' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New thread' })).toBeVisible();
  await expect(composer(page)).toBeEnabled();
}

/** A signed-up person with a project and an open, empty thread. */
export async function openNewThread(
  page: Page,
  options: { base?: string; project?: string; description?: string } = {},
) {
  const account = newAccount();
  await signUp(page, account, options.base);
  await createFirstProject(
    page,
    options.project ?? 'Invoicing',
    options.description ?? 'B2B invoicing for small wholesalers: quotes, invoices, reminders.',
  );
  await createThread(page);
  return account;
}

export function composer(page: Page) {
  return page.getByRole('textbox', { name: 'Message' });
}

export async function send(page: Page, text: string) {
  await composer(page).fill(text);
  await composer(page).press('Enter');
}

export function replies(page: Page) {
  return page.getByTestId('assistant-message');
}

/**
 * Waits for the nth reply (0-based) to finish with its cost shown; returns that cost. The
 * composer is then free again, unless that reply spent the month's budget.
 */
export async function waitForReply(page: Page, index: number): Promise<string> {
  const reply = replies(page).nth(index);
  const cost = reply.getByTestId('reply-cost');
  await expect(cost).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  return (await cost.textContent()) ?? '';
}

/** Queues a fault or a shaped reply on the stand-in model the servers call. */
export async function queueScenario(scenario: Record<string, unknown>) {
  const response = await fetch(`${urls.stub}/_stub/scenarios`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scenario),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
}

/**
 * A screenshot kept with the test's results; with UPDATE_DOCS_SCREENSHOTS=1 it also replaces the
 * README's copy in docs/screenshots, so an ordinary test run leaves the tracked files alone.
 */
export async function keepScreenshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(name) });
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    await page.screenshot({ path: `docs/screenshots/${name}` });
  }
}
