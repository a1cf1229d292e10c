import type { Candidate } from './generate-drills.js';
import { DateTime } from 'luxon';
import { stateBannedDay, stateCallCap, stateWindowEdge, type StateDrill } from './state-situations.js';
import { baseline, CANADIAN, clock, leadNumber, MULTI_ZONE_AREA_CODES, NO_STATE_WINDOW_AREA_CODES, zonesOf } from './situation-pool.js';
import type { Picker } from './random-pick.js';
import type { Situation } from './situation.js';

/**
 * Edge drills: a fact sits next to a boundary the rules draw (a DST change, a zone line, 21:00:00, a limit in days
 * or months). Each template returns the situation and its twin on the other side of the boundary; the generator
 * keeps the drill only when the engine decides the twin differently, so every edge drill really is on an edge.
 */
type EdgeTemplate = (p: Picker) => Candidate;

/** Callee area codes in zones that change clocks, plus Phoenix, which does not. */
const DST_AREA_CODES = ['212', '312', '303', '415', '602'] as const;
/** Floor clocks near either end of the window, as the floor reads them. */
const FLOOR_TIMES = ['06:45', '07:15', '07:30', '07:45', '19:40', '20:15', '20:30', '20:50', '21:20'] as const;

/** Sat/Sun of the two 2026 DST weekends: clocks spring forward on 8 March and fall back on 1 November. */
const DST_WEEKENDS = {
  'dst-spring-forward': { saturday: '2026-03-07', sunday: '2026-03-08', dayNames: ['Saturday 7 March', 'Sunday 8 March'] },
  'dst-fall-back': { saturday: '2026-10-31', sunday: '2026-11-01', dayNames: ['Saturday 31 October', 'Sunday 1 November'] },
} as const;

function dstWeekend(kind: keyof typeof DST_WEEKENDS): EdgeTemplate {
  return (p) => {
    const base = baseline(p);
    const weekend = DST_WEEKENDS[kind];
    const floorZone = p.pick(['America/Phoenix', 'America/Los_Angeles', 'America/Chicago'] as const);
    const to = leadNumber(p, p.pick(DST_AREA_CODES));
    const onSunday = p.chance(0.5);
    const situation: Situation = {
      ...base,
      to,
      floorZone,
      clockZone: floorZone,
      localDate: onSunday ? weekend.sunday : weekend.saturday,
      localTime: `${p.pick(FLOOR_TIMES)}:00`,
    };
    const twinDay = onSunday ? weekend.dayNames[0] : weekend.dayNames[1];
    return {
      situation,
      edge: {
        kind,
        contrast: `the same floor-clock time on ${twinDay}, on the other side of the clock change`,
        twin: { ...situation, localDate: onSunday ? weekend.saturday : weekend.sunday },
      },
    };
  };
}

const multiZoneAreaCode: EdgeTemplate = (p) => {
  const base = baseline(p);
  const to = leadNumber(p, p.pick(MULTI_ZONE_AREA_CODES));
  const zones = zonesOf(to);
  const clockZone = p.pick(zones);
  const localTime = p.chance(0.5) ? clock(p.pick([20, 21]), p.int(0, 11) * 5) : clock(p.pick([7, 8]), p.int(0, 11) * 5);
  const situation: Situation = { ...base, to, clockZone, localTime };
  // The twin's address settles the zone; the generator keeps the drill only if that address changes the decision.
  const addressZone = p.pick(zones);
  return {
    situation,
    edge: {
      kind: 'multi-zone-area-code',
      contrast: `the lead's address on file, placing them in ${addressZone}`,
      twin: { ...situation, addressZone },
    },
  };
};

const windowBoundary: EdgeTemplate = (p) => {
  const base = baseline(p);
  const [time, twinTime] = p.pick([
    ['21:00:00', '20:59:59'],
    ['20:59:59', '21:00:00'],
    ['07:59:59', '08:00:00'],
    ['08:00:00', '07:59:59'],
  ] as const);
  const situation: Situation = { ...base, localTime: time };
  return {
    situation,
    edge: { kind: 'window-boundary', contrast: `the same call at ${twinTime} local time`, twin: { ...situation, localTime: twinTime } },
  };
};

