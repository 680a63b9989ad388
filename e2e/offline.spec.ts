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
