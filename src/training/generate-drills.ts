import type { PolicyPack } from '../core/policy.js';
import { seededRandom } from '../core/seeded-random.js';
import type { Drill, DrillKey, DrillLevel, EdgeFacts } from './drill.js';
import { keyOf, sameKey, screenRequest } from './drill-key.js';
import { EDGE_TEMPLATES } from './edge-templates.js';
import { mixSeed, picker, type Picker } from './random-pick.js';
import { situationToRequest, type Situation } from './situation.js';
import { stateBannedDay, stateCallCap, stateWindowEdge } from './state-situations.js';
import { baseline, CANADIAN, clock, leadNumber, MULTI_ZONE_AREA_CODES, otherSeller, subscriber, TOLL_FREE, zonesOf } from './situation-pool.js';

export interface GenerateDrillsOptions {
  readonly seed: number;
  readonly level: DrillLevel;
  readonly count: number;
  /** The rules that grade the drills; the default packs (DEFAULT_PACK_IDS) when absent. */
  readonly pack?: PolicyPack;
}

/** A situation the sampler proposes, before the engine says whether it has the level's property. */
export interface Candidate {
  readonly situation: Situation;
  readonly edge?: { readonly kind: EdgeFacts['kind']; readonly contrast: string; readonly twin: Situation };
}

type Twist = (situation: Situation, p: Picker) => Situation;

/** Changes that each make one rule block a clean call. */
const BLOCKING_TWISTS: Readonly<Record<string, Twist>> = {
  lateHour: (s, p) => ({ ...s, localTime: clock(p.int(21, 23), p.int(0, 11) * 5) }),
  earlyHour: (s, p) => ({ ...s, localTime: clock(p.int(6, 7), p.int(0, 11) * 5) }),
  onRegistry: (s) => (s.registry.copy === 'present' ? { ...s, registry: { ...s.registry, listed: true } } : s),
  internalList: (s) => ({ ...s, internalListed: true }),
  staleRegistry: (s, p) => (s.registry.copy === 'present' ? { ...s, registry: { ...s.registry, age: { days: p.int(33, 120) } } } : s),
  missingRegistry: (s) => ({ ...s, registry: { copy: 'missing' } }),
  autodialMobile: (s, p) => ({
    ...s,
    method: 'autodialer',
    lineType: p.chance(0.75) ? 'mobile' : 'unknown',
    consents: p.pick([
      [],
      [{ kind: 'prior-express', seller: s.seller, grantedAgo: { days: p.int(20, 300) }, revokedAgo: null }],
      [{ kind: 'prior-express-written', seller: otherSeller(p, s.seller), grantedAgo: { days: p.int(20, 300) }, revokedAgo: null }],
      [{ kind: 'prior-express-written', seller: s.seller, grantedAgo: { days: p.int(60, 300) }, revokedAgo: { days: p.int(2, 40) } }],
    ] as const),
  }),
  prerecordedLandline: (s) => ({ ...s, method: 'prerecorded', lineType: 'landline' }),
  tollFree: (s, p) => ({ ...s, to: leadNumber(p, p.pick(TOLL_FREE)), clockZone: s.floorZone }),
  // Canada's weekday window ends at 21:30, half an hour after the US one: a late evening call there still blocks.
  canadianEvening: (s, p) => {
    const to = leadNumber(p, p.pick(CANADIAN));
    return { ...s, to, clockZone: zonesOf(to)[0]!, localTime: clock(p.int(22, 23), p.int(0, 11) * 5) };
  },
  invalidNumber: (s, p) => ({ ...s, to: subscriber(p), clockZone: s.floorZone }),
  // State law, drawn from the state table: a state's own window edge, a day it bans, the call past its cap.
  stateWindow: (s, p) => stateWindowEdge(p, s, 'blocked')?.situation ?? s,
  stateBannedDay: (s, p) => stateBannedDay(p, s)?.situation ?? s,
  stateCallCap: (s, p) => stateCallCap(p, s)?.situation ?? s,
};

/** Changes that lift a rule, or take the call out of one, so that rules interact. */
const LIFTING_TWISTS: Readonly<Record<string, Twist>> = {
  transaction: (s, p) => ({ ...s, transactionAgo: { months: p.int(1, 17), days: p.int(0, 20) } }),
  inquiry: (s, p) => ({ ...s, inquiryAgo: { days: p.int(3, 80) } }),
  writtenConsent: (s, p) => ({
    ...s,
    consents: [...s.consents, { kind: 'prior-express-written', seller: s.seller, grantedAgo: { days: p.int(10, 400) }, revokedAgo: null }],
  }),
  businessLine: (s) => ({ ...s, business: true }),
  informational: (s) => ({ ...s, purpose: 'informational' }),
  addressKnown: (s) => ({ ...s, addressZone: s.clockZone }),
  multiZone: (s, p) => {
    const to = leadNumber(p, p.pick(MULTI_ZONE_AREA_CODES));
    return { ...s, to, clockZone: p.pick(zonesOf(to)) };
  },
  manualMobile: (s) => ({ ...s, method: 'manual', lineType: 'mobile' }),
  // Canada's rules replace the US ones: its hours, its DNCL, and consent only for prerecorded calls.
  canadianNumber: (s, p) => ({ ...s, to: leadNumber(p, p.pick(CANADIAN)), clockZone: s.floorZone }),
  brokerDealer: (s) => ({ ...s, callerKind: 'broker-dealer' }),
  personalRelationship: (s) => ({ ...s, callerKind: 'broker-dealer', personal: true }),
  autodialWithConsent: (s, p) => ({
    ...s,
    method: 'autodialer',
    lineType: 'mobile',
    consents: [{ kind: 'prior-express-written', seller: s.seller, grantedAgo: { days: p.int(10, 400) }, revokedAgo: null }],
  }),
};

