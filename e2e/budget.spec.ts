import { expect, test, type Page } from '@playwright/test';

import { composer, openNewThread, replies, send, waitForReply } from './helpers';
import { urls } from './ports';

// This server gives every account a monthly budget of $0.0001, so one reply spends it.

function resetText(): string {
  const now = new Date();
  const reset = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return reset.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

async function expectSendingPaused(page: Page) {
  const banner = page.getByTestId('budget-banner');
  await expect(banner).toHaveCount(1);
  await expect(banner).toContainText('Monthly budget reached.');
  await expect(banner).toContainText(
    /You have spent \$0\.\d+ of your \$0\.0001 limit this month\./,
  );
  await expect(banner).toContainText(`It resets on ${resetText()}.`);
  await expect(composer(page)).toBeDisabled();
  await expect(composer(page)).toHaveAccessibleDescription(
    `Sending is paused: this month's budget is used up. It resets on ${resetText()}.`,
  );
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
}

test('a spent budget is shown up front and the composer is paused before anyone types', async ({
  page,
}) => {
  await openNewThread(page, { base: urls.budget });
  const meter = page.getByTestId('budget-meter');
  await expect(meter).toHaveAttribute('data-level', 'ok');
  await expect(meter).toContainText('of $0.0001');
  await expect(page.getByTestId('budget-banner')).toHaveCount(0);

  await send(page, 'Summarise the scope of a returns portal for online shoppers.');
  await waitForReply(page, 0);
  await expect(meter).toHaveAttribute('data-level', 'over');
  await expect(meter).toHaveAccessibleName(/^This month \$0\.\d+ of \$0\.0001 Budget used up$/);

  // No second message is needed to find out: the banner and the paused composer come at once.
  await expectSendingPaused(page);
  await page.reload();
  await expectSendingPaused(page);
  await expect(page.getByText(/Not sent/)).toHaveCount(0);
  await expect(replies(page)).toHaveCount(1);
});

test('a message refused in a race keeps its text, shows the banner once and adds no bubble', async ({
  page,
  context,
}) => {
  await openNewThread(page, { base: urls.budget });
  const thread = page.url();

  // Another tab of the same account spends the budget while this one still thinks it has some.
  const other = await context.newPage();
  await other.goto(thread);
  await send(other, 'Which stakeholders should sign off the returns policy?');
  await waitForReply(other, 0);
  await other.close();

  const question = 'And what should the refund timeline be?';
  await expect(composer(page)).toBeEnabled();
  await send(page, question);
  await expect(page.getByTestId('budget-banner')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Monthly budget reached.' })).toHaveCount(
    1,
  );
  await expect(composer(page)).toHaveValue(question); // put back, not lost
  await expectSendingPaused(page);
  // The history now shows the other tab's exchange, and nothing for the refused message.
  await expect(replies(page)).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'Your message' })).toHaveCount(1);
  await expect(page.getByText(/Not sent/)).toHaveCount(0);
});
