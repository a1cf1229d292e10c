import { describe, expect, it } from 'vitest';
import { definePolicy } from '../../../src/core/policy.js';
import { PolicyDefinitionError } from '../../../src/core/policy-definition-error.js';
import { testPolicy } from '../../../src/testing/test-policy.js';
import { BANNED_DAY_MESSAGES, bannedDaysOutcome } from '../../../policies/us-states/days-state.js';
import { defineStateRow, everyDay, versionOn } from '../../../policies/us-states/state-row.js';
import { appliesToTableRows } from '../../../policies/us-states/state-scope.js';
import { stateSection } from '../../../scripts/render-state-table.js';

/**
 * A later version of a state row says only what its amendment changed: it inherits every field it does not set,
 * replaces each field it sets, and drops each rule it names in `repealed`, with the repealing provision cited. The
 * rows are made up (Georgia has no row of its own), so the tests do not move when the law in a real row does.
 */

const cite = (citation: string) => ({ citation, confidence: 'P' as const, source: 'a made-up statute for this test' });
const SCOPE = { value: 'residential' as const, ...cite('Ga. Code §1') };
const SUNDAYS = { value: { weekdays: ['sunday' as const] }, ...cite('Ga. Code §2') };
const LIST = { value: { name: 'Georgia list', refreshDays: 31, exemptions: [] }, ...cite('Ga. Code §3') };
const HOURS_8_TO_21 = [{ value: { windows: everyDay('08:00', '21:00') }, ...cite('Ga. Code §4') }];
const HOURS_9_TO_20 = [{ value: { windows: everyDay('09:00', '20:00') }, ...cite('Ga. Code §4 as amended') }];

const first = { effectiveFrom: null, scope: SCOPE, hours: HOURS_8_TO_21, bannedDays: SUNDAYS, dncList: LIST };

/** The message defineStateRow throws for a row of Georgia with these versions. */
function problemsOf(versions: unknown[]): string {
  try {
    defineStateRow({ state: 'GA', versions } as never);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyDefinitionError);
    return (error as Error).message;
  }
  throw new Error('expected the row to be refused');
}

describe('a later version inherits every field it does not set', () => {
  it('a version that sets only hours keeps the scope, the Sunday ban and the list of the one before', () => {
    const row = defineStateRow({ state: 'GA', versions: [first, { effectiveFrom: '2026-07-01', hours: HOURS_9_TO_20 }] });
    expect(row.versions[1]).toStrictEqual({ effectiveFrom: '2026-07-01', scope: SCOPE, hours: HOURS_9_TO_20, bannedDays: SUNDAYS, dncList: LIST });
    expect(versionOn(row, '2026-06-30')?.hours).toStrictEqual(HOURS_8_TO_21);
    expect(versionOn(row, '2026-07-01')?.hours).toStrictEqual(HOURS_9_TO_20);
  });

  it('inherits from the version just before, so a third version sees the second one\'s change', () => {
    const business = { ...SCOPE, value: 'all' as const, citation: 'Ga. Code §1 as amended' };
    const row = defineStateRow({ state: 'GA', versions: [first, { effectiveFrom: '2026-07-01', hours: HOURS_9_TO_20 }, { effectiveFrom: '2027-01-01', scope: business }] });
    expect(row.versions[2]).toStrictEqual({ effectiveFrom: '2027-01-01', scope: business, hours: HOURS_9_TO_20, bannedDays: SUNDAYS, dncList: LIST });
  });

  it('a field named in repealed is gone from that version on, and the repeal is kept with its citation', () => {
    const repeal = cite('Ga. Laws 2026, Act 9, §1');
    const row = defineStateRow({ state: 'GA', versions: [first, { effectiveFrom: '2026-07-01', repealed: { bannedDays: repeal } }, { effectiveFrom: '2027-01-01', hours: HOURS_9_TO_20 }] });
    expect(row.versions[1]).toStrictEqual({ effectiveFrom: '2026-07-01', scope: SCOPE, hours: HOURS_8_TO_21, dncList: LIST, repealed: { bannedDays: repeal } });
    expect(row.versions[2]).toStrictEqual({ effectiveFrom: '2027-01-01', scope: SCOPE, hours: HOURS_9_TO_20, dncList: LIST });
  });

  it('a later version may repeal every rule: from its date the state adds nothing', () => {
    const row = defineStateRow({
      state: 'GA',
      versions: [first, { effectiveFrom: '2026-07-01', repealed: { hours: cite('Act 9'), bannedDays: cite('Act 9'), dncList: cite('Act 9') } }],
    });
    expect(Object.keys(row.versions[1]!).sort()).toEqual(['effectiveFrom', 'repealed', 'scope']);
  });
});

