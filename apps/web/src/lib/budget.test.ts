import { describe, expect, it } from 'vitest';

import { budgetLevel, budgetShare } from './budget';

describe('the budget meter turns amber at 80 % and red at 100 %', () => {
  it.each([
    ['0', '50', 'ok'],
    ['39.99', '50', 'ok'],
    ['40', '50', 'warn'],
    ['49.999999', '50', 'warn'],
    ['50', '50', 'over'],
    ['0.000123', '0.0001', 'over'],
    ['0', '0', 'over'],
  ])('%s of %s is %s', (spent, limit, level) => {
    expect(budgetLevel(budgetShare({ spent, limit }))).toBe(level);
  });
});
