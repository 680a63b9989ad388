import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import { sseHeaders } from './http-replies';

/** How a stream stops: cleanly, by a dropped connection, or not at all until someone leaves. */
export type StreamFinish = 'end' | 'destroy' | 'hang';

/**
 * Writes SSE frames one at a time, waiting for each to reach the socket, so that a fault
 * injected after them really happens after the client could have read them. Text deltas are
 * spaced by delayMs so a human (or a test) can watch a reply arrive.
 */
export async function writeFrames(options: {
  res: ServerResponse;
  requestId: string;
  frames: string[];
  finish: StreamFinish;
  delayMs: number;
  signal: AbortSignal;
}): Promise<void> {
  const { res, requestId, frames, finish, delayMs, signal } = options;

  res.writeHead(200, sseHeaders(requestId));
  try {
    for (const frame of frames) {
      if (delayMs > 0 && frame.startsWith('event: content_block_delta')) {
        await sleep(delayMs, undefined, { signal });
      }
      if (signal.aborted) return;
      await write({ res, chunk: frame });
    }
  } catch (error) {
    // The client left or the stub is closing: there is no one left to tell.
    if (signal.aborted || res.destroyed) return;
    throw error;
  }

  if (finish === 'hang') await aborted(signal);
  if (finish === 'end') res.end();
  else res.destroy();
}

/** An SSE body split into its frames, byte for byte, so a replay can be paced like a reply. */
export function splitFrames(body: string): string[] {
  return body.split(/(?<=\n\n)/);
}

function write(options: { res: ServerResponse; chunk: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    options.res.write(options.chunk, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}

/** Resolves when the signal fires, at once if it already has; a hang waits on nothing else. */
export function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
