import Anthropic from '@anthropic-ai/sdk';
import { afterAll, afterEach, beforeAll } from 'vitest';

import { startModelStub, type ModelStub, type ModelStubOptions } from '../src/index';

/**
 * One stub per test file, over real HTTP, with the real SDK pointed at it. Retries are off so
 * an injected error reaches the test as it was sent; tests about retrying build their own.
 */
export function useModelStub(options: ModelStubOptions = {}): {
  stub: ModelStub;
  client: Anthropic;
} {
  const context = {} as { stub: ModelStub; client: Anthropic };

  beforeAll(async () => {
    context.stub = await startModelStub(options);
    context.client = new Anthropic({
      apiKey: 'test-key',
      baseURL: context.stub.url,
      maxRetries: 0,
    });
  });
  afterEach(() => context.stub.reset());
  afterAll(() => context.stub.close());

  return context;
}

export const model = 'claude-sonnet-4-5';

/** The text of a Message, whatever blocks it holds. */
export function textOf(message: Anthropic.Message): string {
  return message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
}

/** The event names of a raw SSE body, in order. */
export function eventNames(body: string): string[] {
  return [...body.matchAll(/^event: (.+)$/gm)].map((match) => match[1] ?? '');
}
