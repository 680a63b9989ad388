import { expect, test } from '@playwright/test';

import { openNewThread, send, waitForReply } from './helpers';
import { urls } from './ports';

// This server has no API key: it answers with its own offline stand-in and must say so.
test('replies from the offline stand-in model are announced', async ({ page }) => {
  await page.goto(`${urls.offline}/`);
  await expect(page.getByTestId('offline-notice')).toContainText('Offline stand-in model.');

  await openNewThread(page, { base: urls.offline });
  const notice = page.getByTestId('offline-notice');
  await expect(notice).toContainText('Replies come from a local stand-in, not Claude');
  await expect(notice).toContainText('claude-sonnet-4-5');
  await send(page, 'Draft acceptance criteria for exporting invoices to PDF.');
  await waitForReply(page, 0);
});

test('a server with a real model shows no offline notice', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' }).last()).toBeVisible();
  await expect(page.getByTestId('offline-notice')).toHaveCount(0);
});

test('on a phone the offline notice is one line and stays dismissed for the session', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`${urls.offline}/`);
  const notice = page.getByTestId('offline-notice');
  await expect(notice).toContainText('Offline stand-in model.');
  expect((await notice.boundingBox())?.height ?? 0).toBeLessThanOrEqual(40);

  await notice.getByRole('button', { name: 'Dismiss the offline notice' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(notice).toHaveCount(0);

  // A new tab is a new session: it is told again.
  const other = await context.newPage();
  await other.goto(`${urls.offline}/`);
  await expect(other.getByTestId('offline-notice')).toBeVisible();
});
