import { DomainError } from '@analyst/core';
import { CommanderError } from 'commander';

import { ConfigError } from './env.ts';

/** A bad argument the person can fix. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

/**
 * The exit code and the single stderr line for an error that ended the command: 2 for anything
 * the person can fix by changing what they typed (or the settings), 1 for everything else.
 * Only a domain error's message is meant for people; any other error is shown as a failure.
 */
export function describeFailure(error: unknown): { exitCode: number; line?: string } {
  // --help and --version also end through exitOverride, with an exit code of 0 and nothing to add.
  if (error instanceof CommanderError && error.exitCode === 0) return { exitCode: 0 };
  if (error instanceof CommanderError) {
    // Commander's own messages already start with "error:"; a suggestion follows on a new line.
    return { exitCode: EXIT_USAGE, line: oneLine(error.message) };
  }
  if (error instanceof UsageError || error instanceof ConfigError) {
    return { exitCode: EXIT_USAGE, line: `error: ${oneLine(error.message)}` };
  }
  if (error instanceof DomainError && isUsageCode(error.code)) {
    return { exitCode: EXIT_USAGE, line: `error: ${oneLine(error.message)}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_FAILURE, line: `error: unexpected failure: ${oneLine(message)}` };
}

function isUsageCode(code: DomainError['code']): boolean {
  return code === 'NOT_FOUND' || code === 'INVALID_INPUT' || code === 'CONFLICT';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
