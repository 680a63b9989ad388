import pino, { type Logger } from 'pino';

import type { Env } from './env.ts';

/**
 * JSON lines on stderr, so stdout carries only what a script reads. Synchronous, so a line
 * logged just before exit is not lost.
 */
export function createLogger(env: Pick<Env, 'LOG_LEVEL'>): Logger {
  return pino(
    { level: env.LOG_LEVEL, base: { service: 'analyst-cli' } },
    pino.destination({ dest: 2, sync: true }),
  );
}
