import { describe, expect, it } from 'vitest';
import { definePolicy, pass, violation } from '../../src/core/policy.js';
import { dncNational, hoursFederal } from '../../policies/us-federal/index.js';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { aRegistry } from '../../src/testing/a-registry.js';
import { aRelationship } from '../../src/testing/a-relationship.js';
import { instantIn } from '../../src/testing/instant-in.js';
import { packFor, runPolicyCase, testPolicy, validatePolicyTable, type PolicyTable } from '../../src/testing/test-policy.js';

/** Sunday in any candidate zone of the callee; the rule needs the local time, so timezone.unknown guards it. */
const quietSundays = definePolicy({
  id: 'acme.quiet-sundays',
  title: 'No calls on Sundays, callee time',
  citation: 'Acme calling policy §3',
  requires: ['localTime'],
  messages: { sunday: 'it is Sunday {date} in {zone}' },
  evaluate: (facts) => {
    const sunday = facts.callee.localTimes.find((local) => new Date(local.iso.slice(0, 10)).getUTCDay() === 0);
    return sunday === undefined ? pass : violation('sunday', { date: sunday.iso.slice(0, 10), zone: sunday.zone });
  },
});

const CHICAGO = '+1 312 555 0188';

// The kit tested with itself: each case below is one vitest test, named by the case.
testPolicy(quietSundays, {
  allowed: [
    { name: 'Saturday 7 March, 23:59:59 in Chicago', request: { to: CHICAGO, at: instantIn('2026-03-07 23:59:59', 'America/Chicago') } },
    { name: 'Monday 9 March, 00:00 in Chicago', request: { to: CHICAGO, at: instantIn('2026-03-09 00:00', 'America/Chicago') } },
  ],
  blocked: [
    {
      name: 'Sunday 8 March, 00:00 in Chicago',
      request: { to: CHICAGO, at: instantIn('2026-03-08 00:00', 'America/Chicago') },
      findings: [{ messageId: 'sunday', data: { date: '2026-03-08', zone: 'America/Chicago' }, message: 'it is Sunday 2026-03-08 in America/Chicago' }],
    },
    {
      name: 'a toll-free number has no local time: the guard rule blocks in its place',
      request: { to: '800-555-0100' },
      findings: [{ rule: 'timezone.unknown', messageId: 'nonGeographic' }],
    },
  ],
});

/** A table that passes its checks; each test breaks one thing. */
function aTable(): PolicyTable<'sunday'> {
  return {
    allowed: [{ name: 'a Tuesday', request: { to: CHICAGO } }],
    blocked: [{ name: 'a Sunday', request: { to: CHICAGO, at: '2026-03-08T12:00:00-05:00' }, findings: [{ messageId: 'sunday' }] }],
  };
}

