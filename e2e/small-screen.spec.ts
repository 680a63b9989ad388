import { expect, test } from '@playwright/test';

import { openNewThread, send, waitForReply } from './helpers';

// Small and dark: the drawer layout and the dark palette get looked at together.
test.use({
  viewport: { width: 375, height: 740 },
  hasTouch: true,
  isMobile: true,
  colorScheme: 'dark',
});

test('at 375 px the sidebar folds behind a menu button and nothing overflows', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' }).last()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: testInfo.outputPath('sign-in-375-dark.png') });

  await openNewThread(page, { project: 'Mobile banking' });
  const sidebar = page.getByRole('navigation', { name: 'Projects and threads' });
  const menu = page.getByRole('button', { name: 'Open menu' });
  await expect(menu).toBeVisible();
  await expect(sidebar).toBeHidden();

  await send(page, 'What should a card freeze feature let customers do from the app?');
  await waitForReply(page, 0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: testInfo.outputPath('thread-375-dark.png') });

  await menu.click();
  await expect(sidebar).toBeVisible();
  await page.waitForTimeout(250); // let the drawer finish sliding in
  await page.screenshot({ path: testInfo.outputPath('menu-375-dark.png') });
  await expect(page.getByRole('button', { name: 'Close menu' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await page.keyboard.press('Escape');
  await expect(sidebar).toBeHidden();

  // The project dialog dims the page clearly, even in the dark palette.
  await menu.click();
  await sidebar.getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog.getByLabel('Project name')).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('dialog-375-dark.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(sidebar).toBeHidden();

  await page.getByRole('button', { name: 'Open menu' }).click();
  await sidebar.getByRole('link', { name: 'Usage and costs' }).click();
  await expect(sidebar).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Usage and costs' })).toBeVisible();
  await expect(page.locator('.chart-box svg.recharts-surface')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // The tables stack each row into a card, so every cost is on screen, not scrolled off.
  for (const cost of await page.locator('.usage-page .cell-cost').all()) {
    await cost.scrollIntoViewIfNeeded();
    await expect(cost).toBeInViewport({ ratio: 1 });
  }
  await expect(page.locator('.usage-page .cell-cost')).toHaveCount(3);
  await expect(page.getByTestId('ledger-row').first()).toContainText('Mobile banking');
  await page.screenshot({ path: testInfo.outputPath('usage-375-dark.png'), fullPage: true });
});
