import { describe, expect, it } from 'vitest';

import { cleanTitle } from './clean-title.ts';
import { isTitleDue } from './maybe-update-title.ts';

describe('cleaning a generated title', () => {
  it.each([
    ['"Loyalty Programme Rules"', 'Loyalty Programme Rules'],
    ['**Title:** Refund approvals.', 'Refund approvals'],
    ['# Checkout redesign!', 'Checkout redesign'],
    ['« Règles de remboursement »', 'Règles de remboursement'],
    ['`Supplier onboarding`…', 'Supplier onboarding'],
    ['\n\n  Warehouse move plan  \nmore text', 'Warehouse move plan'],
  ])('turns %j into %j', (raw, clean) => {
    expect(cleanTitle(raw)).toBe(clean);
  });

  it('keeps a title to at most 100 characters, cut at a word', () => {
    const title = cleanTitle(`${'word '.repeat(40)}end`);
    expect(title.length).toBeLessThanOrEqual(100);
    expect(title.endsWith('word')).toBe(true);
  });
});

describe('when a title is due', () => {
  it('is due when the count crosses a multiple of the interval, even in steps of two', () => {
    const due = (messageCount: number, titledAtCount: number) =>
      isTitleDue({ messageCount, titledAtCount, interval: 5 });
    expect([2, 4, 6].map((count) => due(count, 0))).toEqual([false, false, true]);
    expect([8, 10].map((count) => due(count, 6))).toEqual([false, true]);
    expect(due(5, 0)).toBe(true);
    expect(due(9, 5)).toBe(false);
  });
});
