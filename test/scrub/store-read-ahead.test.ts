/**
 * Issue 14: a scrub reads the registry stores ahead for its next rows (their misses overlap), as a hint only: the
 * numbers read ahead are the plainly written ones of the next READ_AHEAD_ROWS rows, and answers never change.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AreaCodeBitmaps } from '../../src/registry-store/area-code-bitmaps.js';
import { encodeRegistryStore, RegistryStore } from '../../src/registry-store/registry-store.js';
import { storeCopy } from '../../src/registry-store/store-copy.js';
import { InMemoryRegistry } from '../../src/resolve/registry.js';
import { READ_AHEAD_ROWS, storesIn, StoreReadAhead } from '../../src/scrub/store-read-ahead.js';
import type { LeadRow } from '../../src/scrub/lead-table.js';
import { downloadFolder, writeDownload } from '../registry-store/ftc-files.js';
import { runCliInMemory } from '../support/run-cli-in-memory.js';

function storeListing(...numbers: number[]): RegistryStore {
  const bitmaps = new AreaCodeBitmaps();
  const coverage = new Map<number, { syncedAt: number; source: string }>();
  for (const number of numbers) {
    const areaCode = Math.floor(number / 1e7);
    if (!coverage.has(areaCode)) bitmaps.cover(areaCode);
    coverage.set(areaCode, { syncedAt: Date.parse('2026-11-30T00:00:00Z'), source: 'test' });
    bitmaps.add(areaCode, number % 1e7);
  }
  return RegistryStore.fromBytes(encodeRegistryStore(bitmaps, coverage, 'test'));
}

const row = (phone: string): LeadRow => ({ cells: ['Lead', phone], line: 2, asWritten: undefined, problem: undefined }) as unknown as LeadRow;

describe('RegistryStore.readAhead', () => {
  it('passes over anything but ten-digit NANP numbers, and leaves every answer as it was', () => {
    const store = storeListing(3035550123, 7205550100);
    const probe = [3035550123, 7205550100, 3035550124];
    const answers = (): boolean[] => probe.map((number) => store.hasNumber(Math.floor(number / 1e4), number % 1e4));
    const before = answers();
    expect(() => store.readAhead([3035550123, Number.NaN, -1, 1e10, 1.5, 7205550100, 3035550124])).not.toThrow();
    expect(() => store.readAhead(new Float64Array(100).fill(3035550123), 70)).not.toThrow();
    expect(before).toEqual([true, true, false]);
    expect(answers()).toEqual(before);
    // hasEach, which answers, still refuses what readAhead passes over.
    expect(() => store.hasEach([Number.NaN], new Uint8Array(1))).toThrow(RangeError);
  });
});

describe('storesIn', () => {
  it("finds each store behind the registries' copies once: alone, with numbers listed beside it, for several lists", () => {
    const national = storeListing(3035550123);
    const florida = storeListing(3055550123);
    const stores = storesIn({
      national: storeCopy(national, 'national.dnc', new InMemoryRegistry(['+13035550199'])),
      states: new Map([['FL', storeCopy(florida, 'fl.dnc')], ['CO', storeCopy(national, 'national.dnc')], ['TX', { syncedAt: 0, numbers: new InMemoryRegistry() }]]),
      internal: { numbers: new InMemoryRegistry() },
    });
    expect(stores).toHaveLength(2);
    expect(stores).toContain(national);
    expect(stores).toContain(florida);
    expect(storesIn(undefined)).toEqual([]);
  });
});

describe('StoreReadAhead', () => {
  it('reads ahead the plainly written numbers of the next rows, at most READ_AHEAD_ROWS of them', () => {
    const store = storeListing(3035550123);
    const readAhead = vi.spyOn(store, 'readAhead');
    const rows = [row('(303) 555-0123'), row('+17205550100'), row('call me'), row('44 20 7946 0958'), ...Array.from({ length: READ_AHEAD_ROWS + 5 }, (_, index) => row(`303555${String(1000 + index)}`))];
    const ahead = new StoreReadAhead({ national: storeCopy(store, 'national.dnc') }, 1);
    ahead.rows(rows, 0);
    expect(readAhead).toHaveBeenCalledTimes(1);
    const [numbers, count] = readAhead.mock.calls[0]!;
    expect(count).toBe(2 + (READ_AHEAD_ROWS - 4));
    expect([...(numbers as Float64Array).subarray(0, 3)]).toEqual([3035550123, 7205550100, 3035551000]);
    ahead.rows(rows, READ_AHEAD_ROWS);
    expect(readAhead.mock.calls[1]![1]).toBe(rows.length - READ_AHEAD_ROWS);
  });

  it('reads nothing ahead without a store, or without a phone column', () => {
    const store = storeListing(3035550123);
    const readAhead = vi.spyOn(store, 'readAhead');
    new StoreReadAhead({ national: { syncedAt: 0, numbers: new InMemoryRegistry(['+13035550123']) } }, 1).rows([row('3035550123')], 0);
    new StoreReadAhead({ national: storeCopy(store, 'national.dnc') }, undefined).rows([row('3035550123')], 0);
    expect(readAhead).not.toHaveBeenCalled();
  });
});

describe('a scrub against a registry store', () => {
  it('writes the same bytes with its reads ahead as without them, over several read-ahead spans and awkward rows', async () => {
    const folder = downloadFolder();
    const store = join(folder, 'registry.dnc');
    const imported = await runCliInMemory(['registry', 'import', writeDownload(folder, '2026-03-01_303_a1.txt', ['303,5550100', '303,5550123', '303,5550177']), writeDownload(folder, '2026-03-01_720_b2.txt', ['720,5550100']), '--out', store]);
    expect(imported.code).toBe(0);
    const context = join(folder, 'context.json');
    writeFileSync(context, JSON.stringify({ registries: { national: { store: 'registry.dnc' }, internal: { numbers: [] } } }));
    // 200 rows: listed and unlisted numbers in several formats, an uncovered area code, rows without a number, a
    // malformed row, and a number with letters, across three read-ahead spans.
    const phones = ['(303) 555-0100', '+13035550123', '3035550177', '303.555.0199', '720-555-0100', '+1 212 555 0100', '', '303-555-CALL'];
    const lines = ['id,name,phone', ...Array.from({ length: 200 }, (_, index) => (index === 130 ? `${index},Lead ${index},${phones[0]},a cell too many` : `${index},Lead ${index},${phones[index % phones.length]}`))];
    const leads = join(folder, 'leads.csv');
    writeFileSync(leads, `${lines.join('\n')}\n`);
    const scrub = () => runCliInMemory(['scrub', leads, '--seller', 'acme', '--context', context, '--dnc-only', '--at', '2026-03-10T17:00:00Z', '--workers', '1']);
    const readAhead = vi.spyOn(RegistryStore.prototype, 'readAhead');
    const withReadsAhead = await scrub();
    expect(readAhead.mock.calls.length).toBeGreaterThanOrEqual(Math.ceil(199 / READ_AHEAD_ROWS));
    readAhead.mockImplementation(() => {});
    const without = await scrub();
    readAhead.mockRestore();
    expect(withReadsAhead.stdout.split('\n')).toHaveLength(1 + 200 + 1);
    expect(withReadsAhead.stdout).toMatch(/dnc\.national/);
    expect(withReadsAhead).toEqual(without);
  });
});
