/**
 * A token count for text whose count the upstream never reported (a reply cut off before its
 * final usage). About four characters make a token in English prose; this errs neither way on
 * purpose, since it bills what was actually delivered.
 */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

/**
 * The input size assumed when reserving budget before a call. It errs high (three characters a
 * token) so that the reservation covers the real cost.
 */
export function estimateInputTokensHigh(texts: string[]): number {
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  return Math.ceil(chars / 3) + 16 * texts.length;
}
