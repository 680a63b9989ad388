import { readFile } from 'node:fs/promises';

import { expect, test } from '@playwright/test';

import { openNewThread, send, waitForReply } from './helpers';

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
  const month = page.getByLabel('Month', { exact: true });
  await expect(month).toBeVisible();
  expect(await month.locator('option').count()).toBeGreaterThan(1);

  await expect(page.getByRole('heading', { name: 'Spend per day' })).toBeVisible();
  await expect(page.locator('.chart-box svg.recharts-surface')).toBeVisible();
  const byModel = page.getByRole('region', { name: 'By model' });
  await expect(byModel.getByRole('rowheader', { name: 'claude-sonnet-4-5' })).toBeVisible();
  const byKind = page.getByRole('region', { name: 'By kind' });
  await expect(byKind.getByRole('rowheader', { name: 'Chat replies' })).toBeVisible();
  await expect(page.getByTestId('ledger-row')).toHaveCount(2);
  await expect(page.getByTestId('ledger-row').last()).toContainText(shownCost);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^analyst-usage-\d{4}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const [header = '', ...lines] = csv.trim().split(/\r?\n/);
  const columns = header.split(',');
  expect(columns).toEqual(expect.arrayContaining(['createdAt', 'kind', 'model', 'cost']));
  const rows = lines.map((line) =>
    Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])),
  );
  const chats = rows.filter((row) => row.kind === 'chat');
  expect(chats).toHaveLength(2);
  // Oldest first: the first chat row is the first reply.
  expect(`$${chats[0]?.cost ?? ''}`).toBe(shownCost);

  // An earlier month is empty but still a page, not an error.
  const previous = await month.locator('option').nth(1).getAttribute('value');
  await month.selectOption(previous ?? '');
  await expect(page.getByText(/No spend in /)).toBeVisible();
  await expect(page.getByText('No model calls recorded this month.')).toBeVisible();
  await month.selectOption({ index: 0 });
  await expect(page.locator('.chart-box svg.recharts-surface')).toBeVisible();
  // The page scrolls inside its main area, so a tall window shows all of it.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await expect(page.getByTestId('ledger-row')).toHaveCount(2);
  await page.screenshot({ path: 'docs/screenshots/usage.png' });
});
