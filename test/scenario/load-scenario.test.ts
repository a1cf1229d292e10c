import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario } from '../../src/scenario/run-scenario.js';
import { loadProblems, writeScenarioFiles } from '../support/scenario-files.js';

/**
 * Bad scenario files: each is refused before anything runs, with a message that names the file, the line and
 * column and the field path. Messages are asserted in full, not just "it throws".
 */

const setup = writeScenarioFiles;

const HEAD = `title: t
seller: acme
clock:
  start: 2026-03-10T08:00:00-07:00
`;

const ONE_LEAD = `leads:
  - { id: L1, phone: (303) 555-0123, lineType: landline }
`;

describe('loadScenario refuses bad input with a precise message', () => {
  it('a YAML syntax error: file, line and column', () => {
    expect(loadProblems({ 'scenario.yaml': `${HEAD}leads:\n  - { id: L1, phone: "(303) 555-0123"\nexpect: []\n` })).toEqual([
      'YAML syntax error: Flow map in block collection must be sufficiently indented and end with a } (<dir>/scenario.yaml:7:1)',
    ]);
  });

  it('a duplicate key is a YAML error too, not a silent overwrite', () => {
    expect(loadProblems({ 'scenario.yaml': `${HEAD}seller: other\n${ONE_LEAD}` })).toEqual([
      'YAML syntax error: Map keys must be unique (<dir>/scenario.yaml:5:1)',
    ]);
  });

  it('a schema error: the field path and the line of the field', () => {
    const text = HEAD.replace('2026-03-10T08:00:00-07:00', '2026-03-10T08:00:00') + ONE_LEAD;
    expect(loadProblems({ 'scenario.yaml': text })).toEqual([
      'clock.start: expected an ISO-8601 instant with an offset or Z (e.g. 2026-03-10T20:30:00-07:00); a time without an offset names no instant (<dir>/scenario.yaml:4:3)',
    ]);
  });

  it('an unknown top-level field, with a did-you-mean', () => {
    expect(loadProblems({ 'scenario.yaml': `${HEAD}${ONE_LEAD}expcet: []\n` })).toEqual([
      'expcet: unknown field (did you mean "expect"?) (<dir>/scenario.yaml:7:1)',
    ]);
  });

  it('a mistake inside an inline lead names the lead field, not just "leads" (the list-or-file union is looked through)', () => {
    const text = `${HEAD}leads:\n  - { id: L1, phone: (303) 555-0123 }\n  - id: L2\n    phnoe: (303) 555-0124\n    lineType: cell\n`;
    expect(loadProblems({ 'scenario.yaml': text })).toEqual([
      'leads[1].phone: required field is missing (<dir>/scenario.yaml:7:5)',
      'leads[1].lineType: expected one of mobile|landline|unknown (got "cell") (<dir>/scenario.yaml:9:5)',
      'leads[1].phnoe: unknown field (did you mean "phone"?) (<dir>/scenario.yaml:8:5)',
    ]);
  });

  it("a step's time without an offset names that problem, not the union of the two ways to write a moment", () => {
    const text = `${HEAD}${ONE_LEAD}steps:\n  - { type: dial, lead: L1, at: 2026-03-10T10:00 }\n`;
    expect(loadProblems({ 'scenario.yaml': text })).toEqual([
      'steps[0].at: expected an ISO-8601 instant with an offset or Z (e.g. 2026-03-10T20:30:00-07:00); a time without an offset names no instant (<dir>/scenario.yaml:8:29)',
    ]);
  });

  it('an unknown step type lists the types there are', () => {
    const text = `${HEAD}${ONE_LEAD}steps:\n  - { type: call, lead: L1, at: 2026-03-10T10:00:00-07:00 }\n`;
    expect(loadProblems({ 'scenario.yaml': text })).toEqual([
      'steps[0].type: expected a step with type dial|dnc-request|consent (<dir>/scenario.yaml:8:7)',
    ]);
  });

  it('a lead CSV row that fails validation: every bad row with its row number and file line, and nothing runs', () => {
    const csv = 'id,phone,lineType\nL1,(303) 555-0123,landline\n\nL2,(303) 555-0124,cell\nL3,,landline\nL4,(303) 555-0126,landline\n';
    expect(loadProblems({ 'scenario.yaml': `${HEAD}leads: { file: leads.csv }\n`, 'leads.csv': csv })).toEqual([
      'lineType: expected one of mobile|landline|unknown (got "cell") (<dir>/leads.csv:4 (row 2))',
      'phone: required field is missing (<dir>/leads.csv:5 (row 3))',
    ]);
  });

  it('a lead CSV column that looks like a misspelt lead field is refused at the header line, with a did-you-mean', () => {
    const csv = 'id,phone,linetype\nL1,(303) 555-0123,landline\n';
    const problems = loadProblems({ 'scenario.yaml': `${HEAD}leads: { file: leads.csv }\n`, 'leads.csv': csv });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('column "linetype" is not a lead field (did you mean "lineType"? rename it, or map it with leads.columns: { lineType: "linetype" })');
    expect(problems[0]).toMatch(/\(<dir>\/leads\.csv:1\)$/);
  });

  it('a lead file that does not exist', () => {
    const problems = loadProblems({ 'scenario.yaml': `${HEAD}leads: { file: missing.csv }\n` });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^leads\.file: cannot read the lead file: ENOENT.* \(<dir>\/missing\.csv\)$/);
  });

  it('unknown lead, step and rule ids are each named, with the field that refers to them', () => {
    const text = `${HEAD}${ONE_LEAD}consents:
  - { lead: L2, kind: prior-express-written, grantedAt: 2026-01-01 }
steps:
  - { type: dial, id: first, lead: L9, at: 2026-03-10T10:00:00-07:00 }
expect:
  - { type: decision, step: second, rules: [hours.fedreal] }
  - { type: decision, lead: L7, verdict: allow }
  - { type: count, of: blocked, rule: dnc.nationl, equals: 0 }
`;
    expect(loadProblems({ 'scenario.yaml': text })).toEqual([
      `consents[0].lead: unknown lead "L2" (the scenario's leads are L1) (<dir>/scenario.yaml:8:7)`,
      `steps[0].lead: unknown lead "L9" (the scenario's leads are L1) (<dir>/scenario.yaml:10:30)`,
      'expect[0].step: unknown step id "second" (<dir>/scenario.yaml:12:23)',
      'expect[0].rules[0]: unknown rule id "hours.fedreal" (did you mean "hours.federal"?) (<dir>/scenario.yaml:12:45)',
      `expect[1].lead: unknown lead "L7" (the scenario's leads are L1) (<dir>/scenario.yaml:13:23)`,
      'expect[2].rule: unknown rule id "dnc.nationl" (did you mean "dnc.national"?) (<dir>/scenario.yaml:14:33)',
    ]);
  });

  it('a local time inside the spring-forward gap (02:30 on 8 March 2026 in New York never happens)', () => {
    const text = `${HEAD}${ONE_LEAD}steps:\n  - { type: dial, lead: L1, at: { local: "2026-03-08 02:30", zone: America/New_York } }\n`;
    expect(loadProblems({ 'scenario.yaml': text })).toEqual([
      'steps[0].at: 2026-03-08 02:30 does not exist in America/New_York (the clocks skip it for daylight saving time) (<dir>/scenario.yaml:8:29)',
    ]);
  });

  it('a step earlier than the one before it (steps run in file order, so they must be in time order)', () => {
    const text = `${HEAD}${ONE_LEAD}steps:\n  - { type: dial, lead: L1, at: 2026-03-10T15:00:00-05:00 }\n  - { type: dnc-request, lead: L1, at: 2026-03-10T14:00:00-05:00 }\n`;
    expect(loadProblems({ 'scenario.yaml': text })).toEqual([
      'steps[1].at: is earlier than the step before it: list steps in time order (<dir>/scenario.yaml:9:36)',
    ]);
  });

  it('a campaign without a dialer', () => {
    expect(loadProblems({ 'scenario.yaml': `${HEAD}${ONE_LEAD}campaign: true\n` })).toEqual([
      'campaign: a campaign run needs a dialer (mode and agents) (<dir>/scenario.yaml:7:1)',
    ]);
  });

  const CAMPAIGN = `dialer:
  mode: manual
  agents: { count: 1, shift: { start: "09:00", end: "17:00", timeZone: America/Denver } }
campaign: true
`;

  it("a broker-dealer campaign without firmContact is refused when it loads, before any step runs (FINRA Rule 3230)", () => {
    const text = `${HEAD.replace('seller: acme', 'seller: acme\ncallerKind: broker-dealer')}${ONE_LEAD}${CAMPAIGN}`;
    expect(loadProblems({ 'scenario.yaml': text })).toEqual([
      "firmContact: a broker-dealer's calls must disclose the firm's telephone number or address (FINRA Rule 3230): set firmContact (<dir>/scenario.yaml:1:1)",
    ]);
  });

  it('outcome-model rates that add up to more than 1 are refused when the scenario loads, at the outcomeModel line', () => {
    const text = `${HEAD}${ONE_LEAD}${CAMPAIGN}outcomeModel: { preset: field-study, overrides: { answered: 0.9, notInService: 0.5 } }\n`;
    expect(loadProblems({ 'scenario.yaml': text })).toEqual([
      'outcomeModel: notInService + busy + answeringMachine + answered is 1.400, more than 1 (<dir>/scenario.yaml:11:1)',
    ]);
  });

  it('a registry file line that is not a phone number (dropping it would unblock that number)', () => {
    const text = `${HEAD}${ONE_LEAD}registries:\n  national: { syncedAt: 2026-03-01, file: dnc.txt }\n`;
    const problems = loadProblems({ 'scenario.yaml': text, 'dnc.txt': '# copy\n303-555-0123\nnot a number\n' });
    expect(problems).toEqual(['<dir>/dnc.txt:3: "not a number" is not a valid phone number']);
  });
});

