import type { DatabaseKind } from '@analyst/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTarget, withOpen, type TestTarget } from './support/databases.ts';
import { lines, runCli } from './support/run-cli.ts';
import { createUser, recordCall } from './support/seed.ts';

const kinds: DatabaseKind[] = ['pglite', 'postgres'];
const NOVEMBER = new Date('2026-11-15T10:00:00Z');

describe.each(kinds)('analyst usage on %s', (kind) => {
  let target: TestTarget;
  let costs: string[];
  beforeAll(async () => {
    target = await createTarget(kind);
    costs = await withOpen(target, async (database) => {
      await createUser(database, 'u-ada', 'ada@example.com');
      await createUser(database, 'u-bob', 'bob@example.com');
      const sonnet = 'claude-sonnet-4-5';
      return [
        // 1,200 x 3 + 300 x 15, per million: 0.0036 + 0.0045
        await recordCall(database, {
          userId: 'u-ada',
          model: sonnet,
          usage: { inputTokens: 1200, outputTokens: 300 },
          at: NOVEMBER,
        }),
        // 1,000 x 3 + 100 x 15 + 2,000 cache reads x 0.30: 0.003 + 0.0015 + 0.0006
        await recordCall(database, {
          userId: 'u-ada',
          model: sonnet,
          usage: { inputTokens: 1000, outputTokens: 100, cacheReadInputTokens: 2000 },
          at: new Date('2026-11-30T23:59:59Z'),
        }),
        // 21 x 1 + 2,000 x 1.25 + 4,000 x 2 + 3 x 5: 0.000021 + 0.0025 + 0.008 + 0.000015
        await recordCall(database, {
          userId: 'u-ada',
          model: 'claude-haiku-4-5',
          usage: {
            inputTokens: 21,
            outputTokens: 3,
            cacheCreationInputTokens: 6000,
            cacheCreation5mInputTokens: 2000,
            cacheCreation1hInputTokens: 4000,
          },
          at: new Date('2026-11-01T00:00:00Z'),
        }),
        await recordCall(database, {
          userId: 'u-bob',
          model: sonnet,
          usage: { inputTokens: 1200, outputTokens: 300 },
          at: NOVEMBER,
        }),
        // Either side of November: in no November report.
        await recordCall(database, {
          userId: 'u-ada',
          model: sonnet,
          usage: { inputTokens: 1000 },
          at: new Date('2026-10-31T23:59:59Z'),
        }),
        await recordCall(database, {
          userId: 'u-bob',
          model: sonnet,
          usage: { inputTokens: 1000 },
          at: new Date('2026-12-01T00:00:00Z'),
        }),
      ];
    });
  });
  afterAll(async () => {
    await target.dispose();
  });

  it('recorded the calls at the costs worked out by hand', () => {
    expect(costs).toEqual(['0.0081', '0.0051', '0.010536', '0.0081', '0.003', '0.003']);
  });

  it('sums the month per user and model in an aligned table with a total', async () => {
    const result = await runCli(['usage', '--month', '2026-11'], target.env);

    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(lines(result.stdout)).toEqual([
      'Usage in 2026-11 (UTC)',
      'user             model              requests  input  output  cache writes  cache reads  cost USD',
      'ada@example.com  claude-haiku-4-5          1     21       3          6000            0  0.010536',
      'ada@example.com  claude-sonnet-4-5         2   2200     400             0         2000    0.0132',
      'bob@example.com  claude-sonnet-4-5         1   1200     300             0            0    0.0081',
      'total                                      4   3421     703          6000         2000  0.031836',
    ]);
  });

  it('writes the same sums as RFC 4180 CSV with --csv', async () => {
    const result = await runCli(['usage', '--month', '2026-11', '--csv'], target.env);

    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'user_email,model,requests,input_tokens,output_tokens,cache_creation_input_tokens,' +
        'cache_read_input_tokens,cost_usd\r\n' +
        'ada@example.com,claude-haiku-4-5,1,21,3,6000,0,0.010536\r\n' +
        'ada@example.com,claude-sonnet-4-5,2,2200,400,0,2000,0.0132\r\n' +
        'bob@example.com,claude-sonnet-4-5,1,1200,300,0,0,0.0081\r\n',
    });
  });

  it('keeps to one user with --user', async () => {
    const result = await runCli(
      ['usage', '--month', '2026-10', '--user', 'ada@example.com'],
      target.env,
    );

    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(lines(result.stdout)).toEqual([
      'Usage in 2026-10 (UTC)',
      'user             model              requests  input  output  cache writes  cache reads  cost USD',
      'ada@example.com  claude-sonnet-4-5         1   1000       0             0            0     0.003',
      'total                                      1   1000       0             0            0     0.003',
    ]);
  });

  it('refuses a user nobody signed up as, with exit code 2', async () => {
    const result = await runCli(['usage', '--user', 'nobody@example.com'], target.env);

    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: User nobody@example.com not found.\n',
    });
  });
});
