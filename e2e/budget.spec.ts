import { expect, test } from '@playwright/test';

import { openNewThread, replies, send, waitForReply } from './helpers';
import { urls } from './ports';

// This server gives every account a monthly budget of $0.0001, so one reply spends it.
test('a spent budget refuses the next message with what was spent, the limit and the reset', async ({
  page,
}) => {
  await openNewThread(page, { base: urls.budget });
  const meter = page.getByTestId('budget-meter');
  await expect(meter).toHaveAttribute('data-level', 'ok');
  await expect(meter).toContainText('of $0.0001');

  await send(page, 'Summarise the scope of a returns portal for online shoppers.');
  await waitForReply(page, 0);
  await expect(meter).toHaveAttribute('data-level', 'over');

  await send(page, 'And which stakeholders should sign it off?');
  const banner = page.getByTestId('budget-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Monthly budget reached.');
  await expect(banner).toContainText(
    /You have spent \$0\.\d+ of your \$0\.0001 limit this month\./,
  );

  const now = new Date();
  const reset = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const resetText = reset.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  await expect(banner).toContainText(`It resets on ${resetText}.`);
  await expect(page.getByText('Not sent: the monthly budget is used up.')).toBeVisible();
  await expect(replies(page)).toHaveCount(1); // no reply was started
});
