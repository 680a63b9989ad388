import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { lines, runCli } from './support/run-cli.ts';

/** The cells of a family's row; empty cells (no aliases, no tier) vanish in the split. */
function rowOf(stdout: string, family: string): string[] | undefined {
  return lines(stdout)
    .map((line) => line.split(/ {2,}/))
    .find((cells) => cells[0] === family);
}

describe('analyst prices', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'analyst-cli-prices-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists the row in force on the --at date', async () => {
    const before = await runCli(['prices', '--at', '2026-10-06']);
    const from = await runCli(['prices', '--at', '2026-10-07']);

    expect(before).toMatchObject({ code: 0, stderr: '' });
    expect(lines(before.stdout)[0]).toBe('Prices in force on 2026-10-06, USD per million tokens.');
    expect(rowOf(before.stdout, 'claude-sonnet-5-5')).toEqual([
      'claude-sonnet-5-5',
      '2026-09-28',
      '2',
      '2.5',
      '4',
      '0.2',
      '10',
    ]);
    expect(rowOf(from.stdout, 'claude-sonnet-5-5')).toEqual([
      'claude-sonnet-5-5',
      '2026-10-07',
      '2',
      '2.5',
      '4',
      '0.1',
      '10',
    ]);
  });

  it('shows aliases and the long-prompt tier', async () => {
    const result = await runCli(['prices', '--at', '2026-10-06']);

    expect(rowOf(result.stdout, 'claude-sonnet-4-5')).toEqual([
      'claude-sonnet-4-5',
      'claude-sonnet-4-5-20250514',
      '2025-09-29',
      '3',
      '3.75',
      '6',
      '0.3',
      '15',
      'over 200000: 6 / 7.5 / 12 / 0.6 / 22.5',
    ]);
  });

  it('adds the models of ANALYST_PRICES_FILE and names the fallback in use', async () => {
    const file = path.join(root, 'extra-prices.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 'test',
        currency: 'USD',
        unit: 'per_million_tokens',
        entries: [
          {
            id: 'acme-model-1',
            aliases: ['acme-1'],
            effectiveFrom: '2026-01-01',
            rates: {
              input: '1.5',
              cacheWrite5m: '2',
              cacheWrite1h: '3',
              cacheRead: '0.15',
              output: '7.5',
            },
          },
        ],
      }),
    );

    const result = await runCli(['prices', '--at', '2026-10-06'], {
      ANALYST_PRICES_FILE: file,
      ANALYST_FALLBACK_MODEL: 'acme-model-1',
    });

    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(rowOf(result.stdout, 'acme-model-1')).toEqual([
      'acme-model-1',
      'acme-1',
      '2026-01-01',
      '1.5',
      '2',
      '3',
      '0.15',
      '7.5',
    ]);
    expect(lines(result.stdout)).toContain('Unknown models are priced as acme-model-1.');
  });
});
