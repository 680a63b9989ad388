/**
 * The stub's one notion of a token: a quarter of the characters, rounded up. It is not the
 * real tokenizer, so counts are only comparable with other stub counts; what matters is that
 * a test can compute the exact number the stub will report from the text alone.
 */
export function countTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
