/**
 * Issue 11, section 1: `dialsim registry import | info | generate`, and a store used through --context and
 * scenario files, for the national registry and state lists alike.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadFolder, writeDownload } from '../registry-store/ftc-files.js';
import { runCliInMemory } from '../support/run-cli-in-memory.js';
import { writeScenarioFiles } from '../support/scenario-files.js';

function request(to: string, at = '2026-11-20T14:00:00-07:00'): string {
  return JSON.stringify({ at, to, method: 'manual', caller: { seller: 'acme' } });
}

/** A store of two area codes downloaded on different days, and a context naming it. */
async function storeAndContext(): Promise<{ folder: string; store: string; context: string }> {
  const folder = downloadFolder();
  const store = join(folder, 'registry.dnc');
  const result = await runCliInMemory([
    'registry',
    'import',
    writeDownload(folder, '2026-11-15_303_a1.txt', ['303,5550123']),
    writeDownload(folder, '2026-10-1_720_b2.txt', ['720,5550100']),
    '--out',
    store,
  ]);
  expect(result).toEqual({ code: 0, stdout: `imported 2 full lists into ${store}: 2 numbers in 2 area codes, 12.3 kB\n`, stderr: '' });
  const context = join(folder, 'context.json');
  writeFileSync(context, JSON.stringify({ registries: { national: { store: 'registry.dnc' } } }));
  return { folder, store, context };
}

describe('dialsim registry import and info', () => {
  it('info shows the numbers, area codes with their download dates and sources, and the size', async () => {
    const { store } = await storeAndContext();
    const { code, stdout } = await runCliInMemory(['registry', 'info', store]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${store}: registry store, format 1, written by dialsim 0.1.0\n  numbers:    2\n  area codes: 2\n  downloads:  2026-10-01 to 2026-11-15\n`);
    expect(stdout).toContain('  303        2026-11-15           1  2026-11-15_303_a1.txt\n');
    expect(stdout).toContain('  720        2026-10-01           1  2026-10-1_720_b2.txt\n');
    const json = JSON.parse((await runCliInMemory(['registry', 'info', store, '--json'])).stdout);
    expect(json).toMatchObject({ numbers: 2, format: 1, oldestDownload: '2026-10-01T00:00:00Z', areaCodes: [{ areaCode: '303' }, { areaCode: '720' }] });
  });

  it('a failed import leaves the store it would replace as it was, and no partial file beside it', async () => {
    const { folder, store } = await storeAndContext();
    const before = readFileSync(store);
    const bad = writeDownload(folder, '2026-11-20_415_c3.txt', ['415,5550100', '415,555010']);
    const result = await runCliInMemory(['registry', 'import', writeDownload(folder, '2026-11-20_303_d4.txt', ['303,5550999']), bad, '--out', store]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`dialsim registry: expected a line of a full list (AAA,NNNNNNN, like the first line of the file), found "415,555010" (${bad}:2)\n`);
    expect(readFileSync(store).equals(before)).toBe(true);
    expect(readdirSync(folder).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('refuses a damaged, truncated or foreign store with a message naming it', async () => {
    const { folder, store } = await storeAndContext();
    const bytes = readFileSync(store);
    const damaged = join(folder, 'damaged.dnc');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 3]! ^= 0x10;
    writeFileSync(damaged, flipped);
    expect((await runCliInMemory(['registry', 'info', damaged])).stderr).toBe(
      `dialsim registry: the registry store ${damaged} is damaged: its checksum does not match its contents (changed or corrupted after it was written); rebuild it with \`dialsim registry import\`\n`,
    );
    const truncated = join(folder, 'truncated.dnc');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
    expect((await runCliInMemory(['registry', 'info', truncated])).stderr).toMatch(/the registry store .*truncated\.dnc is damaged: its header describes \d+ bytes but the file has \d+ \(truncated or appended to\)/);
    const foreign = join(folder, 'leads.csv');
    writeFileSync(foreign, 'phone\n303-555-0123\n');
    expect((await runCliInMemory(['registry', 'info', foreign])).stderr).toMatch(/leads\.csv is not a dialsim registry store \(it does not start with the store signature\)/);
    const future = join(folder, 'future.dnc');
    const newer = Buffer.from(bytes);
    newer.writeUInt32LE(9, 8);
    writeFileSync(future, newer);
    expect((await runCliInMemory(['registry', 'info', future])).stderr).toMatch(/is a registry store of format version 9; this dialsim reads version 1/);
    expect((await runCliInMemory(['registry', 'info', join(folder, 'nothing.dnc')])).stderr).toMatch(/cannot open the registry store .*nothing\.dnc: ENOENT/);
  });

  it('refuses a store whose header was changed, even where the sizes still add up', async () => {
    const { folder, store } = await storeAndContext();
    const bytes = readFileSync(store);
    // The metadata's length, moved by a few bytes within its 8-byte padding: the sections' sizes still match the file.
    const shifted = Buffer.from(bytes);
    shifted.writeUInt32LE(bytes.readUInt32LE(12) - 2, 12);
    const damaged = join(folder, 'header.dnc');
    writeFileSync(damaged, shifted);
    const result = await runCliInMemory(['registry', 'info', damaged]);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(`dialsim registry: the registry store ${damaged} is damaged: its checksum does not match its contents (changed or corrupted after it was written); rebuild it with \`dialsim registry import\`\n`);
  });

  it('an import onto its own base reports the store it wrote, and later reads see it', async () => {
    const { folder, store } = await storeAndContext();
    const changes = writeDownload(folder, '2026-11-20_changes.txt', ['3035550124,2026-11-19T12:00:00,A', '3035550125,2026-11-19T12:00:00,A']);
    // Older than the 303 list by then, the 720 list is not brought up to the change list's date, and says so.
    const result = await runCliInMemory(['registry', 'import', changes, '--base', store, '--out', store, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ numbers: 4, changeLists: 1, added: 2, notAdvanced: ['720'], newestDownload: '2026-11-20T00:00:00Z', oldestDownload: '2026-10-01T00:00:00Z' });
    expect(result.stderr).toBe(
      'dialsim registry: area code 720 was older than the last download when a change list came, so it keeps its date (a change list holds only the changes since that download) and will go stale: import its full list again\n',
    );
    expect(JSON.parse((await runCliInMemory(['registry', 'info', store, '--json'])).stdout)).toMatchObject({ numbers: 4 });
  });

  it('checks --out before reading anything, and names an unknown action', async () => {
    const folder = downloadFolder();
    const file = writeDownload(folder, '2026-11-15_303_a1.txt', ['303,5550123']);
    const missing = join(folder, 'no', 'such', 'registry.dnc');
    expect(await runCliInMemory(['registry', 'import', file, '--out', missing])).toMatchObject({ code: 2, stderr: `dialsim registry: cannot write ${missing}: the folder ${join(folder, 'no', 'such')} does not exist\n` });
    expect(existsSync(missing)).toBe(false);
    expect((await runCliInMemory(['registry', 'imprt'])).stderr).toBe('dialsim registry: unknown action "imprt": expected import, info or generate\n');
  });

  it('generate writes FTC-named full lists that import back to the same count', async () => {
    const folder = downloadFolder();
    const out = join(folder, 'ftc');
    expect((await runCliInMemory(['registry', 'generate', '--numbers', '5000', '--area-codes', '4', '--seed', '9', '--out', out])).stdout).toBe(`wrote 4 full lists (5,000 numbers) to ${out}\n`);
    const names = readdirSync(out);
    expect(names.every((name) => /^2026-11-30_\d{3}_[0-9a-f-]{36}\.txt$/.test(name))).toBe(true);
    const imported = await runCliInMemory(['registry', 'import', ...names.map((name) => join(out, name)), '--out', join(folder, 'r.dnc'), '--json']);
    expect(JSON.parse(imported.stdout)).toMatchObject({ numbers: 5000, fullLists: 4, lines: 5000 });
  });
});

