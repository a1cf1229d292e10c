/**
 * Issue 13 ("A new user's first hour"), items 3 to 5: a CRM export as the lead list. Root causes: the CSV reader
 * handed each row to the strict lead schema, so a header that did not fit was reported for every row (nine lines a
 * row, 90,000 for a 10,000-row list), with hints from closestKey, whose fixed two-edit threshold made every short
 * name "close" (`Zip`: did you mean "id"?); with no leads read, the follow-on "unknown lead" listed none. A lead
 * source could only name a file, so a CRM's columns could not be mapped; and a duplicate id in a CSV was located
 * with the YAML path of an inline lead, which pointed at the line that names the file.
 */
import { describe, expect, it } from 'vitest';
import { closestKey } from '../../src/core/input-error.js';
import { definePolicy, pass, violation } from '../../src/core/policy.js';
import { combinePacks } from '../../src/engine/combine-packs.js';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario } from '../../src/scenario/run-scenario.js';
import { loadProblems, writeScenarioFiles } from '../support/scenario-files.js';

const CRM_HEADER = 'Lead ID,Phone Number,First Name,Last Name,State,Mobile?,Zip';

/** A CRM export of `rows` leads, C01, C02...: Denver numbers, the even ones mobile ("yes"), the odd ones not. */
function crmCsv(rows: number, header = CRM_HEADER): string {
  const lines = Array.from({ length: rows }, (_, index) => {
    const n = String(index + 1).padStart(2, '0');
    return `C${n},(303) 555-01${n},Ann,Lee,CO,${index % 2 === 1 ? 'yes' : 'no'},802${n}`;
  });
  return `${header}\n${lines.join('\n')}\n`;
}

const HEAD = `title: t
seller: acme
clock:
  start: 2026-03-10T08:00:00-07:00
`;

const CRM_SOURCE = `leads:
  file: crm.csv
  columns: { phone: "Phone Number", id: "Lead ID", lineType: "Mobile?", state: State }
  values:
    lineType: { "yes": mobile, "no": landline }
`;

const setup = writeScenarioFiles;

