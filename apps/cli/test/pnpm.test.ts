import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CliResult } from './support/run-cli.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * `pnpm analyst ...` from the repository root, as the README tells people to run it: the command's
 * own output only, with no banner or failure line from pnpm around it.
 */
function runPnpm(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(DATA_DIR|DATABASE_URL|INIT_CWD)$/.test(name),
    ),
  );
  const child = spawn('pnpm', ['analyst', ...args], {
    cwd: repoRoot,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('pnpm analyst at the repository root', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'analyst-cli-pnpm-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const cost = ['cost', '--model', 'claude-sonnet-4-5', '--input', '1200', '--output', '300', '-q'];

  it('passes the arguments through as typed', async () => {
    expect(await runPnpm(cost)).toEqual({ code: 0, stdout: '0.0081\n', stderr: '' });
  });

  it('passes the arguments through after a separating --', async () => {
    expect(await runPnpm(['--', ...cost])).toEqual({ code: 0, stdout: '0.0081\n', stderr: '' });
  });

  it('hands back the exit code of a bad argument', async () => {
    const result = await runPnpm(['cost', '--model', 'claude-sonnet-4-5', '--input', '-1']);

    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "error: option '--input <n>' argument '-1' is invalid. " +
        'expected a whole number of tokens, zero or more.\n',
    });
  });

  it('reads a relative DATA_DIR from the directory pnpm ran in, not from apps/cli', async () => {
    const dataDir = path.join(root, 'data');

    const result = await runPnpm(['migrate'], { DATA_DIR: path.relative(repoRoot, dataDir) });

    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`database: pglite ${dataDir}`);
  });
});
