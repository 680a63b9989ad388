/** FNV-1a, 32 bits: stable across runs and platforms, which Math.random and Map order are not. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Picks one item for a seed. The salt names the decision, so that two choices made from the
 * same seed (the shape of a reply and its opening line, say) do not move in lockstep.
 */
export function pick<T>(options: { items: readonly [T, ...T[]]; seed: number; salt: string }): T {
  const { items, seed, salt } = options;

  const index = hashText(`${salt}:${seed}`) % items.length;
  return items[index] ?? items[0];
}
