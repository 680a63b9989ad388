import { readFile } from 'node:fs/promises';

import { expect, test } from '@playwright/test';

import { keepScreenshot, openNewThread, send, waitForReply } from './helpers';

test('the usage page shows the month and a CSV with the same cost as the reply', async ({
  page,
}) => {
  await openNewThread(page, { project: 'Procurement' });
  await send(page, 'List the approval steps for purchase orders above the spending threshold.');
  const shownCost = await waitForReply(page, 0);
  await send(page, 'Which roles approve purchase orders, and who can delegate approval?');
  await waitForReply(page, 1);

  await page.getByRole('link', { name: 'Usage and costs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Usage and costs' })).toBeVisible();
  // A new account offers only the months it existed in: this one.
  const month = page.getByLabel('Month', { exact: true });
  await expect(month).toBeVisible();
  await expect(month.locator('option')).toHaveCount(1);
  await expect(month.locator('option')).toContainText('(this month)');

  await expect(page.getByRole('heading', { name: 'Spend per day' })).toBeVisible();
  await expect(page.locator('.chart-box svg.recharts-surface')).toBeVisible();
  const byModel = page.getByRole('region', { name: 'By model' });
  await expect(byModel.getByRole('rowheader', { name: 'claude-sonnet-4-5' })).toBeVisible();
  const byKind = page.getByRole('region', { name: 'By kind' });
  await expect(byKind.getByRole('rowheader', { name: 'Chat replies' })).toBeVisible();
  const ledgerRows = page.getByTestId('ledger-row');
  await expect(ledgerRows).toHaveCount(2);
  await expect(ledgerRows.last()).toContainText(shownCost);
  // Each call names its thread and project.
  await expect(ledgerRows.last().locator('.ledger-thread')).toHaveText('New threadProcurement');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^analyst-usage-\d{4}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const [header = '', ...lines] = csv.trim().split(/\r?\n/);
  const columns = header.split(',');
  expect(columns).toEqual(
    expect.arrayContaining(['createdAt', 'kind', 'model', 'cost', 'projectName', 'threadTitle']),
  );
  const rows = lines.map((line) =>
    Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])),
  );
  const chats = rows.filter((row) => row.kind === 'chat');
  expect(chats).toHaveLength(2);
  // Oldest first: the first chat row is the first reply. The CSV has the exact decimal, which
  // the page shows as is, only with trailing zeros trimmed.
  expect(formatExact(chats[0]?.cost ?? '')).toBe(shownCost);
  expect(chats[0]?.projectName).toBe('Procurement');
  expect(chats[0]?.threadTitle).toBe('New thread');

  // The page scrolls inside its main area, so a tall window shows all of it.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await expect(ledgerRows).toHaveCount(2);
  await keepScreenshot(page, 'usage.png');

  // A deleted thread's calls keep their cost and say what became of the thread.
  await page.goBack();
  await page.getByRole('button', { name: 'Delete thread' }).click();
  await page
    .getByRole('dialog', { name: 'Delete “New thread”?' })
    .getByRole('button', { name: 'Delete thread' })
    .click();
  await expect(page.getByRole('heading', { name: 'No threads yet' })).toBeVisible();
  await page.getByRole('link', { name: 'Usage and costs' }).click();
  await expect(ledgerRows).toHaveCount(2);
  await expect(ledgerRows.last().locator('.ledger-thread')).toHaveText('deleted thread');
  await expect(ledgerRows.last()).toContainText(shownCost);
});

/** "0.00312600" -> "$0.003126", "50" -> "$50.00": the app's one money format. */
function formatExact(decimal: string): string {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return `$${whole}.${fraction.replace(/0+$/, '').padEnd(2, '0')}`;
}
