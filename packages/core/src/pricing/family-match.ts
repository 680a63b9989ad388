import type { PriceEntry } from './price-file.ts';

/**
 * The family id whose id or alias is the longest prefix of `model` ending at a separator, or
 * undefined for a model the entries do not know.
 *
 * A prefix matches when the model equals it, or the model continues with `@` (Vertex AI ids) or
 * with `-` and something other than a version step. A version step is `-` and one or two digits
 * ending the id or followed by a separator: `claude-sonnet-4-7` is a different model from
 * `claude-sonnet-4`, while `claude-sonnet-4-20250514` and `claude-3-5-haiku-latest` are dated or
 * named snapshots of their family. Without that check a new minor version would be priced as its
 * older neighbour instead of at the fallback, and never logged.
 */
export function findFamily(entries: readonly PriceEntry[], model: string): string | undefined {
  let best: { prefix: string; familyId: string } | undefined;
  for (const entry of entries) {
    for (const prefix of [entry.id, ...entry.aliases]) {
      if (matchesFamily(model, prefix) && prefix.length > (best?.prefix.length ?? -1)) {
        best = { prefix, familyId: entry.id };
      }
    }
  }

  return best?.familyId;
}

function matchesFamily(model: string, prefix: string): boolean {
  if (!model.startsWith(prefix)) return false;

  const rest = model.slice(prefix.length);
  if (rest === '' || rest.startsWith('@')) return true;
  return rest.startsWith('-') && !/^-\d{1,2}(?:$|[-@])/.test(rest);
}
