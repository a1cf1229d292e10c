import { describe, expect, it } from 'vitest';
import { CallsInProgress } from '../../../src/dialer/breaches/calls-in-progress.js';

const id = (n: number) => `A${String(n).padStart(7, '0')}`;

describe('CallsInProgress', () => {
  it('gives back what was set for an id, undefined once deleted or never set', () => {
    const calls = new CallsInProgress<number>();
    calls.set(id(1), 10);
    calls.set(id(2), 20);
    expect(calls.get(id(1))).toBe(10);
    calls.delete(id(1));
    expect(calls.get(id(1))).toBeUndefined();
    expect(calls.get(id(2))).toBe(20);
    expect(calls.get(id(3))).toBeUndefined();
    calls.delete(id(3));
    expect(calls.get(id(2))).toBe(20);
  });

  it('replaces the value of an id set again, in the short list and past it', () => {
    const calls = new CallsInProgress<string>();
    for (let n = 1; n <= 40; n++) calls.set(id(n), `first ${n}`);
    calls.set(id(5), 'again 5');
    calls.set(id(38), 'again 38');
    expect(calls.get(id(5))).toBe('again 5');
    expect(calls.get(id(38))).toBe('again 38');
    calls.delete(id(38));
    expect(calls.get(id(38))).toBeUndefined();
  });

  it('agrees with a Map over a long run of sets and deletes, with up to 50 calls in progress (past the short list)', () => {
    const calls = new CallsInProgress<number>();
    const reference = new Map<string, number>();
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let step = 0; step < 20_000; step++) {
      const key = id(Math.floor(random() * 50));
      const roll = random();
      if (roll < 0.45) {
        calls.set(key, step);
        reference.set(key, step);
      } else if (roll < 0.8) {
        calls.delete(key);
        reference.delete(key);
      }
      expect(calls.get(key)).toBe(reference.get(key));
    }
    for (let n = 0; n < 50; n++) expect(calls.get(id(n))).toBe(reference.get(id(n)));
  });
});
