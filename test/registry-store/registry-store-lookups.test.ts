import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AreaCodeBitmaps } from '../../src/registry-store/area-code-bitmaps.js';
import { encodeRegistryStore, RegistryStore } from '../../src/registry-store/registry-store.js';

const SYNCED_AT = Date.parse('2026-11-30T00:00:00Z');

/** A store of `listed` ten-digit numbers, covering their area codes and `alsoCovered` (which list nothing). */
function storeOf(listed: readonly number[], alsoCovered: readonly number[] = []): RegistryStore {
  const bitmaps = new AreaCodeBitmaps();
  const coverage = new Map<number, { syncedAt: number; source: string }>();
  for (const areaCode of [...listed.map((number) => Math.floor(number / 1e7)), ...alsoCovered]) {
    if (coverage.has(areaCode)) continue;
    bitmaps.cover(areaCode);
    coverage.set(areaCode, { syncedAt: SYNCED_AT, source: 'test' });
  }
  for (const number of listed) bitmaps.add(Math.floor(number / 1e7), number % 1e7);
  return RegistryStore.fromBytes(encodeRegistryStore(bitmaps, coverage, 'test'));
}

function oneByOne(store: RegistryStore, numbers: readonly number[]): number[] {
  return numbers.map((number) => (store.hasNumber(Math.floor(number / 1e4), number % 1e4) ? 1 : 0));
}

function eachAtOnce(store: RegistryStore, numbers: readonly number[]): number[] {
  const listed = new Uint8Array(numbers.length).fill(7);
  store.hasEach(numbers, listed);
  return [...listed];
}

// Numbers crowded into a few area codes and exchanges, so that queries meet dense, sparse and empty exchanges alike.
const areaCode = fc.constantFrom(201, 303, 720, 999);
const exchange = fc.constantFrom(0, 200, 555, 999);
const crowdedNumber = fc
  .tuple(areaCode, exchange, fc.integer({ min: 0, max: 9999 }))
  .map(([npa, nxx, line]) => npa * 1e7 + nxx * 1e4 + line);
const anyNumber = fc.oneof(crowdedNumber, fc.integer({ min: 0, max: 9_999_999_999 }));

describe('RegistryStore.hasEach', () => {
  it('answers every number as hasNumber does, across stages of any length', () => {
    fc.assert(
      fc.property(fc.uniqueArray(crowdedNumber, { maxLength: 3000 }), fc.array(anyNumber, { maxLength: 200 }), (listed, others) => {
        const store = storeOf(listed, [404]);
        // The listed numbers, their neighbours and unrelated ones, so that both answers are common.
        const queries = [...listed.slice(0, 150), ...listed.slice(0, 50).map((number) => (number + 1) % 1e10), ...others, 404_555_0100];
        const answers = eachAtOnce(store, queries);
        expect(answers).toEqual(oneByOne(store, queries));
        expect(answers.slice(0, Math.min(150, listed.length)).every((answer) => answer === 1)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('answers an exchange listed in full, and the first and last number of the plan', () => {
    const full = Array.from({ length: 10_000 }, (_, line) => 303_555_0000 + line);
    const store = storeOf([...full, 0, 9_999_999_999]);
    const queries = [303_555_0000, 303_555_9999, 303_554_9999, 303_556_0000, 0, 1, 9_999_999_999, 9_999_999_998];
    expect(eachAtOnce(store, queries)).toEqual([1, 1, 0, 0, 1, 0, 1, 0]);
  });

  it('writes nothing for no numbers, and refuses answers it has no room for', () => {
    const store = storeOf([303_555_0123]);
    const listed = new Uint8Array(0);
    store.hasEach([], listed);
    expect(() => store.hasEach([303_555_0123, 303_555_0124], new Uint8Array(1))).toThrow(/2 numbers but room for 1 answers/);
  });

  it('refuses a value that is not a whole number from 0 to 9,999,999,999, naming where it is', () => {
    const store = storeOf([303_555_0123]);
    for (const bad of [Number.NaN, -1, 1e10, 303_555_0123.5]) {
      expect(() => store.hasEach([303_555_0123, bad], new Uint8Array(2))).toThrow(`numbers[1] is ${bad}, not a whole number from 0 to 9,999,999,999 (NPA-NXX-XXXX)`);
    }
  });
});
