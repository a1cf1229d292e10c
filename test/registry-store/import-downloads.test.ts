import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/input-error.js';
import { importDownloads } from '../../src/registry-store/import-downloads.js';
import { RegistryStore } from '../../src/registry-store/registry-store.js';
import { downloadFolder, writeDownload, writeZippedDownload } from './ftc-files.js';

async function storeOf(paths: string[], options: { syncedAt?: number; base?: RegistryStore } = {}): Promise<RegistryStore> {
  const { bytes } = await importDownloads(paths, { createdBy: 'test', ...options });
  return RegistryStore.fromBytes(bytes);
}

async function importError(paths: string[], options: { syncedAt?: number } = {}): Promise<string> {
  const error = await importDownloads(paths, { createdBy: 'test', ...options }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as Error).message;
}

describe('importing FTC full lists', () => {
  it('lists exactly the numbers of the files, dated per area code by the file names', async () => {
    const folder = downloadFolder();
    const store = await storeOf([
      writeDownload(folder, '2026-11-3_303_5f1c.txt', ['303,5550123', '303,2000000', '303,9999999']),
      writeDownload(folder, '2026-11-20_212_9ab2.txt', ['212,5550147']),
    ]);
    expect(store.size).toBe(4);
    for (const listed of ['+13035550123', '+13032000000', '+13039999999', '+12125550147']) expect(store.has(listed)).toBe(true);
    for (const unlisted of ['+13035550124', '+12125550123', '+14155550123', '+442071234567']) expect(store.has(unlisted)).toBe(false);
    expect(store.syncedAtOf('+13035550999')).toBe(Date.UTC(2026, 10, 3));
    expect(store.syncedAtOf('+12125550000')).toBe(Date.UTC(2026, 10, 20));
    expect(store.syncedAtOf('+14155550123')).toBeUndefined();
    expect(store.areaCodes().map(({ areaCode, source, numbers }) => ({ areaCode, source, numbers }))).toEqual([
      { areaCode: '212', source: '2026-11-20_212_9ab2.txt', numbers: 1 },
      { areaCode: '303', source: '2026-11-3_303_5f1c.txt', numbers: 3 },
    ]);
  });

  it('answers like a set of the same numbers, whatever the numbers (property)', async () => {
    const local = fc.integer({ min: 2_000_000, max: 9_999_999 });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(local, { maxLength: 300 }), fc.array(local, { maxLength: 100 }), async (listed, probes) => {
        const folder = downloadFolder();
        const store = await storeOf([writeDownload(folder, '2026-11-3_720_x.txt', listed.map((n) => `720,${n}`))]);
        const set = new Set(listed);
        for (const n of [...listed, ...probes]) expect(store.has(`+1720${n}`)).toBe(set.has(n));
        expect(store.size).toBe(listed.length);
      }),
      { numRuns: 25 },
    );
  });

  it('covers an area code whose full list is empty: its numbers are vouched for as not listed', async () => {
    const folder = downloadFolder();
    const store = await storeOf([writeDownload(folder, '2026-11-3_907_x.txt', [])]);
    expect(store.syncedAtOf('+19075550123')).toBe(Date.UTC(2026, 10, 3));
    expect(store.has('+19075550123')).toBe(false);
  });

  it('reads a zipped download, checking its member against its CRC-32', async () => {
    const folder = downloadFolder();
    const path = await writeZippedDownload(folder, '2026-11-3_303_5f1c.txt.zip', ['303,5550123']);
    expect((await storeOf([path])).has('+13035550123')).toBe(true);
    // Damage one byte of the member's data (after the 30-byte local header and its name): the CRC-32 or the
    // inflater catches it, and nothing is imported.
    const bytes = readFileSync(path);
    const dataAt = 30 + bytes.readUInt16LE(26) + bytes.readUInt16LE(28);
    bytes[dataAt + 2]! ^= 0xff;
    writeFileSync(path, bytes);
    expect(await importError([path])).toMatch(/2026-11-3_303_5f1c\.txt\.zip.*(CRC-32|damaged)/);
  });

  it('refuses a zip cut short, as a download that did not finish', async () => {
    const folder = downloadFolder();
    const path = await writeZippedDownload(folder, '2026-11-3_303_5f1c.txt.zip', ['303,5550123', '303,5550124']);
    writeFileSync(path, readFileSync(path).subarray(0, 40));
    expect(await importError([path])).toMatch(/2026-11-3_303_5f1c\.txt\.zip is not a readable zip archive .*download it again/);
  });

  it('needs a download date: from the FTC file name, or --synced-at for the files without one', async () => {
    const folder = downloadFolder();
    const path = writeDownload(folder, 'area-303.txt', ['303,5550123']);
    expect(await importError([path])).toBe(`cannot tell when ${path} was downloaded: its name does not start with the FTC's date (YYYY-M-D_AAA_...); pass --synced-at DATE`);
    const store = await storeOf([path], { syncedAt: Date.UTC(2026, 10, 28) });
    expect(store.syncedAtOf('+13035550123')).toBe(Date.UTC(2026, 10, 28));
  });
});

