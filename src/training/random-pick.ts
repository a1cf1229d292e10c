/** Draws from a seeded generator: every choice a drill makes goes through one of these, never Math.random. */
export interface Picker {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function picker(random: () => number): Picker {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  return {
    next: random,
    int,
    pick: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new Error('training: pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    chance: (probability) => random() < probability,
  };
}

/** A 32-bit seed for (seed, level): levels drawn with the same seed must not share one stream. */
export function mixSeed(seed: number, label: string): number {
  let hash = (seed >>> 0) ^ 0x9e3779b9;
  for (let index = 0; index < label.length; index++) {
    hash = Math.imul(hash ^ label.charCodeAt(index), 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
