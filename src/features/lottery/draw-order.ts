import { createHmac, randomBytes } from 'node:crypto';
import { shuffle } from '../../shared/shuffle.ts';

/** A fresh seed for a draw: 32 random bytes from the operating system's CSPRNG, as hex. */
export function newDrawSeed(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The entrants in the order of the draw: a Fisher–Yates shuffle whose random numbers come from
 * HMAC-SHA256(seed, counter). The same seed and the same list (in the stored order) give the same
 * order, so anyone holding the seed can check a draw; without it the order cannot be foreseen.
 * Rejection sampling keeps every position equally likely (no modulo bias).
 */
export function drawOrder<T>(entrants: readonly T[], seedHex: string): T[] {
  return shuffle(entrants, uniformNumbers(Buffer.from(seedHex, 'hex')));
}

/** Uniform integers in [0, bound) from the seeded stream. */
function uniformNumbers(seed: Buffer): (bound: number) => number {
  let counter = 0;
  let block = Buffer.alloc(0);
  let offset = 0;
  const next32 = () => {
    if (offset + 4 > block.length) {
      block = createHmac('sha256', seed).update(String(counter++)).digest();
      offset = 0;
    }
    const value = block.readUInt32BE(offset);
    offset += 4;
    return value;
  };
  return (bound) => {
    const limit = Math.floor(0x1_0000_0000 / bound) * bound;
    for (;;) {
      const value = next32();
      if (value < limit) return value % bound;
    }
  };
}
