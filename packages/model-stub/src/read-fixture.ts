import { readFileSync } from 'node:fs';

/** The recorded API streams shipped in ../fixtures, described in the package README. */
export type FixtureName = 'text-reply' | 'two-deltas' | 'overloaded-mid-stream' | 'cache-1h';

/** A fixture's SSE text, ready for `{ kind: 'raw', body }`. Accepts the name with or without .sse. */
export function readFixture(name: FixtureName | `${FixtureName}.sse`): string {
  const file = name.endsWith('.sse') ? name : `${name}.sse`;
  return readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8');
}
