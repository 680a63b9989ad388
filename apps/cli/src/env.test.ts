import { describe, expect, it } from 'vitest';

import { readEnv } from './env.ts';

describe('readEnv', () => {
  it('reads a relative DATA_DIR from where pnpm was run, not from apps/cli', () => {
    const env = readEnv({ DATA_DIR: './data', INIT_CWD: '/repo' }, '/repo/apps/cli');

    expect(env.DATA_DIR).toBe('/repo/data');
  });

  it('reads a relative DATA_DIR from the working directory when not run by pnpm', () => {
    expect(readEnv({}, '/somewhere').DATA_DIR).toBe('/somewhere/data');
  });

  it('keeps an absolute DATA_DIR and the in-memory database as they are', () => {
    expect(readEnv({ DATA_DIR: '/var/analyst', INIT_CWD: '/repo' }).DATA_DIR).toBe('/var/analyst');
    expect(readEnv({ DATA_DIR: 'memory', INIT_CWD: '/repo' }).DATA_DIR).toBe('memory');
  });

  it('reads a relative price file from where pnpm was run', () => {
    const env = readEnv({ ANALYST_PRICES_FILE: 'prices.json', INIT_CWD: '/repo' }, '/x');

    expect(env.ANALYST_PRICES_FILE).toBe('/repo/prices.json');
  });

  it('defaults to a 50 USD budget, warn-level logging and the embedded database', () => {
    expect(readEnv({}, '/repo')).toEqual({
      DATA_DIR: '/repo/data',
      DATABASE_URL: undefined,
      ANALYST_PRICES_FILE: undefined,
      ANALYST_FALLBACK_MODEL: undefined,
      ANALYST_DEFAULT_MONTHLY_BUDGET_USD: '50',
      LOG_LEVEL: 'warn',
    });
  });

  it('refuses a budget that is not a plain decimal, naming the setting', () => {
    expect(() => readEnv({ ANALYST_DEFAULT_MONTHLY_BUDGET_USD: '-5' })).toThrow(
      'invalid configuration: ANALYST_DEFAULT_MONTHLY_BUDGET_USD: ' +
        'ANALYST_DEFAULT_MONTHLY_BUDGET_USD must be a decimal amount',
    );
  });
});
