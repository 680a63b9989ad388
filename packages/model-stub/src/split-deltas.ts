import { countTokens } from './count-tokens';

const wordsPerDelta = 3;

/**
 * Cuts a reply into text deltas of a few words, whitespace kept, so that joining them gives
 * back the text exactly, as the SDK's accumulated message must.
 */
export function splitIntoDeltas(text: string): string[] {
  const words = text.match(/\s*\S+/g) ?? [];
  const trailing = text.slice(words.join('').length);

  const deltas: string[] = [];
  for (let start = 0; start < words.length; start += wordsPerDelta) {
    deltas.push(words.slice(start, start + wordsPerDelta).join(''));
  }
  if (trailing !== '') deltas.push(`${deltas.pop() ?? ''}${trailing}`);
  return deltas;
}

/**
 * Keeps as much of the reply as max_tokens allows, cutting inside a delta (even inside a word,
 * as the real model does) so the output count lands on the limit rather than short of it.
 */
export function fitToMaxTokens(options: { deltas: string[]; maxTokens: number }): {
  deltas: string[];
  truncated: boolean;
} {
  const { deltas, maxTokens } = options;

  const kept: string[] = [];
  let emitted = '';
  for (const delta of deltas) {
    if (countTokens(emitted + delta) <= maxTokens) {
      kept.push(delta);
      emitted += delta;
      continue;
    }
    const characters = Array.from(delta);
    let length = characters.length - 1;
    while (length > 0 && countTokens(emitted + characters.slice(0, length).join('')) > maxTokens) {
      length -= 1;
    }
    if (length > 0) kept.push(characters.slice(0, length).join(''));
    return { deltas: kept, truncated: true };
  }
  return { deltas: kept, truncated: false };
}
