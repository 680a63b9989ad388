import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openHarness, type Harness } from '../../test/harness.ts';
import { setUserBudget } from './set-user-budget.ts';

describe('setting a user budget', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('pglite');
  });
  afterAll(async () => {
    await h.close();
  });

  it('stores a plain decimal exactly and clears it back to the default', async () => {
    const userId = await h.createUser();
    const { email } = await h.db.user.findUniqueOrThrow({ where: { id: userId } });

    // Emails are kept in lower case; a person may type theirs otherwise.
    await setUserBudget({ deps: h.deps, email: email.toUpperCase(), limitUsd: '12.000000000001' });
    const set = await h.db.user.findUniqueOrThrow({ where: { id: userId } });
    await setUserBudget({ deps: h.deps, email, limitUsd: null });
    const cleared = await h.db.user.findUniqueOrThrow({ where: { id: userId } });

    expect(set.monthlyBudgetUsd?.toFixed()).toBe('12.000000000001');
    expect(cleared.monthlyBudgetUsd).toBeNull();
  });

  it.each(['0x10', '1e3', '-1', '0.0000000000001', '1000000000000', 'ten', ''])(
    'refuses %j as invalid input and changes nothing',
    async (amount) => {
      const userId = await h.createUser('5');
      const { email } = await h.db.user.findUniqueOrThrow({ where: { id: userId } });

      await expect(setUserBudget({ deps: h.deps, email, limitUsd: amount })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
      const after = await h.db.user.findUniqueOrThrow({ where: { id: userId } });
      expect(after.monthlyBudgetUsd?.toFixed()).toBe('5');
    },
  );
});