describe('a store behind check --context', () => {
  it('lists its numbers, dates each area code by its own download, and blocks an area code it does not hold', async () => {
    const { context } = await storeAndContext();
    const requests = [request('+1 303 555 0123'), request('+1 303 555 0124'), request('+1 720 555 0199'), request('+1 415 555 0100')].join('\n');
    const { code, stdout } = await runCliInMemory(['check', '--ndjson', '--packs', 'us-federal', '--context', context], requests);
    expect(code).toBe(0);
    const decisions = stdout.trim().split('\n').map((line) => JSON.parse(line));
    const rules = decisions.map((decision) => decision.violations.map((violation: { rule: string; message: string }) => `${violation.rule}: ${violation.message}`));
    expect(rules).toEqual([
      ['dnc.national: +13035550123 is on the national do-not-call registry and no exemption applies (no purchase within 18 months, no inquiry within 3 months, no written consent to acme)'],
      [],
      // 720's download is 50 days old at the call, 303's five days: each area code is judged on its own.
      ['dnc.registry-stale: the national registry copy was synced 2026-10-01T00:00:00Z, 50 days 21:00:00 before the call; it must be at most 31 days old'],
      ["dnc.registry-stale: the national registry copy (a registry store) holds no download for area code 415, so it cannot vouch for this number; import that area code's list"],
    ]);
  });

  it('a store that cannot be opened is named with the context file and the field', async () => {
    const { folder } = await storeAndContext();
    const context = join(folder, 'missing-store.json');
    writeFileSync(context, JSON.stringify({ registries: { national: { store: 'nope.dnc' } } }));
    const { code, stderr } = await runCliInMemory(['check', '--context', context], request('+1 303 555 0123'));
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^dialsim check: ${context.replace(/[.]/g, '\\.')}: registries\\.national\\.store: cannot open the registry store .*nope\\.dnc: ENOENT`));
  });

  it("a number the store cannot vouch for is still reported on the request's own list", async () => {
    const { context } = await storeAndContext();
    const listed = JSON.stringify({ ...JSON.parse(request('+1 415 555 0100')), registries: { national: { numbers: ['+1 415 555 0100'] } } });
    const { stdout } = await runCliInMemory(['check', '--ndjson', '--packs', 'us-federal', '--context', context], listed);
    expect(JSON.parse(stdout).violations.map((violation: { rule: string }) => violation.rule)).toEqual(['dnc.registry-stale', 'dnc.national']);
  });

  it('a store and a syncedAt together are refused: the store dates itself', async () => {
    const { folder } = await storeAndContext();
    const context = join(folder, 'both.json');
    writeFileSync(context, JSON.stringify({ registries: { national: { store: 'registry.dnc', syncedAt: '2026-11-01' } } }));
    const { code, stderr } = await runCliInMemory(['check', '--context', context], request('+1 303 555 0123'));
    expect(code).toBe(2);
    expect(stderr).toContain('registries.national.syncedAt: a registry store dates each area code from its downloads: remove syncedAt, or drop the store');
  });

  it('serves a state list too', async () => {
    const folder = downloadFolder();
    const store = join(folder, 'texas.dnc');
    await runCliInMemory(['registry', 'import', writeDownload(folder, '2026-11-15_512_a1.txt', ['512,5550123']), '--out', store]);
    const context = join(folder, 'context.json');
    writeFileSync(context, JSON.stringify({ registries: { national: { syncedAt: '2026-11-15', numbers: [] }, states: { TX: { store: 'texas.dnc' } } } }));
    const { stdout } = await runCliInMemory(['check', '--ndjson', '--context', context], [request('+1 512 555 0123', '2026-11-20T14:00:00-06:00'), request('+1 512 555 0124', '2026-11-20T14:00:00-06:00')].join('\n'));
    const [listed, clear] = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(listed.violations.map((violation: { rule: string }) => violation.rule)).toEqual(['dnc.state']);
    expect(clear.verdict).toBe('allow');
  });
});

describe('a store in a scenario file', () => {
  it('screens the campaign against it, and a store that cannot be opened is named at its line', async () => {
    const folder = downloadFolder();
    const store = join(folder, 'registry.dnc');
    await runCliInMemory(['registry', 'import', writeDownload(folder, '2026-11-15_303_a1.txt', ['303,5550123']), '--out', store]);
    const scenario = (storePath: string) => `title: A store-backed registry
seller: acme
clock: { start: "2026-11-20T08:00:00-07:00" }
registries:
  national:
    store: ${storePath}
leads:
  - { id: listed, phone: "+1 303 555 0123" }
  - { id: clear, phone: "+1 303 555 0124" }
  - { id: uncovered, phone: "+1 415 555 0100" }
steps:
  - { type: dial, id: listed, lead: listed, at: "2026-11-20T14:00:00-07:00", answer: no-answer }
  - { type: dial, id: clear, lead: clear, at: "2026-11-20T14:05:00-07:00", answer: no-answer }
  - { type: dial, id: uncovered, lead: uncovered, at: "2026-11-20T14:10:00-07:00", answer: no-answer }
expect:
  - { type: decision, step: listed, verdict: block, rules: [dnc.national] }
  - { type: decision, step: clear, verdict: allow, rules: [] }
  - { type: decision, step: uncovered, verdict: block, rules: [dnc.registry-stale] }
`;
    const files = writeScenarioFiles({ 'scenario.yaml': scenario(store) });
    const report = join(files.dir, 'report.html');
    const audit = join(files.dir, 'audit.ndjson');
    const run = await runCliInMemory(['run', files.scenario, '--packs', 'us-federal', '--report', report, '--audit', audit]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The header and the report date the store per area code, not as one undated copy.
    const header = JSON.parse(readFileSync(audit, 'utf8').split('\n')[0]!);
    expect(header.registries[0]).toMatchObject({ list: 'national', syncedAt: null, areaCodes: [{ areaCode: '303', syncedAt: '2026-11-15T00:00:00Z', source: '2026-11-15_303_a1.txt', numbers: 1 }] });
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('per area code, 2026-11-15 00:00:00 UTC to 2026-11-15 00:00:00 UTC');
    expect(html).toContain('1 number in 1 area code');
    expect(html).not.toContain('undated');
    const broken = writeScenarioFiles({ 'scenario.yaml': scenario('missing.dnc') });
    const failed = await runCliInMemory(['run', broken.scenario]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/registries\.national\.store: cannot open the registry store .*missing\.dnc: ENOENT.*\(.*scenario\.yaml:6:5\)/);
  });
});