describe('what loads', () => {
  it('a local time that occurs twice (01:30 on 1 November 2026 in New York) is read as the first one, daylight time', () => {
    const { scenario } = setup({
      'scenario.yaml': `${HEAD}${ONE_LEAD}steps:\n  - { type: dial, lead: L1, at: { local: "2026-11-01 01:30", zone: America/New_York } }\n`,
    });
    const result = runScenario(loadScenario(scenario, { pack: packsInForce() }), { pack: packsInForce() });
    expect(result.steps[0]?.at).toBe('2026-11-01T05:30:00Z');
  });

  it('paths are relative to the scenario file; CSV cells become typed lead fields', () => {
    const { dir } = setup({});
    const sub = mkdtempSync(join(dir, 'nested-'));
    writeFileSync(join(sub, 'leads.csv'), 'id,phone,business,netWorth,timeZone\nL1,(208) 555-0101,true,250000,America/Boise\nL2,(208) 555-0102,,,\n');
    writeFileSync(join(sub, 'scenario.yaml'), `${HEAD}leads: { file: leads.csv }\n`);
    const { leads } = loadScenario(join(sub, 'scenario.yaml'), { pack: packsInForce() });
    expect(leads.map(({ id, business, netWorth, timeZone, lineType }) => ({ id, business, netWorth, timeZone, lineType }))).toEqual([
      { id: 'L1', business: true, netWorth: 250_000, timeZone: 'America/Boise', lineType: 'unknown' },
      { id: 'L2', business: false, netWorth: null, timeZone: null, lineType: 'unknown' },
    ]);
  });
});
