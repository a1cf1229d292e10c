import { describe, expect, it } from 'vitest';
import { parseCheckRequest, type CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { screen } from '../../../src/engine/screen.js';
import { instantIn } from '../../../src/testing/instant-in.js';
import { findingOf, rulesOf } from '../../support/decision-helpers.js';

/** A manual telemarketing call to `to` at a local wall-clock time, with fresh national and state copies. */
function call(to: string, local: string, zone: string, overrides: Partial<CheckRequestInput> = {}): Decision {
  const at = instantIn(local, zone);
  return screen(
    parseCheckRequest({
      at,
      to,
      method: 'manual',
      caller: { seller: 'acme' },
      registries: { national: { syncedAt: at, numbers: [] }, states: { FL: { syncedAt: at, numbers: [] }, TX: { syncedAt: at, numbers: [] }, LA: { syncedAt: at, numbers: [] }, PA: { syncedAt: at, numbers: [] }, MS: { syncedAt: at, numbers: [] } } },
      ...overrides,
    }),
  );
}

const MIAMI = '(305) 555-0123';
const DALLAS = '(214) 555-0123';
const SALT_LAKE = '(801) 555-0123';
const BALTIMORE = '(410) 555-0123';
const PANHANDLE = '(850) 555-0123';
const JACKSON = '(601) 555-0123';
const PHILADELPHIA = '(215) 555-0123';
const TULSA = '(918) 555-0123';

describe('hours.state', () => {
  it('Florida: 19:59:59 is allowed, 20:00:00 is blocked (the end blocks), 08:00:00 is allowed', () => {
    expect(rulesOf(call(MIAMI, '2026-03-10 19:59:59', 'America/New_York')).violations).toEqual([]);
    const late = call(MIAMI, '2026-03-10 20:00', 'America/New_York');
    expect(rulesOf(late).violations).toEqual(['hours.state']);
    expect(late.violations[0]!.citation).toBe('Fla. Stat. 501.616(6)(a)');
    expect(late.violations[0]!.message).toBe("20:00 in America/New_York is at or after 20:00, the end of Florida's window");
    expect(rulesOf(call(MIAMI, '2026-03-11 08:00', 'America/New_York')).violations).toEqual([]);
  });

  it('Texas on a Sunday: 11:59 blocked, 12:00 allowed; on Saturday 09:00 allowed', () => {
    expect(findingOf(call(DALLAS, '2026-03-15 11:59', 'America/Chicago'), 'hours.state')).toEqual({ messageId: 'beforeWindow', data: { localTime: '11:59', zone: 'America/Chicago', start: '12:00', window: "Texas's Sunday window" } });
    expect(rulesOf(call(DALLAS, '2026-03-15 12:00', 'America/Chicago')).violations).toEqual([]);
    expect(rulesOf(call(DALLAS, '2026-03-14 09:00', 'America/Chicago')).violations).toEqual([]);
  });

  it('850: both zones must be inside Florida\'s window (19:30 Central is 20:30 Eastern)', () => {
    expect(findingOf(call(PANHANDLE, '2026-03-10 19:30', 'America/Chicago'), 'hours.state').data).toEqual({ localTime: '20:30', zone: 'America/New_York', end: '20:00', window: "Florida's window" });
    expect(rulesOf(call(PANHANDLE, '2026-03-10 19:30', 'America/Chicago', { callee: { timeZone: 'America/Chicago' } })).violations).toEqual([]);
  });

  it('Mississippi reads Central Standard Time all year: 20:30 CDT is 19:30 CST (allowed), 07:30 CDT is 06:30 CST (blocked)', () => {
    expect(rulesOf(call(JACKSON, '2026-06-10 20:30', 'America/Chicago')).violations).toEqual([]);
    expect(findingOf(call(JACKSON, '2026-06-10 08:30', 'America/Chicago'), 'hours.state').data).toMatchObject({ localTime: '07:30', zone: 'Central Standard Time' });
  });

  it('Oklahoma: a prerecorded call must be inside both the OTSA window and the ADAD window (15 O.S. §755.1): 08:30 blocked, 09:00 allowed; a manual call at 08:30 allowed', () => {
    const oklahoma = (local: string, method: 'manual' | 'prerecorded') => {
      const at = instantIn(local, 'America/Chicago');
      return screen(parseCheckRequest({ at, to: TULSA, method, caller: { seller: 'acme' }, registries: { national: { syncedAt: at, numbers: [] }, states: { OK: { syncedAt: at, numbers: [] } } } }));
    };
    const early = oklahoma('2026-03-10 08:30', 'prerecorded');
    expect(findingOf(early, 'hours.state')).toEqual({ messageId: 'beforeWindow', data: { localTime: '08:30', zone: 'America/Chicago', start: '09:00', window: "Oklahoma's window" } });
    expect(early.violations.find((violation) => violation.rule === 'hours.state')!.citation).toBe('15 O.S. §755.1');
    expect(rulesOf(oklahoma('2026-03-10 09:00', 'prerecorded')).violations).not.toContain('hours.state');
    expect(rulesOf(oklahoma('2026-03-10 08:30', 'manual')).violations).toEqual([]);
  });

  it('a spring-forward and a fall-back day keep Florida\'s 20:00 in local time', () => {
    expect(rulesOf(call(MIAMI, '2026-03-08 20:00', 'America/New_York')).violations).toEqual(['hours.state']);
    expect(rulesOf(call(MIAMI, '2026-03-08 19:59', 'America/New_York')).violations).toEqual([]);
    expect(rulesOf(call(MIAMI, '2026-11-01 20:00', 'America/New_York')).violations).toEqual(['hours.state']);
    expect(rulesOf(call(MIAMI, '2026-11-01 19:59', 'America/New_York')).violations).toEqual([]);
  });

  it('the law in force on the callee\'s date: Pennsylvania at 19:30 is allowed before Act 47 of 2026, blocked after', () => {
    expect(rulesOf(call(PHILADELPHIA, '2026-10-16 19:30', 'America/New_York')).violations).toEqual([]);
    expect(rulesOf(call(PHILADELPHIA, '2026-10-19 19:30', 'America/New_York')).violations).toEqual(['hours.state']);
  });

  it('a business line: Texas (consumer calls only) does not reach it, Florida (every call) does', () => {
    expect(rulesOf(call(DALLAS, '2026-03-15 11:00', 'America/Chicago', { callee: { business: true } })).violations).toEqual([]);
    expect(rulesOf(call(MIAMI, '2026-03-10 20:30', 'America/New_York', { callee: { business: true } })).violations).toEqual(['hours.state']);
  });

  it('informational calls are outside every state rule', () => {
    expect(rulesOf(call(MIAMI, '2026-03-10 20:30', 'America/New_York', { purpose: 'informational' })).violations).toEqual([]);
  });

  it('a Georgia address with a Florida number is judged by Florida too; callee.states lists both', () => {
    const decision = call(MIAMI, '2026-03-10 20:30', 'America/New_York', { callee: { state: 'GA' } });
    expect(rulesOf(decision).violations).toEqual(['hours.state']);
    expect(decision.callee.states).toEqual(['FL', 'GA']);
  });
});

describe('days.state', () => {
  it('Utah: Christmas Day and Pioneer Day are banned, judged on the callee\'s date', () => {
    expect(findingOf(call(SALT_LAKE, '2026-12-25 10:00', 'America/Denver'), 'days.state')).toEqual({ messageId: 'legalHoliday', data: { date: '2026-12-25', holiday: 'Christmas Day', zone: 'America/Denver', state: 'Utah' } });
    expect(findingOf(call(SALT_LAKE, '2026-07-24 10:00', 'America/Denver'), 'days.state').data).toMatchObject({ holiday: 'Pioneer Day' });
    expect(rulesOf(call(SALT_LAKE, '2026-12-24 20:30', 'America/Denver')).violations).toEqual([]);
  });

  it('Utah on the observed weekday: Independence Day 2026 falls on a Saturday, Friday 3 July is banned too', () => {
    expect(rulesOf(call(SALT_LAKE, '2026-07-03 10:00', 'America/Denver')).violations).toEqual(['days.state']);
  });

  it('Louisiana: no Sundays', () => {
    expect(findingOf(call('(504) 555-0123', '2026-03-15 14:00', 'America/Chicago'), 'days.state')).toEqual({ messageId: 'bannedWeekday', data: { date: '2026-03-15', day: 'Sunday', zone: 'America/Chicago', state: 'Louisiana' } });
  });
});

describe('frequency.state', () => {
  const history = (...times: string[]) => times.map((local) => ({ at: instantIn(local, 'America/New_York'), subject: 'solar panels' }));

  it('Maryland: a fourth call in 24 hours on the same subject blocks; a third does not', () => {
    const three = history('2026-03-10 09:00', '2026-03-10 11:00', '2026-03-10 14:00');
    expect(findingOf(call(BALTIMORE, '2026-03-10 17:00', 'America/New_York', { subject: 'Solar Panels ', history: three }), 'frequency.state').data).toEqual({ nth: 4, hours: 24, onSubject: ' on the same subject ("Solar Panels")', state: 'Maryland', cap: 3 });
    expect(rulesOf(call(BALTIMORE, '2026-03-10 17:00', 'America/New_York', { subject: 'solar panels', history: three.slice(1) })).violations).toEqual([]);
  });

  it('a call exactly 24 hours before does not count (at - 24h < h.at), nor one after the call', () => {
    const calls = history('2026-03-09 17:00', '2026-03-10 11:00', '2026-03-10 14:00', '2026-03-10 18:00');
    expect(rulesOf(call(BALTIMORE, '2026-03-10 17:00', 'America/New_York', { subject: 'solar panels', history: calls })).violations).toEqual([]);
  });

  it('another subject does not count; an unknown subject does (fail closed)', () => {
    const other = [...history('2026-03-10 09:00', '2026-03-10 11:00'), { at: instantIn('2026-03-10 14:00', 'America/New_York'), subject: 'roof repair' }];
    expect(rulesOf(call(BALTIMORE, '2026-03-10 17:00', 'America/New_York', { subject: 'solar panels', history: other })).violations).toEqual([]);
    const unknown = [...history('2026-03-10 09:00', '2026-03-10 11:00'), { at: instantIn('2026-03-10 14:00', 'America/New_York') }];
    expect(rulesOf(call(BALTIMORE, '2026-03-10 17:00', 'America/New_York', { subject: 'solar panels', history: unknown })).violations).toEqual(['frequency.state']);
  });

  it('nextAllowedAt: the moment the first call leaves the window', () => {
    const three = history('2026-03-10 09:00:17', '2026-03-10 11:00', '2026-03-10 14:00');
    expect(call(BALTIMORE, '2026-03-10 17:00', 'America/New_York', { subject: 'solar panels', history: three }).nextAllowedAt).toBe('2026-03-11T09:00:17-04:00');
  });
});

describe('dnc.state', () => {
  it('a number on the copy of Florida\'s list blocks; a transaction within 18 months lifts it', () => {
    const at = instantIn('2026-03-10 14:00', 'America/New_York');
    const registries = { national: { syncedAt: at, numbers: [] }, states: { FL: { syncedAt: '2026-03-01', numbers: ['305-555-0123'] } } };
    expect(findingOf(call(MIAMI, '2026-03-10 14:00', 'America/New_York', { registries }), 'dnc.state').messageId).toBe('onList');
    const lifted = call(MIAMI, '2026-03-10 14:00', 'America/New_York', { registries, relationship: { lastTransactionAt: '2025-06-01' } });
    expect(rulesOf(lifted)).toEqual({ verdict: 'allow', violations: [], exemptions: ['dnc.state'] });
  });

  it('no copy, or a copy 31 days and a minute old, blocks (fail closed); 31 days exactly passes', () => {
    const at = instantIn('2026-04-01 14:00', 'America/New_York');
    expect(findingOf(call(MIAMI, '2026-04-01 14:00', 'America/New_York', { registries: { national: { syncedAt: at, numbers: [] } } }), 'dnc.state')).toMatchObject({ messageId: 'missing', data: { code: 'FL' } });
    const copy = (syncedAt: string) => ({ national: { syncedAt: at, numbers: [] }, states: { FL: { syncedAt, numbers: [] } } });
    expect(rulesOf(call(MIAMI, '2026-04-01 14:00', 'America/New_York', { registries: copy('2026-03-01T18:00:00Z') })).violations).toEqual([]);
    expect(findingOf(call(MIAMI, '2026-04-01 14:00', 'America/New_York', { registries: copy('2026-03-01T17:59:00Z') }), 'dnc.state').messageId).toBe('stale');
  });

  it("names each state's own list in its finding, Florida's, then Texas's, then Florida's again (the names are kept per state and list)", () => {
    const at = instantIn('2026-04-01 14:00', 'America/New_York');
    const noCopies = { registries: { national: { syncedAt: at, numbers: [] } } };
    const listed = (to: string) => findingOf(call(to, '2026-04-01 14:00', 'America/New_York', noCopies), 'dnc.state').data;
    const florida = listed(MIAMI);
    expect(florida).toEqual({ list: expect.stringMatching(/^Florida's do-not-call list \(.+\)$/), state: 'Florida', code: 'FL', e164: '+13055550123' });
    expect(listed(DALLAS)).toEqual({ list: expect.stringMatching(/^Texas's do-not-call list \(.+\)$/), state: 'Texas', code: 'TX', e164: '+12145550123' });
    expect(listed(MIAMI)).toEqual(florida);
    // The data's keys in the order the audit log writes them.
    expect(Object.keys(florida)).toEqual(['list', 'state', 'code', 'e164']);
  });

  it('a copy for a state that keeps no list is accepted and unused', () => {
    const at = instantIn('2026-03-10 14:00', 'America/New_York');
    expect(rulesOf(call('(404) 555-0123', '2026-03-10 14:00', 'America/New_York', { registries: { national: { syncedAt: at, numbers: [] }, states: { GA: { syncedAt: at, numbers: ['404-555-0123'] } } } })).violations).toEqual([]);
  });
});

describe('state.unknown', () => {
  it('a toll-free number without callee.state is blocked for a residential telemarketing call; callee.state settles it', () => {
    const decision = call('800-555-0100', '2026-03-10 14:00', 'America/New_York', { callee: { timeZone: 'America/New_York' } });
    expect(rulesOf(decision).violations).toEqual(['state.unknown']);
    expect(decision.callee.states).toEqual([]);
    expect(rulesOf(call('800-555-0100', '2026-03-10 14:00', 'America/New_York', { callee: { timeZone: 'America/New_York', state: 'GA' } })).violations).toEqual([]);
  });

  it('a business line or an informational call is not blocked by it', () => {
    expect(rulesOf(call('800-555-0100', '2026-03-10 14:00', 'America/New_York', { callee: { timeZone: 'America/New_York', business: true } })).violations).toEqual([]);
  });
});

describe('bad input', () => {
  it('an unknown state code is malformed, naming callee.state and the valid codes', () => {
    expect(() => parseCheckRequest({ at: '2026-03-10T14:00:00Z', to: MIAMI, method: 'manual', caller: { seller: 'acme' }, callee: { state: 'XX' } })).toThrow(/callee\.state: unknown state code "XX": expected a USPS code \(AL AK .* PR GU VI MP AS\) or a Canadian province or territory code \(AB BC/);
  });

  it('a state copy for an unknown code is malformed, naming registries.states.ZZ', () => {
    expect(() => parseCheckRequest({ at: '2026-03-10T14:00:00Z', to: MIAMI, method: 'manual', caller: { seller: 'acme' }, registries: { states: { ZZ: { syncedAt: '2026-03-01' } } } })).toThrow('registries.states.ZZ: unknown state code "ZZ"');
  });

  it('a history entry without at, or with an at that is not an instant, is malformed', () => {
    expect(() => parseCheckRequest({ at: '2026-03-10T14:00:00Z', to: MIAMI, method: 'manual', caller: { seller: 'acme' }, history: [{ subject: 'x' }, { at: '10:00' }] })).toThrow(
      /history\[0\]\.at: required field is missing[\s\S]*history\[1\]\.at: expected an ISO-8601 instant/,
    );
  });

  it('a province for a US number is malformed, saying which', () => {
    expect(() => call(MIAMI, '2026-03-10 14:00', 'America/New_York', { callee: { state: 'ON' } })).toThrow('callee.state: "ON" is a Canadian province or territory, but +13055550123 is a US number');
  });
});
