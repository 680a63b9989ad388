import { expect, test } from '@playwright/test';

import {
  composer,
  keepScreenshot,
  openNewThread,
  queueScenario,
  replies,
  send,
  uniqueMarker,
  waitForReply,
} from './helpers';
import { installPaintProbe, readPaintProbe } from './paint-probe';

test('a reply streams in as it is written and shows its tokens and cost', async ({ page }) => {
  await installPaintProbe(page);
  await openNewThread(page, { project: 'Invoicing' });
  // Deltas 60 ms apart, so the steps stay visible even on a busy machine.
  const marker = uniqueMarker('stream');
  await queueScenario({ kind: 'reply', deltaDelayMs: 60, match: marker });

  await send(page, `What are the key requirements for payment reminders (${marker})?`);
  const reply = replies(page).first();
  // The composer waits while the reply streams, and Stop is offered.
  await expect(composer(page)).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(page.getByText('What are the key requirements for payment reminders')).toBeVisible();
  await expect(reply.locator('[data-streaming]')).toBeVisible();

  const cost = await waitForReply(page, 0);
  expect(cost).toMatch(/^\$0\.\d*[1-9]\d*$/);
  const meta = reply.getByTestId('reply-meta');
  await expect(meta).toContainText(/\d+ input tokens/);
  await expect(meta).toContainText(/\d+ output/);
  await expect(meta).not.toContainText('cache'); // none used, so none mentioned
  await expect(reply.locator('.prose strong').first()).toBeVisible(); // Markdown, not raw text

  const paint = await readPaintProbe(page);
  console.log(
    `delta arrival to paint: median ${paint.median.toFixed(1)} ms, p95 ${paint.p95.toFixed(1)} ms ` +
      `over ${String(paint.samples)} deltas; the reply was seen at ${String(paint.distinctLengths)} lengths`,
  );
  expect(paint.distinctLengths).toBeGreaterThan(5); // it grew in steps, not all at once

  // Enter sends, Shift+Enter adds a line. This reply reads from the prompt cache.
  const cached = uniqueMarker('cached');
  await queueScenario({
    kind: 'reply',
    match: cached,
    usage: { cache_creation_input_tokens: 1200, cache_read_input_tokens: 34567 },
  });
  await composer(page).fill(`Second question (${cached}), first line`);
  await composer(page).press('Shift+Enter');
  await composer(page).pressSequentially('second line: which reminder channels matter most?');
  await expect(composer(page)).toHaveValue(
    `Second question (${cached}), first line\nsecond line: which reminder channels matter most?`,
  );
  await composer(page).press('Enter');
  const secondCost = await waitForReply(page, 1);
  await expect(replies(page).nth(1).getByTestId('reply-meta')).toContainText(
    'cache 1,200 written, 34,567 read',
  );
  // One money format everywhere: the exact decimal, trailing zeros trimmed, two places at least.
  for (const shown of [cost, secondCost]) expect(shown).toMatch(/^\$[\d,]+\.(\d{2}|\d+[1-9])$/);

  // The budget meter followed without a reload.
  await expect(page.getByTestId('budget-meter')).not.toContainText('$0.00 of');

  // Stored replies show their cost after a reload too.
  await page.reload();
  await expect(replies(page)).toHaveCount(2);
  await expect(replies(page).first().getByTestId('reply-cost')).toHaveText(cost);
});

test('Stop keeps the partial reply, marked stopped, and a reload shows it as interrupted', async ({
  page,
}) => {
  await openNewThread(page);
  const marker = uniqueMarker('stop');
  await queueScenario({ kind: 'reply', deltaDelayMs: 200, match: marker });

  await send(page, `Outline the approval workflow for credit notes (${marker}).`);
  const reply = replies(page).first();
  await expect
    .poll(async () => (await reply.locator('.prose').textContent())?.length ?? 0)
    .toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Stop' }).click();

  await expect(reply.getByTestId('reply-problem')).toHaveText(
    'Stopped — what arrived is kept and billed.',
  );
  await expect(composer(page)).toBeEnabled();
  await expect(composer(page)).toBeFocused(); // ready for the next question
  const kept = (await reply.locator('.prose').textContent()) ?? '';
  expect(kept.length).toBeGreaterThan(20);
  await page.waitForTimeout(600);
  expect(await reply.locator('.prose').textContent()).toBe(kept); // nothing more arrived
  await expect(reply.getByTestId('reply-cost')).toBeVisible(); // what arrived was billed

  // The server kept what it had: after a reload the reply is there, marked as cut short.
  await expect(async () => {
    await page.reload();
    await expect(replies(page).first().getByTestId('reply-problem')).toHaveText(
      'Interrupted — the reply was cut short; what arrived is kept and billed.',
      { timeout: 2000 },
    );
  }).toPass({ timeout: 15_000 });
  const stored = (await replies(page).first().locator('.prose').textContent()) ?? '';
  expect(stored.startsWith(kept.slice(0, 20))).toBe(true);
});