describe('a row whose later versions repeat, contradict or change nothing is refused, naming the field', () => {
  it('a later version that restates a fact in force before', () => {
    expect(problemsOf([first, { effectiveFrom: '2026-07-01', hours: HOURS_9_TO_20, dncList: LIST }])).toBe(
      'state table row GA: versions.1.dncList: the same as versions[0].dncList: leave it out, a later version inherits every field it does not set',
    );
  });

  it('a restated fact is caught whatever the order of its keys', () => {
    const reordered = { source: SCOPE.source, confidence: SCOPE.confidence, citation: SCOPE.citation, value: SCOPE.value };
    expect(problemsOf([first, { effectiveFrom: '2026-07-01', scope: reordered }])).toBe(
      'state table row GA: versions.1.scope: the same as versions[0].scope: leave it out, a later version inherits every field it does not set',
    );
  });

  it('a later version that sets nothing and repeals nothing', () => {
    expect(problemsOf([first, { effectiveFrom: '2026-07-01' }])).toBe(
      'state table row GA: versions.1: a later version changes nothing: set the fields its amendment changed, or repeal one',
    );
  });

  it('a repeal of a rule that is not in force', () => {
    expect(problemsOf([first, { effectiveFrom: '2026-07-01', repealed: { frequencyCap: cite('Act 9') } }])).toBe(
      'state table row GA: versions.1.repealed.frequencyCap: no frequencyCap is in force in versions[0] to repeal',
    );
  });

  it('a rule both set and repealed in one version', () => {
    expect(problemsOf([first, { effectiveFrom: '2026-07-01', hours: HOURS_9_TO_20, repealed: { hours: cite('Act 9') } }])).toBe(
      'state table row GA: versions.1.repealed.hours: hours is both set and repealed: keep one',
    );
  });

  it('an empty repealed', () => {
    expect(problemsOf([first, { effectiveFrom: '2026-07-01', hours: HOURS_9_TO_20, repealed: {} }])).toBe('state table row GA: versions.1.repealed: names no rule to repeal');
  });

  it('a repeal without its citation, and the scope, which no law repeals', () => {
    expect(problemsOf([first, { effectiveFrom: '2026-07-01', repealed: { bannedDays: { confidence: 'P', source: 'x' }, scope: cite('Act 9') } }])).toBe(
      'state table row GA: versions.1.repealed.bannedDays.citation: Invalid input: expected string, received undefined; versions.1.repealed: Unrecognized key: "scope"',
    );
  });

  it('the first version repeals nothing: nothing is before it', () => {
    expect(problemsOf([{ ...first, repealed: { hours: cite('Act 9') } }])).toBe('state table row GA: versions.0: Unrecognized key: "repealed"');
  });

  it('a later version without a date, and versions out of order', () => {
    expect(problemsOf([first, { effectiveFrom: null, hours: HOURS_9_TO_20 }])).toBe(
      'state table row GA: versions.1.effectiveFrom: expected a date "YYYY-MM-DD": only the first version may have none',
    );
    expect(problemsOf([{ ...first, effectiveFrom: '2026-07-01' }, { effectiveFrom: '2026-07-01', hours: HOURS_9_TO_20 }])).toBe(
      'state table row GA: versions.1.effectiveFrom: versions must be in order of effectiveFrom: 2026-07-01 is not after 2026-07-01',
    );
  });

  it('no version, a first version with no rule, and hours with no window', () => {
    expect(problemsOf([])).toBe('state table row GA: versions.0: a row needs at least one version: the law as it first stood');
    expect(problemsOf([{ effectiveFrom: null, scope: SCOPE }])).toBe('state table row GA: versions.0: a version with no rule adds nothing: leave the state out instead');
    expect(problemsOf([first, { effectiveFrom: '2026-07-01', hours: [] }])).toBe(
      'state table row GA: versions.1.hours: no calling window: leave hours out, or repeal it in a later version',
    );
  });
});

describe('a repealed rule stops deciding on its date', () => {
  const georgia = defineStateRow({ state: 'GA', versions: [first, { effectiveFrom: '2026-07-01', repealed: { bannedDays: cite('Ga. Laws 2026, Act 9, §1') } }] });
  const table = new Map([[georgia.state, georgia]]);
  const sundaysRepealed = definePolicy({
    id: 'test.georgia-sundays',
    title: 'Georgia Sundays, repealed on 1 July 2026 (a made-up row)',
    citation: 'Ga. Code §2',
    requires: ['localTime'],
    timeRule: true,
    messages: BANNED_DAY_MESSAGES,
    applies: appliesToTableRows('bannedDays', table),
    evaluate: (facts) => bannedDaysOutcome(facts, table),
  });
  const atlanta = (at: string) => ({ to: '+1 404 555 0123', at, registries: { national: { syncedAt: at.slice(0, 10), numbers: [] } } });

  testPolicy(sundaysRepealed, {
    allowed: [{ name: 'Sunday 5 July 2026, after the repeal', request: atlanta('2026-07-05T14:00:00-04:00') }],
    blocked: [
      {
        name: 'Sunday 28 June 2026, before the repeal',
        request: atlanta('2026-06-28T14:00:00-04:00'),
        findings: [{ messageId: 'bannedWeekday', data: { date: '2026-06-28', day: 'Sunday', zone: 'America/New_York', state: 'Georgia' } }],
      },
    ],
  });

  it('the states page cites the repeal in the version that made it', () => {
    expect(stateSection(georgia).filter((line) => line.includes('repealed'))).toEqual([
      '| banned days | repealed: no such rule from this date | Ga. Laws 2026, Act 9, §1 | P | a made-up statute for this test |',
    ]);
  });
});
