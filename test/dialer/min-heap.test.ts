import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../src/dialer/min-heap.js';

describe('MinHeap', () => {
  it('gives its items back by key, ties in the order they were pushed, pushes and pops interleaved', () => {
    // A push (a key, few distinct so ties are common) or a pop (null).
    const operations = fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null, freq: 3 }), { maxLength: 300 });
    fc.assert(
      fc.property(operations, (steps) => {
        const heap = new MinHeap<number>();
        // The reference: every item held, sorted by (key, push number) at each pop.
        let held: { key: number; pushed: number }[] = [];
        let pushed = 0;
        for (const key of steps) {
          if (key !== null) {
            heap.push(key, pushed);
            held.push({ key, pushed: pushed++ });
          } else {
            held = held.sort((a, b) => a.key - b.key || a.pushed - b.pushed);
            expect(heap.peekKey()).toBe(held[0]?.key);
            expect(heap.pop()).toBe(held.shift()?.pushed);
          }
          expect(heap.size).toBe(held.length);
        }
        held.sort((a, b) => a.key - b.key || a.pushed - b.pushed);
        for (const { pushed: item } of held) expect(heap.pop()).toBe(item);
        expect(heap.pop()).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });
});
