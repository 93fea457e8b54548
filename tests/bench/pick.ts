/** Deterministic choices, so every run times the same documents, codes and passages. */

/** mulberry32: tiny, fast, and good enough to spread picks; seeded so runs repeat. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` items spread evenly over `items` sorted by `weight` (light to heavy), so a rotation covers typical and large cases alike. */
export function spread<T>(items: readonly T[], count: number, weight: (item: T) => number): T[] {
  const ordered = [...items].sort((a, b) => weight(a) - weight(b));
  if (ordered.length <= count) return ordered;
  return Array.from({ length: count }, (_, i) => ordered[Math.floor(((i + 0.5) * ordered.length) / count)]!);
}

/** The item with the largest weight. */
export function heaviest<T>(items: readonly T[], weight: (item: T) => number): T {
  if (items.length === 0) throw new RangeError('Nothing to choose from.');
  return items.reduce((best, item) => (weight(item) > weight(best) ? item : best));
}

/** The item whose weight is nearest `target` (ties: the first). */
export function nearest<T>(items: readonly T[], weight: (item: T) => number, target: number): T {
  if (items.length === 0) throw new RangeError('Nothing to choose from.');
  return items.reduce((best, item) => (Math.abs(weight(item) - target) < Math.abs(weight(best) - target) ? item : best));
}

/** Cycles through a non-empty list by repetition number (warm-ups are negative). */
export function rotate<T>(items: readonly T[], i: number): T {
  if (items.length === 0) throw new RangeError('Nothing to rotate through.');
  return items[((i % items.length) + items.length) % items.length]!;
}
