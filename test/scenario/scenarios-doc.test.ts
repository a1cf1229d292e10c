import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { knownKeysAt } from '../../src/core/schema-keys.js';
import { leadFileSchema, leadSchema } from '../../src/dialer/campaign-config.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario } from '../../src/scenario/run-scenario.js';
import { COUNTABLE, expectationSchema, NEVER_ALLOWED, scenarioSchema, stepSchema } from '../../src/scenario/scenario-schema.js';
import { scratchDir } from '../support/scratch-dir.js';

/** docs/scenarios.md against the schema and the library: a field, a step, an expectation or a scenario it omits fails. */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const doc = readFileSync(join(root, 'docs/scenarios.md'), 'utf8');
const libraryFiles = readdirSync(join(root, 'scenarios')).filter((name) => name.endsWith('.yaml'));

/** Whether the page names a field in code: `field`, `parent.field` or `list[].field`. */
const mentions = (name: string) => new RegExp(`[\`.\\]]${name.replace(/[-.]/g, '\\$&')}\``).test(doc);

const variants = (union: typeof stepSchema | typeof expectationSchema) =>
  union.options.map((option) => ({ type: String(option.shape.type.value), fields: Object.keys(option.shape) }));

describe('docs/scenarios.md', () => {
  it('lists every scenario of the library', () => {
    expect(libraryFiles.filter((name) => !doc.includes(`[\`${name}\`](../scenarios/${name})`))).toEqual([]);
  });

  it('documents every top-level field of the format', () => {
    const fields = knownKeysAt(scenarioSchema, []);
    expect(fields).toContain('expect');
    expect(fields.filter((field) => !mentions(field))).toEqual([]);
  });

  it('documents every field of clock, dialer, leads, registries, consents and relationships', () => {
    const nested = [
      ...knownKeysAt(scenarioSchema, ['clock']),
      ...knownKeysAt(scenarioSchema, ['dialer']),
      ...knownKeysAt(scenarioSchema, ['dialer', 'agents']),
      ...knownKeysAt(scenarioSchema, ['dialer', 'agents', 'shift']),
      ...knownKeysAt(scenarioSchema, ['dialer', 'pacing']),
      ...knownKeysAt(scenarioSchema, ['dialer', 'retry']),
      ...knownKeysAt(scenarioSchema, ['dialer', 'filters']),
      ...knownKeysAt(leadSchema, []),
      ...knownKeysAt(scenarioSchema, ['registries']),
      ...knownKeysAt(scenarioSchema, ['registries', 'national']),
      ...knownKeysAt(scenarioSchema, ['consents', 0]),
      ...knownKeysAt(scenarioSchema, ['relationships', 0]),
      ...knownKeysAt(scenarioSchema, ['outcomeModel']),
    ];
    expect(nested.length).toBeGreaterThan(40);
    expect([...new Set(nested)].filter((field) => !mentions(field))).toEqual([]);
  });

  it.each(variants(stepSchema))('documents the $type step in its own section, with each of its fields', ({ type, fields }) => {
    expect(doc).toContain(`### ${type}\n`);
    expect(fields.filter((field) => !mentions(field))).toEqual([]);
  });

  it.each(variants(expectationSchema))('documents the $type expectation in its own section, with each of its fields', ({ type, fields }) => {
    expect(doc).toContain(`### ${type}\n`);
    expect(fields.filter((field) => !mentions(field))).toEqual([]);
  });

  it('says what each count and each never-allowed kind checks', () => {
    expect(COUNTABLE.filter((of) => !doc.includes(`| \`${of}\` |`))).toEqual([]);
    expect(NEVER_ALLOWED.filter((what) => !doc.includes(`| \`${what}\` |`))).toEqual([]);
  });

  it('names the ways to run scenarios: dialsim run scenarios/, npm start and every flag', () => {
    for (const text of ['dialsim run scenarios/', 'npm start', '--json', '--audit FILE', '--report FILE', '--seed N']) expect(doc).toContain(text);
  });
});

describe('the complete scenario in docs/scenarios.md', () => {
  const section = doc.slice(doc.indexOf('## A complete scenario'));
  const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;

  it('uses every top-level field of the format', () => {
    const used = Object.keys(parse(example) as Record<string, unknown>);
    // firmContact is for broker-dealers only, and policies needs a module file beside the example: both have rows above.
    expect(knownKeysAt(scenarioSchema, []).filter((field) => !used.includes(field) && field !== 'firmContact' && field !== 'policies')).toEqual([]);
  });

  it('loads, runs and meets every expectation it states', () => {
    const dir = scratchDir('doc');
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'example.yaml'), example);
    const result = runScenario(loadScenario(join(dir, 'example.yaml'), { pack: packsInForce() }), { pack: packsInForce() });
    const failing = result.expectations.filter((expectation) => !expectation.passed);
    expect(failing).toEqual([]);
    expect(result.expectations).toHaveLength(8);
  });
});

describe('the CRM export in docs/scenarios.md', () => {
  const section = doc.slice(doc.indexOf('### A CRM export'));
  const csv = /```csv\n([\s\S]*?)```/.exec(section)![1]!;
  const source = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;

  it('loads as documented: the mapped columns give the fields, yes/no the line types, the others attributes', () => {
    const dir = scratchDir('doc');
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data/crm.csv'), csv);
    writeFileSync(join(dir, 'example.yaml'), `title: CRM export\nseller: acme\nclock: { start: 2026-03-10T08:00:00-07:00 }\n${source}`);
    const { leads } = loadScenario(join(dir, 'example.yaml'), { pack: packsInForce() });
    expect(leads.map(({ id, phone, state, lineType, attributes }) => ({ id, phone, state, lineType, attributes }))).toEqual([
      { id: 'C001', phone: '(303) 555-0101', state: 'CO', lineType: 'landline', attributes: { 'First Name': 'Ann', 'Last Name': 'Lee', Zip: '80202' } },
      { id: 'C002', phone: '(303) 555-0102', state: 'CO', lineType: 'mobile', attributes: { 'First Name': 'Raj', 'Last Name': 'Patel', Zip: '80203' } },
    ]);
  });

  it('documents each field of a lead file source', () => {
    expect(knownKeysAt(leadFileSchema, []).filter((field) => !mentions(`leads.${field}`))).toEqual([]);
  });
});
