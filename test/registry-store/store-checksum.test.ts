/**
 * Issue 14: a store file's checksum is taken chunk by chunk as the file is read (each chunk while it is in the
 * cache), and must be the whole file's checksum, whatever the chunks, and refuse a file damaged in any chunk.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AreaCodeBitmaps } from '../../src/registry-store/area-code-bitmaps.js';
import { encodeRegistryStore, RegistryStore } from '../../src/registry-store/registry-store.js';
import { StoreChecksum, storeChecksum } from '../../src/registry-store/store-checksum.js';
import { seededRandom } from '../../src/core/seeded-random.js';
import { scratchDir } from '../support/scratch-dir.js';

/** A store of `count` numbers spread over ten area codes: over three read chunks for a million. */
function storeBytes(count: number): Uint8Array {
  const random = seededRandom(14);
  const bitmaps = new AreaCodeBitmaps();
  const coverage = new Map<number, { syncedAt: number; source: string }>();
  for (let areaCode = 201; areaCode <= 210; areaCode++) {
    bitmaps.cover(areaCode);
    coverage.set(areaCode, { syncedAt: Date.parse('2026-11-30T00:00:00Z'), source: 'test' });
  }
  for (let index = 0; index < count; index++) bitmaps.add(201 + Math.floor(random() * 10), 2_000_000 + Math.floor(random() * 8_000_000));
  return encodeRegistryStore(bitmaps, coverage, 'test');
}

describe('StoreChecksum', () => {
  it("is the whole file's checksum whatever chunks the file arrives in, those that split the header included", () => {
    const bytes = storeBytes(2000);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), (cuts) => {
        const bounds = [0, ...[...cuts, 7, 8, 9, 20, 22, 24].filter((cut) => cut < bytes.length).sort((a, b) => a - b), bytes.length];
        const checksum = new StoreChecksum();
        for (let index = 1; index < bounds.length; index++) if (bounds[index]! > bounds[index - 1]!) checksum.add(bytes, bounds[index - 1]!, bounds[index]!);
        expect(checksum.matches(bytes)).toBe(true);
      }),
    );
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(20, true)).toBe(storeChecksum(bytes));
  });
});

describe('RegistryStore.open', () => {
  const bytes = storeBytes(1_000_000);
  const dir = scratchDir('store-checksum');

  it('opens a file of several read chunks as the same store its bytes make', () => {
    expect(bytes.length).toBeGreaterThan(3 * (1 << 18));
    const path = join(dir, 'intact.dnc');
    writeFileSync(path, bytes);
    const opened = RegistryStore.open(path);
    expect(opened.size).toBe(RegistryStore.fromBytes(bytes).size);
    expect(opened.size).toBeGreaterThan(900_000);
  });

  it.each([
    // The stored count of numbers: a header field only the checksum covers.
    ['in the header', 26],
    ['in the first chunk', 1000],
    ['in a middle chunk', (1 << 18) * 2 + 5],
    ['in the last byte', -1],
  ])('refuses a file with one byte changed %s', (_where, at) => {
    const damaged = Buffer.from(bytes);
    const index = at < 0 ? damaged.length + at : at;
    damaged[index]! ^= 0x04;
    const path = join(dir, `damaged-${index}.dnc`);
    writeFileSync(path, damaged);
    expect(() => RegistryStore.open(path)).toThrow(/is damaged: its checksum does not match its contents/);
  });
});