describe('malformed lines stop the import, naming the file and line', () => {
  const cases: [string, string[], RegExp][] = [
    ['a line too short', ['303,5550123', '303,555012'], /expected a line of a full list \(AAA,NNNNNNN, like the first line of the file\), found "303,555012" \(.*:2\)$/],
    ['no comma', ['303,5550123', '303 5550123'], /found "303 5550123" \(.*:2\)$/],
    ['a letter', ['303,5550123', '303,555O123'], /found "303,555O123" \(.*:2\)$/],
    ['an area code starting with 1', ['303,5550123', '103,5550123'], /area code 103 cannot start with 0 or 1 in a North American number \(.*:2\)$/],
    ['an exchange starting with 0', ['303,5550123', '303,0550123'], /exchange 055 cannot start with 0 or 1 in a North American number \(.*:2\)$/],
    ['another area code than the file name says', ['303,5550123', '720,5550123'], /a number of area code 720 in the full list of area code 303 .*\(.*:2\)$/],
    ['a blank line', ['303,5550123', '', '303,5550124'], /found "" \(.*:2\)$/],
    ['a line of a change list', ['303,5550123', '3035550123,2026-11-04T10:00:00,A'], /expected a line of a full list.*\(.*:2\)$/],
  ];
  for (const [what, lines, message] of cases) {
    it(`${what}`, async () => {
      const folder = downloadFolder();
      expect(await importError([writeDownload(folder, '2026-11-3_303_x.txt', lines)])).toMatch(message);
    });
  }

  it('a line too long to be either kind, its start quoted', async () => {
    const folder = downloadFolder();
    expect(await importError([writeDownload(folder, '2026-11-3_303_x.txt', ['303,5550123', 'x'.repeat(100)])])).toMatch(/found "x{40}" \(.*:2\)$/);
  });

  it('a change line with a bad timestamp or action', async () => {
    const folder = downloadFolder();
    const full = writeDownload(folder, '2026-11-3_303_x.txt', ['303,5550123']);
    for (const bad of ['3035550123,2026-13-04T10:00:00,A', '3035550123,2026-11-04 10:00:00,A', '3035550123,2026-11-04T10:00:00,X']) {
      const changes = writeDownload(folder, '2026-11-5_changes.txt', ['3035550124,2026-11-04T10:00:00,A', bad]);
      expect(await importError([full, changes])).toMatch(new RegExp(`found "${bad}" \\(.*2026-11-5_changes\\.txt:2\\)$`));
    }
  });

  it('a malformed line inside a zip names the member and line', async () => {
    const folder = downloadFolder();
    const path = await writeZippedDownload(folder, '2026-11-3_303_x.txt.zip', ['303,5550123', '303,55501']);
    expect(await importError([path])).toMatch(/\(.*2026-11-3_303_x\.txt\.zip:2026-11-3_303_x\.txt:2\)$/);
  });
});

