import { expect, test } from '@playwright/test';

import { newAccount, signUp } from './helpers';

test('keyboard users get a skip link and a visible focus ring', async ({ page }) => {
  await signUp(page, newAccount('keyboard'));
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  const outline = await focused.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');

  // A project made with the keyboard alone.
  await page.getByLabel('Project name').focus();
  await page.keyboard.type('Keyboard only');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard only' })).toBeVisible();
});