test('a reply that fails upstream is marked interrupted and Retry sends it again', async ({
  page,
}) => {
  await openNewThread(page);
  const marker = uniqueMarker('retry');
  await queueScenario({ kind: 'error-mid-stream', afterDeltas: 2, match: marker });

  const question = `Which fields does a credit note need (${marker})?`;
  await send(page, question);
  const failed = replies(page).first();
  await expect(failed.getByRole('alert')).toContainText(
    'Interrupted — the model is overloaded right now; what arrived is kept and billed.',
  );
  await expect(composer(page)).toBeEnabled();
  await expect(failed.getByTestId('reply-cost')).toBeVisible(); // what arrived was billed

  await failed.getByRole('button', { name: 'Retry' }).click();
  await waitForReply(page, 1);
  await expect(page.getByText(question)).toHaveCount(2); // the same question, sent again
  await expect(replies(page).nth(1).getByTestId('reply-problem')).toHaveCount(0);
  await expect(failed.getByRole('button', { name: 'Retry' })).toHaveCount(0);
});

test('the thread title follows the conversation without a reload', async ({ page }) => {
  await openNewThread(page, {
    project: 'Field service',
    description: 'Scheduling and dispatch for engineers who service boilers at customer homes.',
  });
  const sidebar = page.getByRole('navigation', { name: 'Projects and threads' });
  const threadLink = sidebar.locator('.thread-link').first();
  await expect(threadLink).toContainText('New thread');

  const questions = [
    'Technicians need to schedule maintenance visits for boiler installations.',
    'Which scheduling constraints matter for boiler maintenance visits?',
    'How should we notify customers about upcoming boiler maintenance visits?',
  ];
  for (const [index, question] of questions.entries()) {
    await send(page, question);
    await waitForReply(page, index);
  }

  // Six messages make a title; it arrives on the open stream, with a word that it cost a call.
  await expect(threadLink).not.toContainText('New thread', { timeout: 15_000 });
  const title = (await threadLink.locator('.thread-title').textContent()) ?? '';
  expect(title.length).toBeGreaterThan(3);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('title-note')).toHaveText(
    `Title updated to “${title}”. Naming the thread is a small extra model call, listed in Usage and costs.`,
  );
  await keepScreenshot(page, 'chat.png');
});

test('HTML in a reply is shown as text and never runs', async ({ page }) => {
  await openNewThread(page);
  const marker = uniqueMarker('html');
  await queueScenario({
    kind: 'reply',
    match: marker,
    text: 'A **bold** point. <img src="x" onerror="window.__injected = 1"> <script>window.__injected = 2</script>',
  });

  await send(page, `Summarise the risks (${marker}).`);
  await waitForReply(page, 0);
  const reply = replies(page).first();
  await expect(reply.locator('strong')).toHaveText('bold');
  await expect(reply.locator('img, script')).toHaveCount(0);
  await expect(reply).toContainText('<script>window.__injected = 2</script>');
  expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
});

test('a long question folds behind Show more, and an over-long one is counted with separators', async ({
  page,
}) => {
  await openNewThread(page);
  await composer(page).fill('x'.repeat(32_001));
  await expect(composer(page)).toHaveAccessibleDescription(
    'Too long: 32,001 of 32,000 characters.',
  );
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();

  const marker = uniqueMarker('long');
  const paragraph = 'Customers return goods by post or in store; refunds follow inspection. ';
  await send(page, `${paragraph.repeat(30)}(${marker})`);
  await waitForReply(page, 0);
  const question = page.getByRole('article', { name: 'Your message' });
  const toggle = question.getByRole('button', { name: /^Show more/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const folded = (await question.locator('.msg-bubble').boundingBox())?.height ?? 0;
  expect(folded).toBeLessThan(300);

  await toggle.click();
  await expect(question.getByRole('button', { name: 'Show less' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  const unfolded = (await question.locator('.msg-bubble').boundingBox())?.height ?? 0;
  expect(unfolded).toBeGreaterThan(folded);
  await expect(question).toContainText(marker);
});