describe('a lead file whose header does not fit (item 3)', () => {
  it('a CRM header on 20 rows is one problem at line 1, with the columns found and the fields expected', () => {
    const problems = loadProblems({
      'scenario.yaml': `${HEAD}leads: { file: crm.csv }\nsteps:\n  - { type: dial, lead: C01, at: 2026-03-10T10:00:00-07:00 }\n`,
      'crm.csv': crmCsv(20),
    });
    expect(problems).toEqual([
      'the lead file\'s header does not fit: no column gives id or phone, which every lead needs; column "State" is not a lead field (did you mean "state"? rename it, or map it with leads.columns: { state: "State" }). ' +
        'Columns found: "Lead ID", "Phone Number", "First Name", "Last Name", "State", "Mobile?", "Zip". Lead fields: id, phone, lineType, business, timeZone, state, postalCode, netWorth, income, occupation (id and phone required); ' +
        'leads.columns maps a field to a column of another name, e.g. columns: { phone: "Phone Number" }; other columns are kept as lead attributes (<dir>/crm.csv:1)',
    ]);
  });

  it('the same header on 10,000 rows is still one problem', () => {
    expect(loadProblems({ 'scenario.yaml': `${HEAD}leads: { file: crm.csv }\n`, 'crm.csv': crmCsv(10_000) })).toHaveLength(1);
  });

  it('a misspelt field name in the header is refused once at line 1, not once per row', () => {
    const csv = 'id,phone,linetype\nL1,(303) 555-0123,landline\nL2,(303) 555-0124,mobile\n';
    const problems = loadProblems({ 'scenario.yaml': `${HEAD}leads: { file: leads.csv }\n`, 'leads.csv': csv });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the lead file's header does not fit: column "linetype" is not a lead field \(did you mean "lineType"\?.* \(<dir>\/leads\.csv:1\)$/);
  });

  it('a column named twice is a header problem', () => {
    const problems = loadProblems({ 'scenario.yaml': `${HEAD}leads: { file: leads.csv }\n`, 'leads.csv': 'id,phone,phone\nL1,(303) 555-0123,(303) 555-0124\n' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the lead file's header does not fit: column "phone" appears twice\. .*\(<dir>\/leads\.csv:1\)$/);
  });

  it('a header with no rows, and an empty file, are refused', () => {
    expect(loadProblems({ 'scenario.yaml': `${HEAD}leads: { file: leads.csv }\n`, 'leads.csv': 'id,phone\n' })).toEqual([
      'leads.file: the lead file has a header but no leads (<dir>/leads.csv:1)',
    ]);
    expect(loadProblems({ 'scenario.yaml': `${HEAD}leads: { file: leads.csv }\n`, 'leads.csv': '' })).toEqual([
      'leads.file: the lead file is empty: it needs a header row and one lead a row (<dir>/leads.csv)',
    ]);
  });

  it('references to the leads of a refused file are not reported as unknown leads with an empty list', () => {
    const problems = loadProblems({
      'scenario.yaml': `${HEAD}leads: { file: crm.csv }\nsteps:\n  - { type: dial, lead: C01, at: 2026-03-10T10:00:00-07:00 }\n`,
      'crm.csv': crmCsv(2),
    });
    expect(problems.filter((line) => line.includes('unknown lead') || line.includes('leads are )'))).toEqual([]);
  });

  it('did-you-mean suggests only close names: "Zip" is close to no field, "phnoe" is close to "phone"', () => {
    const fields = ['id', 'phone', 'lineType', 'business', 'timeZone', 'state', 'postalCode', 'netWorth', 'income', 'occupation'];
    expect(closestKey('Zip', fields)).toBeUndefined();
    expect(closestKey('tz', fields)).toBeUndefined();
    expect(closestKey('phnoe', fields)).toBe('phone');
    expect(closestKey('linetype', fields)).toBe('lineType');
    expect(closestKey('hours.fedral', ['hours.federal', 'dnc.national'])).toBe('hours.federal');
  });
});

describe('a lead source that maps a CRM export (item 4)', () => {
  it('columns name the CRM headers, values map "yes"/"no" to line types; other columns become attributes', () => {
    const { scenario } = setup({ 'scenario.yaml': `${HEAD}${CRM_SOURCE}`, 'crm.csv': crmCsv(2) });
    const { leads } = loadScenario(scenario, { pack: packsInForce() });
    expect(leads.map(({ id, phone, lineType, state, attributes }) => ({ id, phone, lineType, state, attributes }))).toEqual([
      { id: 'C01', phone: '(303) 555-0101', lineType: 'landline', state: 'CO', attributes: { 'First Name': 'Ann', 'Last Name': 'Lee', Zip: '80201' } },
      { id: 'C02', phone: '(303) 555-0102', lineType: 'mobile', state: 'CO', attributes: { 'First Name': 'Ann', 'Last Name': 'Lee', Zip: '80202' } },
    ]);
  });

  it('a custom policy reads an unmapped column (Zip) as an extension fact', () => {
    const zipBan = definePolicy({
      id: 'acme.no-80202',
      title: 'No calls into 80202',
      citation: 'Acme calling policy §2',
      extensions: { Zip: 'string' },
      messages: { banned: 'ZIP {zip} is not called' },
      applies: () => true,
      evaluate: (facts) => (facts.extensions.Zip === '80202' ? violation('banned', { zip: facts.extensions.Zip }) : pass),
    });
    const pack = combinePacks(packsInForce(), { id: 'acme', title: 'Acme', policies: [zipBan] });
    const steps = 'steps:\n  - { type: dial, lead: C01, at: 2026-03-10T10:00:00-07:00 }\n  - { type: dial, lead: C02, at: 2026-03-10T10:05:00-07:00 }\n';
    const { scenario } = setup({ 'scenario.yaml': `${HEAD}${CRM_SOURCE}${steps}`, 'crm.csv': crmCsv(2) });
    const result = runScenario(loadScenario(scenario, { pack }), { pack });
    const rulesOf = (index: number) => result.steps[index]!.attempt!.record.violations.map((violation) => violation.rule);
    expect(rulesOf(0)).not.toContain('acme.no-80202');
    expect(rulesOf(1)).toContain('acme.no-80202');
  });

  it('a cell the value map does not list is an error at its CSV line, naming the field and the column', () => {
    const csv = crmCsv(2).replace('Ann,Lee,CO,yes', 'Ann,Lee,CO,maybe');
    expect(loadProblems({ 'scenario.yaml': `${HEAD}${CRM_SOURCE}`, 'crm.csv': csv })).toEqual([
      'lineType (column "Mobile?"): "maybe" is not one of the cells mapped in leads.values.lineType ("yes", "no") (<dir>/crm.csv:3 (row 2))',
    ]);
  });

  it('a row problem in a mapped column names the CRM column', () => {
    const csv = crmCsv(2).replace('C02,(303) 555-0102', 'C02,');
    expect(loadProblems({ 'scenario.yaml': `${HEAD}${CRM_SOURCE}`, 'crm.csv': csv })).toEqual([
      'phone (column "Phone Number"): required field is missing (<dir>/crm.csv:3 (row 2))',
    ]);
  });

  it('a mapping to a column the file lacks, a mapped value that is not the field\'s, and a misspelt field are errors at their YAML lines', () => {
    const source = `leads:
  file: crm.csv
  columns: { phone: "Phone Nmber", id: "Lead ID", lineType: "Mobile?", state: State }
  values:
    lineType: { "yes": cell, "no": landline }
`;
    expect(loadProblems({ 'scenario.yaml': `${HEAD}${source}`, 'crm.csv': crmCsv(2) })).toEqual([
      'leads.columns.phone: the lead file has no column "Phone Nmber" (did you mean "Phone Number"?) (<dir>/scenario.yaml:7:14)',
      'leads.values.lineType.yes: expected one of mobile|landline|unknown (<dir>/scenario.yaml:9:17)',
    ]);
    expect(loadProblems({ 'scenario.yaml': `${HEAD}leads: { file: crm.csv, columns: { phnoe: "Phone Number" } }\n`, 'crm.csv': crmCsv(2) })).toEqual([
      'leads.columns.phnoe: unknown field (did you mean "phone"?) (<dir>/scenario.yaml:5:36)',
    ]);
  });
});

describe('a duplicate lead id in a lead file (item 5)', () => {
  it('is reported at its CSV line, with the line of the first', () => {
    const csv = 'id,phone\nL1,(303) 555-0101\nL2,(303) 555-0102\nL1,(303) 555-0103\n';
    expect(loadProblems({ 'scenario.yaml': `${HEAD}leads: { file: leads.csv }\n`, 'leads.csv': csv })).toEqual([
      'id: lead id "L1" appears twice (first at <dir>/leads.csv:2 (row 1)) (<dir>/leads.csv:4 (row 3))',
    ]);
  });

  it('an inline duplicate is still reported at its YAML line', () => {
    const leads = 'leads:\n  - { id: L1, phone: (303) 555-0101 }\n  - { id: L1, phone: (303) 555-0102 }\n';
    expect(loadProblems({ 'scenario.yaml': `${HEAD}${leads}` })).toEqual([
      'leads[1].id: lead id "L1" appears twice (first at <dir>/scenario.yaml:6:7) (<dir>/scenario.yaml:7:7)',
    ]);
  });
});
