/**
 * Fisher–Yates: a copy of `items` in random order. `randomBelow(n)` gives a uniform integer in
 * [0, n): the CSPRNG for the engine's candidates, a seeded stream for a reproducible lottery draw.
 */
export function shuffle<T>(items: readonly T[], randomBelow: (bound: number) => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
