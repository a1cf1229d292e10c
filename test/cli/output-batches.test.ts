import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutputBatches } from '../../src/cli/output-batches.js';

describe('OutputBatches', () => {
  it('hands out UTF-8 batches that each end at a line end and together hold every line in order', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '"', '–', 'é', '😀', '\u0000', '\ud800'), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 60 }), fc.integer({ min: 1, max: 64 }), (lines, batchBytes) => {
        const batches = new OutputBatches(batchBytes);
        const handed: Buffer[] = [];
        lines.forEach((line, index) => {
          batches.line(line);
          if (index % 7 === 0) handed.push(...batches.take());
        });
        handed.push(...batches.take(true));
        for (const batch of handed) expect(batch.at(-1)).toBe(10);
        expect(Buffer.concat(handed).toString('utf8')).toBe(lines.map((line) => `${Buffer.from(line).toString('utf8')}\n`).join(''));
        expect(handed.map((batch) => batch.toString('utf8')).join('')).toBe(Buffer.concat(handed).toString('utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a batch until it is full or a line might not fit, hands each out once, and makes room for a long line', () => {
    const batches = new OutputBatches(32);
    batches.line('abc');
    expect(batches.take()).toEqual([]);
    // 19 characters might take 57 bytes: the batch so far is sealed and the line gets a buffer of its own size.
    batches.line('0123456789012345678');
    expect(batches.take().map(String)).toEqual(['abc\n']);
    expect(batches.take(true).map(String)).toEqual(['0123456789012345678\n']);
    expect(batches.take(true)).toEqual([]);
  });
});