describe('testPolicy checks its own table before any case runs', () => {
  const check = (table: unknown) => () => testPolicy(quietSundays, table as PolicyTable<'sunday'>);

  it('an empty "allowed" or "blocked" list fails: a table without a blocked case cannot fail', () => {
    expect(check({ ...aTable(), allowed: [] })).toThrow('testPolicy(acme.quiet-sundays): "allowed" is empty: add at least one call the rule lets through');
    expect(check({ ...aTable(), blocked: [] })).toThrow(
      'testPolicy(acme.quiet-sundays): "blocked" is empty: a table without a blocked case cannot fail; add at least one call the rule blocks',
    );
    expect(check({ allowed: [] })).toThrow('testPolicy(acme.quiet-sundays): the table needs an "allowed" and a "blocked" array of cases');
  });

  it('an allowed case may not list findings', () => {
    const table = aTable();
    expect(check({ ...table, allowed: [{ name: 'a Tuesday', findings: [{ messageId: 'sunday' }] }] })).toThrow(
      'testPolicy(acme.quiet-sundays): allowed[0] "a Tuesday": an allowed case may not list findings; move it to "blocked"',
    );
  });

  it('a blocked case must list at least one finding', () => {
    expect(check({ ...aTable(), blocked: [{ name: 'a Sunday', findings: [] }] })).toThrow(
      'testPolicy(acme.quiet-sundays): blocked[0] "a Sunday": a blocked case must list at least one finding',
    );
    expect(check({ ...aTable(), blocked: [{ name: 'a Sunday' }] })).toThrow('blocked[0] "a Sunday": a blocked case must list at least one finding');
  });

  it('a message id the rule does not declare fails, with the closest one suggested and the rule messages listed', () => {
    expect(check({ ...aTable(), blocked: [{ name: 'a Sunday', findings: [{ messageId: 'sundy' }] }] })).toThrow(
      'testPolicy(acme.quiet-sundays): blocked[0] "a Sunday": findings[0]: messageId "sundy" is not a message of acme.quiet-sundays (did you mean "sunday"?); its messages: sunday',
    );
    expect(check({ ...aTable(), allowed: [{ name: 'a Tuesday', exemptions: [{ messageId: 'lifted' }] }] })).toThrow(
      'allowed[0] "a Tuesday": exemptions[0]: messageId "lifted" is not a message of acme.quiet-sundays; its messages: sunday',
    );
  });

  it("a finding of another rule is checked against that rule's messages, and the rule must be in the pack", () => {
    expect(check({ ...aTable(), blocked: [{ name: 'toll-free', findings: [{ rule: 'timezone.unknown', messageId: 'sunday' }] }] })).toThrow(
      'blocked[0] "toll-free": findings[0]: messageId "sunday" is not a message of timezone.unknown; its messages: nonGeographic, unknownAreaCode',
    );
    expect(check({ ...aTable(), blocked: [{ name: 'a Sunday', findings: [{ rule: 'dnc.national', messageId: 'onRegistry' }] }] })).toThrow(
      'blocked[0] "a Sunday": findings[0]: rule "dnc.national" is not in the pack the cases run in (timezone.unknown, acme.quiet-sundays)',
    );
  });

  it("the engine's own message ids (policyFailed, factMissing, factInvalid) are accepted for any rule", () => {
    for (const messageId of ['policyFailed', 'factMissing', 'factInvalid'] as const) {
      const table = { ...aTable(), blocked: [{ name: 'a Sunday', findings: [{ messageId }] }] };
      expect(() => validatePolicyTable(quietSundays, table, packFor(quietSundays))).not.toThrow();
    }
  });

  it('two cases with one name fail, across the two lists too', () => {
    expect(check({ ...aTable(), blocked: [{ name: 'a Tuesday', findings: [{ messageId: 'sunday' }] }] })).toThrow(
      'testPolicy(acme.quiet-sundays): blocked[0] "a Tuesday": allowed[0] already has this name; case names must be unique',
    );
  });

  it('a case without a name fails: the name names the test', () => {
    expect(check({ ...aTable(), allowed: [{ name: ' ', request: {} }] })).toThrow('testPolicy(acme.quiet-sundays): allowed[0] has no name: every case needs one, it names the test');
  });

  it('a misspelt field fails instead of being ignored, with the closest field suggested', () => {
    expect(check({ ...aTable(), blocked: [{ name: 'a Sunday', finding: [{ messageId: 'sunday' }] }] })).toThrow(
      'blocked[0] "a Sunday": unknown field "finding" (did you mean "findings"?)',
    );
    expect(check({ ...aTable(), blocked: [{ name: 'a Sunday', findings: [{ messageID: 'sunday' }] }] })).toThrow(
      'blocked[0] "a Sunday": findings[0]: unknown field "messageID" (did you mean "messageId"?)',
    );
    expect(check({ ...aTable(), invalid: [] })).toThrow('testPolicy(acme.quiet-sundays): unknown field "invalid" in the table (it has "allowed" and "blocked")');
  });

  it('a pack that does not contain the policy fails', () => {
    expect(() => testPolicy(quietSundays, aTable(), { pack: packsInForce() })).toThrow(
      'testPolicy(acme.quiet-sundays): the pack common+us-federal+us-states+canada+finra does not contain the policy under test',
    );
  });

  it('message ids are checked by the compiler too', () => {
    // @ts-expect-error: 'sundy' is not a message id of acme.quiet-sundays
    const table: PolicyTable<'sunday'> = { allowed: [], blocked: [{ name: 'x', findings: [{ messageId: 'sundy' }] }] };
    expect(table.blocked).toHaveLength(1);
  });
});

function failureOf(run: () => void): { message: string; actual?: unknown; expected?: unknown } {
  try {
    run();
  } catch (error) {
    return error as { message: string; actual?: unknown; expected?: unknown };
  }
  throw new Error('the case passed');
}

