import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from './support/run-cli.ts';

const MODEL = ['--model', 'claude-sonnet-4-5'];
const BUDGET_HINT =
  'expected an amount in USD such as 25 or 0.50 (below 10^12, at most 12 decimals), or "default".';

/** Each mistake, and the single line the command answers it with. */
const mistakes: [string, string[], string][] = [
  [
    'a negative token count',
    ['cost', ...MODEL, '--input', '-5'],
    "error: option '--input <n>' argument '-5' is invalid. expected a whole number of tokens, zero or more.",
  ],
  [
    'a fractional token count',
    ['cost', ...MODEL, '--cache-read', '1.5'],
    "error: option '--cache-read <n>' argument '1.5' is invalid. expected a whole number of tokens, zero or more.",
  ],
  ['no model', ['cost', '--input', '5'], "error: required option '--model <id>' not specified"],
  [
    'a model flag without its value',
    ['cost', '--model'],
    "error: option '--model <id>' argument missing",
  ],
  [
    'a day that does not exist',
    ['cost', ...MODEL, '--at', '2026-02-30'],
    "error: option '--at <date>' argument '2026-02-30' is invalid. expected a date written YYYY-MM-DD.",
  ],
  [
    'a misspelt option',
    ['cost', ...MODEL, '--inptu', '5'],
    "error: unknown option '--inptu' (Did you mean --input?)",
  ],
  [
    'a month that does not exist',
    ['usage', '--month', '2026-13'],
    "error: option '--month <yyyy-mm>' argument '2026-13' is invalid. expected a month written YYYY-MM.",
  ],
  [
    'a negative budget',
    ['budget', 'set', 'ada@example.com', '-3'],
    "error: command-argument value '-3' is invalid for argument 'usd'. " + BUDGET_HINT,
  ],
  [
    'a budget written in exponent form',
    ['budget', 'set', 'ada@example.com', '1e3'],
    "error: command-argument value '1e3' is invalid for argument 'usd'. " + BUDGET_HINT,
  ],
  [
    'a budget finer than the ledger keeps',
    ['budget', 'set', 'ada@example.com', '0.0000000000001'],
    "error: command-argument value '0.0000000000001' is invalid for argument 'usd'. " + BUDGET_HINT,
  ],
  ['a missing email', ['token', 'create'], "error: missing required argument 'email'"],
  [
    'no command at all',
    [],
    'error: missing command for "analyst"; expected one of: ' +
      'cost, usage, budget, token, prices, migrate, users.',
  ],
  [
    'an unknown subcommand',
    ['budget', 'raise'],
    'error: unknown command "raise" for "budget"; expected one of: set, show.',
  ],
  [
    'an extra argument',
    ['budget', 'show', 'ada@example.com', 'extra'],
    "error: too many arguments for 'show'. Expected 1 argument but got 2.",
  ],
];

describe('a mistake on the command line', () => {
  let root: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'analyst-cli-args-'));
    env = { DATA_DIR: path.join(root, 'data') };
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it.each(mistakes)(
    'is reported in one stderr line with exit code 2: %s',
    async (_, args, line) => {
      const result = await runCli(args, env);

      expect(result).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
    },
  );

  it('is a user nobody signed up as, reported with exit code 2', async () => {
    const result = await runCli(['budget', 'show', 'nobody@example.com'], env);

    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: User nobody@example.com not found.\n',
    });
  });

  it('is a setting the command cannot use, reported with exit code 2', async () => {
    const result = await runCli(['migrate'], { DATABASE_URL: 'mysql://localhost/analyst' });

    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: invalid configuration: DATABASE_URL: DATABASE_URL must be a postgresql:// URL\n',
    });
  });
});

describe('an unexpected failure', () => {
  it('is reported in one stderr line with exit code 1', async () => {
    // Nothing listens on port 1, so the connection is refused.
    const result = await runCli(['migrate'], {
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/analyst',
    });

    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: unexpected failure: connect ECONNREFUSED 127.0.0.1:1\n',
    });
  });
});

describe('help', () => {
  it('lists the commands on stdout and exits 0', async () => {
    const result = await runCli(['--help']);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: analyst \[options\] \[command\]\n/);
    for (const name of ['cost', 'usage', 'budget', 'token', 'prices', 'migrate', 'users']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
  });
});