function autodialedMobile(p: Picker): Situation {
  return { ...baseline(p), method: 'autodialer', lineType: 'mobile' };
}

const consentRevokedYesterday: EdgeTemplate = (p) => {
  const base = autodialedMobile(p);
  const granted = { days: p.int(30, 300) };
  const yesterday = { days: 1, hours: p.int(-6, 6) };
  const laterToday = { hours: -p.int(1, 3) };
  const revokedYesterday = p.chance(0.6);
  const situation: Situation = {
    ...base,
    consents: [{ kind: 'prior-express-written', seller: base.seller, grantedAgo: granted, revokedAgo: revokedYesterday ? yesterday : laterToday }],
  };
  return {
    situation,
    edge: {
      kind: 'consent-revoked-yesterday',
      contrast: revokedYesterday ? 'the revocation arriving a few hours after the call instead' : 'the revocation arriving yesterday instead',
      twin: { ...situation, consents: [{ ...situation.consents[0]!, revokedAgo: revokedYesterday ? laterToday : yesterday }] },
    },
  };
};

const consentGrantedAfterCall: EdgeTemplate = (p) => {
  const base = autodialedMobile(p);
  const hours = p.int(1, 4);
  const situation: Situation = {
    ...base,
    consents: [{ kind: 'prior-express-written', seller: base.seller, grantedAgo: { hours: -hours }, revokedAgo: null }],
  };
  return {
    situation,
    edge: {
      kind: 'consent-granted-after-call',
      contrast: `the form signed ${hours} hour${hours === 1 ? '' : 's'} before the call instead of after it`,
      twin: { ...situation, consents: [{ ...situation.consents[0]!, grantedAgo: { hours } }] },
    },
  };
};

const relationshipPastLimit: EdgeTemplate = (p) => {
  const base = baseline(p);
  const transaction = p.chance(0.5);
  const months = transaction ? 18 : 3;
  const past = p.chance(0.65);
  const outside = { months, days: 7 };
  const inside = { months, days: -7 };
  const field = transaction ? 'transactionAgo' : 'inquiryAgo';
  const registry = base.registry.copy === 'present' ? { ...base.registry, listed: true } : base.registry;
  const situation: Situation = { ...base, registry, [field]: past ? outside : inside };
  return {
    situation,
    edge: {
      kind: 'relationship-past-limit',
      contrast: `the last ${transaction ? 'purchase' : 'inquiry'} two weeks ${past ? 'later' : 'earlier'}, ${past ? 'inside' : 'outside'} its ${months}-month limit`,
      twin: { ...situation, [field]: past ? inside : outside },
    },
  };
};

const registryCopyAge: EdgeTemplate = (p) => {
  const base = baseline(p);
  const stale = { days: 31, minutes: 1 };
  const limit = { days: 31 };
  const isStale = p.chance(0.6);
  const situation: Situation = { ...base, registry: { copy: 'present', age: isStale ? stale : limit, listed: false, dateOnly: false } };
  return {
    situation,
    edge: {
      kind: 'registry-copy-age',
      contrast: isStale ? 'the copy synced one minute later (exactly 31 days before the call)' : 'the copy synced one minute earlier (31 days and 1 minute before the call)',
      twin: { ...situation, registry: { copy: 'present', age: isStale ? limit : stale, listed: false, dateOnly: false } },
    },
  };
};

/**
 * A call at 21:xx to an existing customer in a state without a window of its own: a broker-dealer may place it (the
 * FCC's rule and FINRA Rule 3230 yield to the relationship), an ordinary seller may not (the TSR's window does not).
 */
