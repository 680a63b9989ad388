import { expect, it } from 'vitest';

import { countTokens } from './count-tokens';
import { fitToMaxTokens, splitIntoDeltas } from './split-deltas';

it('splits a reply into few-word deltas that join back into it exactly', () => {
  const text = '  **Scope**\n- In scope: exports.\n\n1. Who signs off?  \n';

  const deltas = splitIntoDeltas(text);

  expect(deltas.join('')).toBe(text);
  expect(deltas.every((delta) => delta.trim().split(/\s+/).length <= 3)).toBe(true);
  expect(splitIntoDeltas('')).toEqual([]);
});

it('fits deltas to max_tokens, cutting inside the delta that overflows', () => {
  const deltas = splitIntoDeltas('Given a buyer, when they export orders, then a file appears.');

  const fitted = fitToMaxTokens({ deltas, maxTokens: 5 });

  expect(fitted.truncated).toBe(true);
  expect(countTokens(fitted.deltas.join(''))).toBe(5);
  expect(fitToMaxTokens({ deltas, maxTokens: 1000 })).toEqual({ deltas, truncated: false });
});