describe('change lists', () => {
  it('apply in the order of their download dates on top of the full lists: a deletion, then a re-addition', async () => {
    const folder = downloadFolder();
    const full = writeDownload(folder, '2026-11-3_303_x.txt', ['303,5550123', '303,5550124']);
    const deletes = writeDownload(folder, '2026-11-10_changes.txt', ['3035550123,2026-11-09T12:00:00,D', '3035550199,2026-11-09T12:00:00,A']);
    const readds = writeDownload(folder, '2026-11-17_changes.txt', ['3035550123,2026-11-16T08:30:00,A', '3035550124,2026-11-16T08:30:00,D']);
    // Given in the wrong order on purpose: dates decide.
    const { bytes, summary } = await importDownloads([readds, full, deletes], { createdBy: 'test' });
    const store = RegistryStore.fromBytes(bytes);
    expect(summary).toMatchObject({ fullLists: 1, changeLists: 2, added: 2, deleted: 2 });
    expect(store.has('+13035550123')).toBe(true);
    expect(store.has('+13035550124')).toBe(false);
    expect(store.has('+13035550199')).toBe(true);
    expect(store.syncedAtOf('+13035550000')).toBe(Date.UTC(2026, 10, 17));
    expect(store.areaCodes()[0]!.source).toBe('2026-11-17_changes.txt');
  });

  it('apply on top of an earlier store (--base)', async () => {
    const folder = downloadFolder();
    const base = await storeOf([writeDownload(folder, '2026-11-3_303_x.txt', ['303,5550123']), writeDownload(folder, '2026-11-3_720_x.txt', ['720,5550100'])]);
    const store = await storeOf([writeDownload(folder, '2026-11-10_changes.txt', ['7205550101,2026-11-09T12:00:00,A'])], { base });
    expect([store.has('+13035550123'), store.has('+17205550100'), store.has('+17205550101')]).toEqual([true, true, true]);
    expect(store.syncedAtOf('+13035550000')).toBe(Date.UTC(2026, 10, 10));
  });

  it('cannot add to an area code no full list covers', async () => {
    const folder = downloadFolder();
    const full = writeDownload(folder, '2026-11-3_303_x.txt', ['303,5550123']);
    const changes = writeDownload(folder, '2026-11-10_changes.txt', ['3035550124,2026-11-09T12:00:00,A', '4155550123,2026-11-09T12:00:00,A']);
    expect(await importError([full, changes])).toMatch(/area code 415 is not covered by any full list in this import .*\(.*2026-11-10_changes\.txt:2\)$/);
  });

  it('cannot be older than a full list it would apply to', async () => {
    const folder = downloadFolder();
    const full = writeDownload(folder, '2026-11-12_303_x.txt', ['303,5550123']);
    const changes = writeDownload(folder, '2026-11-10_changes.txt', ['3035550124,2026-11-09T12:00:00,A']);
    expect(await importError([full, changes])).toMatch(/the change list 2026-11-10_changes\.txt \(downloaded 2026-11-10\) is older than the list of area code 303 \(2026-11-12_303_x\.txt, 2026-11-12\)/);
  });

  it('two full lists of one area code are refused rather than one silently winning', async () => {
    const folder = downloadFolder();
    const first = writeDownload(folder, '2026-11-3_303_a.txt', ['303,5550123']);
    const second = writeDownload(folder, '2026-11-10_303_b.txt', ['303,5550124']);
    expect(await importError([first, second])).toMatch(/area code 303 is in two full lists, .*2026-11-3_303_a\.txt and .*2026-11-10_303_b\.txt/);
  });
});

describe('a store built from generated downloads', () => {
  it('holds every generated number', async () => {
    const { generateDownloads } = await import('../../src/registry-store/generate-downloads.js');
    const folder = downloadFolder();
    const generated = generateDownloads(join(folder, 'ftc'), { numbers: 20_000, seed: 3, date: '2026-11-30', areaCodes: 12 });
    const store = await storeOf([...generated.files]);
    expect(store.size).toBe(20_000);
    expect(store.areaCodes()).toHaveLength(12);
    const lines = generated.files.flatMap((file) => readFileSync(file, 'latin1').trim().split('\n'));
    expect(lines).toHaveLength(20_000);
    for (const line of lines.slice(0, 2000)) expect(store.has(`+1${line.replace(',', '')}`)).toBe(true);
  });
});
