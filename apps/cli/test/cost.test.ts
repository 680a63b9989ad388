import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { lines, runCli } from './support/run-cli.ts';

describe('analyst cost', () => {
  let root: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'analyst-cli-cost-'));
    // A data directory that must still not exist afterwards: pricing never opens the database.
    env = { DATA_DIR: path.join(root, 'data') };
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('prices 1,200 input and 300 output tokens of Sonnet 4.5 at 0.0081 USD', async () => {
    const result = await runCli(
      [
        'cost',
        '--model',
        'claude-sonnet-4-5',
        '--input',
        '1200',
        '--output',
        '300',
        '--at',
        '2026-12-01',
      ],
      env,
    );

    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(lines(result.stdout)).toEqual([
      'model  claude-sonnet-4-5',
      'price  claude-sonnet-4-5@2025-09-29, in force on 2026-12-01',
      '',
      'part    tokens  USD/M     USD',
      'input     1200      3  0.0036',
      'output     300     15  0.0045',
      'total                  0.0081',
      '',
      '0.0081',
    ]);
    expect(existsSync(env.DATA_DIR!)).toBe(false);
  });

  it('prices Haiku 4.5 cache writes of both lifetimes each at its own rate', async () => {
    const result = await runCli(
      [
        'cost',
        '--model',
        'claude-haiku-4-5',
        '--input',
        '21',
        '--cache-write-5m',
        '2000',
        '--cache-write-1h',
        '4000',
        '--output',
        '3',
        '--at',
        '2026-12-01',
      ],
      env,
    );

    expect(result.code).toBe(0);
    const output = lines(result.stdout);
    expect(output.slice(3, -2)).toEqual([
      'part            tokens  USD/M       USD',
      'input               21      1  0.000021',
      'cache write 5m    2000   1.25    0.0025',
      'cache write 1h    4000      2     0.008',
      'output               3      5  0.000015',
      'total                          0.010536',
    ]);
    expect(output.at(-1)).toBe('0.010536');
  });

  it('charges the Sonnet 5.5 cache read rate in force on the --at date', async () => {
    const args = ['cost', '--model', 'claude-sonnet-5-5', '--cache-read', '1000000', '--quiet'];

    const before = await runCli([...args, '--at', '2026-10-06'], env);
    const from = await runCli([...args, '--at', '2026-10-07'], env);

    expect(before).toEqual({ code: 0, stdout: '0.2\n', stderr: '' });
    expect(from).toEqual({ code: 0, stdout: '0.1\n', stderr: '' });
  });

  it('bills a long Sonnet 4.5 prompt entirely at the long-context rates', async () => {
    const result = await runCli(
      ['cost', '--model', 'claude-sonnet-4-5-20250929', '--input', '200001', '--output', '1000'],
      env,
    );

    // 200,001 x 6 / 1M + 1,000 x 22.50 / 1M = 1.200006 + 0.0225
    expect(result.code).toBe(0);
    expect(lines(result.stdout)[1]).toMatch(/^price {2}claude-sonnet-4-5@2025-09-29#long, /);
    expect(lines(result.stdout).at(-1)).toBe('1.222506');
  });

  it('refuses a model the price table does not know, in one line with exit code 2', async () => {
    const result = await runCli(['cost', '--model', 'gpt-4o', '--input', '10'], env);

    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: unknown model "gpt-4o": no family in the price table matches it ' +
        '(see `analyst prices`, or pass --fallback to price it as the server would).\n',
    });
  });

  it('prices an unknown model at the configured fallback with --fallback', async () => {
    const result = await runCli(
      ['cost', '--model', 'gpt-4o', '--input', '1000000', '--fallback', '--at', '2026-12-01'],
      { ...env, ANALYST_FALLBACK_MODEL: 'claude-haiku-4-5' },
    );

    expect(result.code).toBe(0);
    expect(lines(result.stdout)[1]).toBe(
      'price  fallback:claude-haiku-4-5@2025-10-15, in force on 2026-12-01 ' +
        '(the fallback for an unknown model)',
    );
    expect(lines(result.stdout).at(-1)).toBe('1');
  });
});