const brokerDealerLateCall: EdgeTemplate = (p) => {
  const base = baseline(p);
  const to = leadNumber(p, p.pick(NO_STATE_WINDOW_AREA_CODES));
  const asBroker = p.chance(0.5);
  const situation: Situation = {
    ...base,
    to,
    clockZone: zonesOf(to)[0]!,
    localTime: clock(21, p.int(0, 11) * 5),
    transactionAgo: { months: p.int(1, 12) },
    callerKind: asBroker ? 'broker-dealer' : 'seller',
  };
  return {
    situation,
    edge: {
      kind: 'broker-dealer-late-call',
      contrast: asBroker ? 'the same call by an ordinary seller (not a broker-dealer)' : 'the same call by a broker-dealer (a FINRA member firm)',
      twin: { ...situation, callerKind: asBroker ? 'seller' : 'broker-dealer' },
    },
  };
};

/** An autodialed call with a live agent to a mobile: Canada's ADAD rule is about prerecorded calls, the US consent rule is not. */
const canadaAutodialMobile: EdgeTemplate = (p) => {
  const base = autodialedMobile(p);
  const canadian = leadNumber(p, p.pick(CANADIAN));
  const american = leadNumber(p, p.pick(NO_STATE_WINDOW_AREA_CODES));
  const inCanada = p.chance(0.5);
  const at = (to: string): Situation => ({ ...base, to, clockZone: zonesOf(to)[0]!, localTime: clock(p.int(10, 17), 0) });
  const situation = at(inCanada ? canadian : american);
  return {
    situation,
    edge: {
      kind: 'canada-autodial-mobile',
      contrast: inCanada ? `the same call to a US mobile, ${american}` : `the same call to a Canadian mobile, ${canadian}`,
      twin: { ...situation, to: inCanada ? american : canadian, clockZone: zonesOf(inCanada ? american : canadian)[0]! },
    },
  };
};

/** Canada's weekend window ends at 18:00: 17:59 on a Saturday may be dialed, 18:00 may not. */
const canadaWeekendHours: EdgeTemplate = (p) => {
  const base = baseline(p);
  const to = leadNumber(p, p.pick(CANADIAN));
  const saturday = DateTime.fromISO(base.localDate, { zone: 'utc' }).plus({ days: 6 - DateTime.fromISO(base.localDate, { zone: 'utc' }).weekday }).toISODate()!;
  const [time, twinTime] = p.pick([
    ['17:59:00', '18:00:00'],
    ['18:00:00', '17:59:00'],
    ['09:59:00', '10:00:00'],
    ['10:00:00', '09:59:00'],
  ] as const);
  const situation: Situation = { ...base, to, clockZone: zonesOf(to)[0]!, localDate: saturday, localTime: time };
  return {
    situation,
    edge: { kind: 'canada-weekend-hours', contrast: `the same call at ${twinTime.slice(0, 5)} local time`, twin: { ...situation, localTime: twinTime } },
  };
};

/** A state-law edge from the state table, or (when the draw finds none) a candidate the generator will discard. */
function stateEdge(kind: 'state-window-edge' | 'state-banned-day' | 'state-call-cap', draw: (p: Picker, base: Situation) => StateDrill | undefined): EdgeTemplate {
  return (p) => {
    const base = baseline(p);
    const drill = draw(p, base);
    if (drill === undefined) return { situation: base, edge: { kind, contrast: 'the same call', twin: base } };
    return { situation: drill.situation, edge: { kind, contrast: drill.contrast, twin: drill.twin } };
  };
}

export const EDGE_TEMPLATES: readonly EdgeTemplate[] = [
  stateEdge('state-window-edge', (p, base) => stateWindowEdge(p, base)),
  stateEdge('state-banned-day', stateBannedDay),
  stateEdge('state-call-cap', stateCallCap),
  brokerDealerLateCall,
  canadaAutodialMobile,
  canadaWeekendHours,
  dstWeekend('dst-spring-forward'),
  dstWeekend('dst-fall-back'),
  multiZoneAreaCode,
  windowBoundary,
  consentRevokedYesterday,
  consentGrantedAfterCall,
  relationshipPastLimit,
  registryCopyAge,
];
