import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';

import { formatCost } from './format-cost.ts';

describe('formatCost', () => {
  it.each([
    ['0.0081', '0.0081'],
    ['0.00810000', '0.0081'],
    ['0', '0'],
    ['0.000', '0'],
    ['-0', '0'],
    ['1e-8', '0.00000001'],
    ['1.2e+21', '1200000000000000000000'],
    ['12.50', '12.5'],
    ['100', '100'],
  ])('writes %s as %s', (value, expected) => {
    expect(formatCost(new Decimal(value))).toBe(expected);
  });
});