/** Twists that change the number go first, so the clock and the address are set for the final number. */
const NUMBER_TWISTS = new Set(['tollFree', 'canadianEvening', 'canadianNumber', 'invalidNumber', 'multiZone', 'stateWindow', 'stateBannedDay', 'stateCallCap']);

function applyTwists(p: Picker, names: readonly string[]): Situation {
  const table = { ...BLOCKING_TWISTS, ...LIFTING_TWISTS };
  const ordered = [...names].sort((a, b) => Number(NUMBER_TWISTS.has(b)) - Number(NUMBER_TWISTS.has(a)));
  return ordered.reduce((situation, name) => table[name]!(situation, p), baseline(p));
}

function sampleSingle(p: Picker): Candidate {
  // About one drill in seven is a clean call that may be dialed: a rep must also learn when nothing blocks.
  const names = Object.keys(BLOCKING_TWISTS);
  return { situation: applyTwists(p, p.chance(1 / 7) ? [] : [p.pick(names)]) };
}

function sampleInteracting(p: Picker): Candidate {
  const names = [...Object.keys(BLOCKING_TWISTS), ...Object.keys(LIFTING_TWISTS)];
  const chosen = new Set<string>([p.pick(Object.keys(BLOCKING_TWISTS)), p.pick(Object.keys(LIFTING_TWISTS))]);
  while (chosen.size < 2 + p.int(0, 2)) chosen.add(p.pick(names));
  // The registry exemptions only show when the number is on the registry.
  if ((chosen.has('transaction') || chosen.has('inquiry') || chosen.has('writtenConsent')) && p.chance(0.7)) chosen.add('onRegistry');
  return { situation: applyTwists(p, [...chosen]) };
}


/** Whether the engine's decision has the property that defines the level. */
export function hasLevelProperty(level: DrillLevel, key: DrillKey, twinKey?: DrillKey): boolean {
  switch (level) {
    case 'single':
      return key.exemptions.length === 0 && key.rules.length <= 1;
    case 'interacting':
      return key.exemptions.length >= 1 || key.rules.length >= 2;
    case 'edge':
      return twinKey !== undefined && !sameKey(key, twinKey);
  }
}

type Sampler = (p: Picker) => Candidate;

/**
 * The sampler for the next drill. An edge drill first picks its kind, then retries that kind until the engine
 * confirms the edge, so rarely-confirmed kinds (DST weekends) get their share instead of losing every draw.
 */
const SLOT_SAMPLERS: Readonly<Record<DrillLevel, (p: Picker) => Sampler>> = {
  single: () => sampleSingle,
  interacting: () => sampleInteracting,
  edge: (p) => p.pick(EDGE_TEMPLATES),
};

/** Proposals tried per drill before giving up; the samplers hit their level far more often than 1 in 50. */
const MAX_PROPOSALS_PER_DRILL = 50;

/**
 * Generates drills from the policies: samples call situations for the level from a seeded generator, screens each
 * with the engine, and keeps those whose decision has the level's property. The same seed, level and count give
 * the same drills, and the first N drills of a longer set are the N drills of a shorter one.
 * @example
 * const [drill] = generateDrills({ seed: 42, level: 'single', count: 1 });
 * drill.key.verdict; // 'allow' or 'block', as screen(drill.request) decides
 */
export function generateDrills(options: GenerateDrillsOptions): Drill[] {
  const p = picker(seededRandom(mixSeed(options.seed, options.level)));
  const drills: Drill[] = [];
  let proposals = 0;
  let sampler: Sampler | null = null;
  while (drills.length < options.count) {
    if (++proposals > MAX_PROPOSALS_PER_DRILL * options.count + 1000) {
      throw new Error(`training: could not sample ${options.count} ${options.level} drills from seed ${options.seed}; the sampler no longer fits the policies`);
    }
    sampler ??= SLOT_SAMPLERS[options.level](p);
    const candidate = sampler(p);
    const request = situationToRequest(candidate.situation);
    const key = keyOf(screenRequest(request, options.pack));
    const twin = candidate.edge === undefined ? undefined : situationToRequest(candidate.edge.twin);
    const twinKey = twin === undefined ? undefined : keyOf(screenRequest(twin, options.pack));
    if (!hasLevelProperty(options.level, key, twinKey)) continue;
    sampler = null;
    const index = drills.length + 1;
    drills.push({
      id: `${options.level}-${options.seed}-${index}`,
      level: options.level,
      source: { kind: 'generated', seed: options.seed, level: options.level, index },
      request,
      floorZone: candidate.situation.floorZone,
      key,
      ...(candidate.edge && twin && { edge: { kind: candidate.edge.kind, contrast: candidate.edge.contrast, twin } }),
    });
  }
  return drills;
}