describe('a case that does not hold fails with every finding listed, and both lists for the diff', () => {
  const hours = packFor(hoursFederal);

  it('packFor adds the guard of each fact the policy requires, and nothing else', () => {
    expect(hours.policies.map((policy) => policy.id)).toEqual(['timezone.unknown', 'hours.federal']);
    expect(packFor(dncNational).policies.map((policy) => policy.id)).toEqual(['dnc.national']);
  });

  it('an allowed case that is blocked', () => {
    const failure = failureOf(() => runPolicyCase(hoursFederal, hours, 'allowed', { name: '21:30 in Chicago', request: { at: '2026-03-10T21:30:00-05:00' } }));
    expect(failure.message).toMatchInlineSnapshot(`
      "hours.federal, allowed case "21:30 in Chicago": the violations are not the table's

      Expected: allowed
      Received: blocked by 1 rule
        ✖ hours.federal (afterWindow) 21:30 in America/Chicago is at or after 21:00"
    `);
    expect(failure.actual).toEqual([{ rule: 'hours.federal', messageId: 'afterWindow' }]);
    expect(failure.expected).toEqual([]);
  });

  it('a blocked case that is allowed', () => {
    const failure = failureOf(() =>
      runPolicyCase(hoursFederal, hours, 'blocked', { name: '20:30 in Chicago', request: { at: '2026-03-10T20:30:00-05:00' }, findings: [{ messageId: 'afterWindow' }] }),
    );
    expect(failure.message).toMatchInlineSnapshot(`
      "hours.federal, blocked case "20:30 in Chicago": the violations are not the table's

      Expected: blocked by hours.federal (afterWindow)
      Received: allowed"
    `);
  });

  it('another message id, or other data, or another sentence', () => {
    const late = { name: '21:30 in Chicago', request: { at: '2026-03-10T21:30:00-05:00' } };
    const byMessageId = failureOf(() => runPolicyCase(hoursFederal, hours, 'blocked', { ...late, findings: [{ messageId: 'beforeWindow' }] }));
    expect(byMessageId.message).toMatchInlineSnapshot(`
      "hours.federal, blocked case "21:30 in Chicago": the violations are not the table's

      Expected: blocked by hours.federal (beforeWindow)
      Received: blocked by 1 rule
        ✖ hours.federal (afterWindow) 21:30 in America/Chicago is at or after 21:00"
    `);
    expect(byMessageId.expected).toEqual([{ rule: 'hours.federal', messageId: 'beforeWindow' }]);

    const byData = failureOf(() => runPolicyCase(hoursFederal, hours, 'blocked', { ...late, findings: [{ messageId: 'afterWindow', data: { localTime: '21:30' } }] }));
    expect(byData.actual).toEqual([{ rule: 'hours.federal', messageId: 'afterWindow', data: { localTime: '21:30', zone: 'America/Chicago' } }]);

    const byMessage = failureOf(() => runPolicyCase(hoursFederal, hours, 'blocked', { ...late, findings: [{ messageId: 'afterWindow', message: '21:30 is late' }] }));
    expect(byMessage.actual).toEqual([{ rule: 'hours.federal', messageId: 'afterWindow', message: '21:30 in America/Chicago is at or after 21:00' }]);
  });

  it('an exemption the case does not list', () => {
    const request = { registries: aRegistry({ national: [CHICAGO] }), relationship: aRelationship() };
    const failure = failureOf(() => runPolicyCase(dncNational, packFor(dncNational), 'allowed', { name: 'a customer on the registry', request }));
    expect(failure.message).toMatchInlineSnapshot(`
      "dnc.national, allowed case "a customer on the registry": the exemptions are not the table's

      Expected: no exemption
      Received: allowed, with 1 exemption
        ↷ dnc.national (transaction) lifted: established business relationship: transaction on 2025-09-10, within the 18 months before the call"
    `);
    expect(() =>
      runPolicyCase(dncNational, packFor(dncNational), 'allowed', { name: 'a customer on the registry', request, exemptions: [{ messageId: 'transaction', data: { date: '2025-09-10' } }] }),
    ).not.toThrow();
  });

  it('a request with a misspelt field fails with the field named, as dialsim check would', () => {
    expect(() => runPolicyCase(hoursFederal, hours, 'allowed', { name: 'typo', request: { callee: { linetype: 'mobile' } } as never })).toThrow(
      'callee.linetype: unknown field (did you mean "lineType"?)',
    );
  });
});
