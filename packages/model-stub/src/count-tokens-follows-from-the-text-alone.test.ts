import { expect, it } from 'vitest';

import { countTokens } from './count-tokens';

it('counts a quarter of the characters, rounded up, and at least one for any text', () => {
  expect(countTokens('')).toBe(0);
  expect(countTokens('a')).toBe(1);
  expect(countTokens('abcd')).toBe(1);
  expect(countTokens('abcde')).toBe(2);
  expect(countTokens('x'.repeat(400))).toBe(100);
});
