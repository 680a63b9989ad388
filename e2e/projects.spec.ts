import { expect, test } from '@playwright/test';

import { createFirstProject, createThread, newAccount, signUp } from './helpers';

test('a project is created, renamed, described and deleted after a confirmation', async ({
  page,
}) => {
  await signUp(page, newAccount('projects'));
  const sidebar = page.getByRole('navigation', { name: 'Projects and threads' });
  await expect(page.getByRole('heading', { name: 'Create your first project' })).toBeVisible();

  await createFirstProject(page, 'Warehouse scanning', 'Handheld scanners for stock counts.');
  await expect(page.getByText('Handheld scanners for stock counts.')).toBeVisible();
  await expect(sidebar.getByRole('link', { name: 'Warehouse scanning' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No threads yet' })).toBeVisible();

  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByLabel('Project name').fill('Warehouse scanning v2');
  await page.getByLabel('Description').fill('Scanners and a count reconciliation screen.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Warehouse scanning v2' }),
  ).toBeVisible();
  await expect(page.getByText('Scanners and a count reconciliation screen.')).toBeVisible();
  await expect(sidebar.getByRole('link', { name: 'Warehouse scanning v2' })).toBeVisible();

  await page.reload();
  await expect(page.getByText('Scanners and a count reconciliation screen.')).toBeVisible();

  // Cancelling keeps it; confirming deletes it.
  await page.getByRole('button', { name: 'Delete project' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Warehouse scanning v2”?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Warehouse scanning v2' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Delete project' }).click();
  await dialog.getByRole('button', { name: 'Delete project' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Analyst' })).toBeVisible();
  await expect(sidebar.getByRole('link', { name: 'Warehouse scanning v2' })).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
});

test('a thread is created, renamed in place and deleted', async ({ page }) => {
  await signUp(page, newAccount('threads'));
  await createFirstProject(page, 'Loyalty programme');
  const sidebar = page.getByRole('navigation', { name: 'Projects and threads' });

  await createThread(page);
  await expect(page).toHaveURL(/\/projects\/[^/]+\/threads\/[^/]+$/);
  await expect(page.getByRole('heading', { name: 'Start the conversation' })).toBeVisible();

  await page.getByRole('button', { name: 'Rename' }).click();
  const title = page.getByRole('textbox', { name: 'Thread title' });
  await expect(title).toBeFocused();
  await title.fill('Points expiry rules');
  await title.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Points expiry rules' })).toBeVisible();
  const rename = page.getByRole('button', { name: 'Rename thread' });
  await expect(rename).toBeFocused(); // back where the keyboard user started

  await rename.press('Enter');
  await expect(title).toBeFocused();
  await title.press('Escape');
  await expect(rename).toBeFocused();
  await expect(sidebar.getByRole('link', { name: /Points expiry rules/ })).toBeVisible();

  // The address is the thread's, so a reload lands on it again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Points expiry rules' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete thread' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Points expiry rules”?' });
  await dialog.getByRole('button', { name: 'Delete thread' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Loyalty programme' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No threads yet' })).toBeVisible();
  await expect(sidebar.getByRole('link', { name: /Points expiry rules/ })).toHaveCount(0);
});

test('a double click creates one project and one thread, not two', async ({ page }) => {
  await signUp(page, newAccount('double-click'));
  const sidebar = page.getByRole('navigation', { name: 'Projects and threads' });

  await page.getByLabel('Project name').fill('Returns portal');
  await page.getByRole('button', { name: 'Create project' }).dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'Returns portal' })).toBeVisible();
  // The focus moves on to what comes next instead of getting lost with the form.
  const newThread = page.getByRole('main').getByRole('button', { name: 'New thread' });
  await expect(newThread).toBeFocused();

  await newThread.dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'New thread' })).toBeVisible();

  // Counted from the server, not from what the page happened to cache.
  await page.reload();
  await expect(sidebar.locator('.thread-link')).toHaveCount(1);
  await expect(sidebar.locator('.project-link')).toHaveCount(1);
  await sidebar.getByRole('link', { name: 'Returns portal' }).click();
  await expect(page.getByRole('main').locator('.thread-card')).toHaveCount(1);
});

test('the sidebar opens the one project form, a dialog with name and description', async ({
  page,
}) => {
  await signUp(page, newAccount('project-dialog'));
  await createFirstProject(page, 'Payroll');
  const sidebar = page.getByRole('navigation', { name: 'Projects and threads' });

  const open = sidebar.getByRole('button', { name: 'New project' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog.getByLabel('Project name')).toBeFocused();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  await open.click();
  await dialog.getByLabel('Project name').fill('Expenses');
  await dialog.getByLabel('Description').fill('Claims, receipts and approvals for staff expenses.');
  await dialog.getByRole('button', { name: 'Create project' }).dblclick();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Expenses' })).toBeVisible();
  await expect(page.getByText('Claims, receipts and approvals for staff expenses.')).toBeVisible();
  await expect(page.getByRole('main').getByRole('button', { name: 'New thread' })).toBeFocused();

  await page.reload();
  await expect(sidebar.locator('.project-link')).toHaveCount(2);
});
