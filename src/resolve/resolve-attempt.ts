import type { CallAttempt, RegistryCopy } from '../core/attempt.js';
import type { LocalTime, NumberFacts, RegistryCopyFacts, ScreeningFacts, StateSource } from '../core/facts.js';
import { subdivision } from '../core/jurisdiction-codes.js';
import { statesForNanpNumber } from './area-code-states.js';
import { InputError, type InputProblem } from '../core/input-error.js';
import { consentStatus } from './consent.js';
import { localTimeDirect, createLocalTimeResolver } from './local-time.js';
import { createNumberResolver, resolveNumberDirect } from './phone-number.js';
import { EMPTY_REGISTRY, InMemoryRegistry, unionRegistry, type NumberRegistry, type RegistryContext, type SharedRegistryCopy } from './registry.js';
import { zonesForNanpNumber } from './time-zones.js';

/**
 * How the two costly facts are computed: cached (the default) or directly per call (the reference and baseline).
 * A strategy gives the same answer for the same input whenever it is asked: callers may ask once and keep the answer
 * (a campaign asks once per lead row for the lead's number).
 */
export interface ResolutionStrategy {
  number(input: string): NumberFacts;
  localTime(zone: string, at: number): LocalTime;
}

export function createCachedStrategy(): ResolutionStrategy {
  return { number: createNumberResolver(), localTime: createLocalTimeResolver() };
}

/** One libphonenumber parse and one luxon conversion per call: what a straightforward screener does. */
export const directStrategy: ResolutionStrategy = { number: resolveNumberDirect, localTime: localTimeDirect };

const NO_EXTENSIONS: ScreeningFacts['extensions'] = Object.freeze({});
const ON_INTERNAL_LIST: ScreeningFacts['internalList'] = Object.freeze({ listed: true });
const NOT_ON_INTERNAL_LIST: ScreeningFacts['internalList'] = Object.freeze({ listed: false });

let sharedStrategy: ResolutionStrategy | undefined;

export function defaultStrategy(): ResolutionStrategy {
  return (sharedStrategy ??= createCachedStrategy());
}

export interface ResolveOptions {
  /** Registries shared by many attempts; the attempt's own entries are added to them. */
  readonly registries?: RegistryContext;
  readonly strategy?: ResolutionStrategy;
  /**
   * The regions the packs in force cover (US, PR, CA...); a valid number elsewhere is `unsupported`. Null or absent:
   * every region is covered (a company's own pack alone).
   */
  readonly supportedRegions?: ReadonlySet<string> | null;
}

/**
 * Resolves every fact the policies read, once: the number, its candidate zones and local times, registry
 * membership, consent validity and the relationship, all at the attempt's instant. Throws an `InputError` when a
 * registry entry in the attempt is not a phone number (a typo there must not silently unblock a call).
 */
export function resolveAttempt(attempt: CallAttempt, options: ResolveOptions = {}): ScreeningFacts {
  const strategy = options.strategy ?? defaultStrategy();
  const number = withJurisdiction(strategy.number(attempt.to), options.supportedRegions ?? null);
  const shared = options.registries ?? {};

  const internalNumbers = unionRegistry(
    shared.internal?.numbers ?? EMPTY_REGISTRY,
    registryFromList(attempt.registries.internal?.numbers ?? [], 'registries.internal.numbers', strategy),
  );
  const e164 = number.e164;
  const states = candidateStates(attempt, number);
  const local = candidateLocalTimes(attempt, number, strategy);

  return {
    at: attempt.at,
    method: attempt.method,
    purpose: attempt.purpose,
    seller: attempt.caller.seller,
    callerKind: attempt.caller.kind ?? 'seller',
    number,
    callee: {
      lineType: attempt.callee.lineType,
      business: attempt.callee.business,
      zoneSource: local.zoneSource,
      localTimes: local.localTimes,
      states: states.states,
      stateSources: states.stateSources,
    },
    nationalRegistry: copyFacts(attempt.registries.national ?? null, shared.national, 'registries.national.numbers', e164, strategy),
    stateRegistries: stateCopies(states.states, attempt, shared.states, e164, strategy),
    canadaRegistry: copyFacts(attempt.registries.canada ?? null, shared.canada, 'registries.canada.numbers', e164, strategy),
    internalList: e164 !== null && internalNumbers.has(e164) ? ON_INTERNAL_LIST : NOT_ON_INTERNAL_LIST,
    subject: attempt.subject ?? null,
    history: attempt.history ?? [],
    consents: {
      priorExpressWritten: consentStatus(attempt.consents, 'prior-express-written', attempt.caller.seller, attempt.at),
      priorExpress: consentStatus(attempt.consents, 'prior-express', attempt.caller.seller, attempt.at),
    },
    relationship: {
      lastTransactionAt: attempt.relationship.lastTransactionAt,
      lastInquiryAt: attempt.relationship.lastInquiryAt,
      personal: attempt.relationship.personal ?? false,
    },
    extensions: attempt.extensions ?? NO_EXTENSIONS,
  };
}

function withJurisdiction(number: NumberFacts, supported: ReadonlySet<string> | null): NumberFacts {
  if (supported === null || number.validity !== 'valid' || (number.region !== null && supported.has(number.region))) return number;
  return { ...number, validity: 'unsupported' };
}

/** One dated list copy as the rules see it: the attempt's own entries added to the shared copy, the older date counting. */
function copyFacts(
  own: RegistryCopy | null,
  shared: SharedRegistryCopy | undefined,
  path: string,
  e164: string | null,
  strategy: ResolutionStrategy,
): RegistryCopyFacts {
  if (own === null && shared === undefined) return MISSING_COPY;
  const numbers = unionRegistry(shared?.numbers ?? EMPTY_REGISTRY, registryFromList(own?.numbers ?? [], path, strategy));
  const listed = e164 !== null && numbers.has(e164);
  let sharedDate = shared?.syncedAt ?? null;
  if (shared?.areaCodeDates !== undefined) {
    // A store vouches only for the area codes it holds a download of, each as of its own date. Uncovered, the
    // number may still be listed by the request's own entries (or the numbers beside the store): that counts.
    const areaCodeDate = e164 === null ? undefined : shared.areaCodeDates.syncedAtOf(e164);
    if (areaCodeDate === undefined) return { copy: 'uncovered', syncedAt: null, listed };
    sharedDate = areaCodeDate;
  }
  return { copy: 'present', syncedAt: combinedSyncDate(own?.syncedAt ?? null, shared === undefined ? undefined : sharedDate), listed };
}

const MISSING_COPY: RegistryCopyFacts = Object.freeze({ copy: 'missing', syncedAt: null, listed: false });

/**
 * The sync date of the copy the attempt is screened against. With a shared copy and a request's own date, the older
 * date counts: the shared numbers are only as current as their copy, so a fresh date on the request must not make
 * an old shared copy pass. A shared copy without a date stays undated (and blocks).
 */
function combinedSyncDate(requestDate: number | null, sharedDate: number | null | undefined): number | null {
  if (sharedDate === undefined) return requestDate;
  if (requestDate === null || sharedDate === null) return sharedDate;
  return Math.min(requestDate, sharedDate);
}

const COUNTRY_OF_REGION: Readonly<Record<string, 'US' | 'CA'>> = { US: 'US', PR: 'US', GU: 'US', VI: 'US', MP: 'US', AS: 'US', CA: 'CA' };

/**
 * The candidate states: the area code's and the address's. A state from the other country than the number's (a
 * province for a Florida number) is an input error: one of the two is wrong, and guessing which would decide the rules.
 */
function candidateStates(attempt: CallAttempt, number: NumberFacts): CandidateStates {
  if (number.validity !== 'valid' || number.e164 === null) return NO_CANDIDATE_STATES;
  // A non-geographic number (toll-free, personal) has no state of its own, except in a territory's own plan.
  const fromAreaCode = number.kind === 'geographic' ? statesForNanpNumber(number.e164, number.region) : NO_STATES;
  const given = attempt.callee.state ?? null;
  if (given !== null) {
    const country = COUNTRY_OF_REGION[number.region ?? ''];
    const info = subdivision(given);
    if (country !== undefined && info !== undefined && info.country !== country) {
      const what = info.country === 'CA' ? 'a Canadian province or territory' : 'a US state or territory';
      const numberIs = country === 'CA' ? 'a Canadian number' : 'a US number';
      throw new InputError([{ path: 'callee.state', message: `${JSON.stringify(given)} is ${what}, but ${number.e164} is ${numberIs}: give the state of the callee's address in the number's country` }]);
    }
  }
  if (given === null) return { states: fromAreaCode, stateSources: areaCodeSources(fromAreaCode) };
  return withAddressState(fromAreaCode, given);
}

type CandidateStates = Pick<ScreeningFacts['callee'], 'states' | 'stateSources'>;

const NO_STATES: readonly string[] = Object.freeze([]);
const NO_CANDIDATE_STATES: CandidateStates = Object.freeze({ states: NO_STATES, stateSources: Object.freeze([]) });

/**
 * The area code's states with the address's, and where each came from. The same for every number of the area code
 * with that address state (a list of leads gives one on every row): worked out once per pair, shared and frozen, as
 * the area code's own list is, so that what is worked out from a list is kept by it (the state rules' rows).
 */
const withAddressStateOf = new WeakMap<readonly string[], Map<string, CandidateStates>>();

function withAddressState(fromAreaCode: readonly string[], given: string): CandidateStates {
  let byGiven = withAddressStateOf.get(fromAreaCode);
  if (byGiven === undefined) withAddressStateOf.set(fromAreaCode, (byGiven = new Map()));
  let candidates = byGiven.get(given);
  if (candidates === undefined) {
    const states = fromAreaCode.includes(given) ? fromAreaCode : Object.freeze([...fromAreaCode, given].sort());
    const sources = states.map((state): StateSource => (state !== given ? 'area-code' : states === fromAreaCode ? 'area-code+address' : 'address'));
    candidates = Object.freeze({ states, stateSources: Object.freeze(sources) });
    byGiven.set(given, candidates);
  }
  return candidates;
}

/** "area-code" for each of an area code's states, by its list (shared, statesForNanpNumber): the same for every number of it. */
const areaCodeSourcesOf = new WeakMap<readonly string[], readonly StateSource[]>();

function areaCodeSources(states: readonly string[]): readonly StateSource[] {
  let sources = areaCodeSourcesOf.get(states);
  if (sources === undefined) {
    sources = Object.freeze(states.map((): StateSource => 'area-code'));
    areaCodeSourcesOf.set(states, sources);
  }
  return sources;
}

/** The copy of each candidate state's list: the request's own entries added to the shared copy, the older date counting. */
function stateCopies(
  states: readonly string[],
  attempt: CallAttempt,
  shared: RegistryContext['states'],
  e164: string | null,
  strategy: ResolutionStrategy,
): Readonly<Record<string, RegistryCopyFacts>> {
  // The commonest case, no copy anywhere: the same answer for every number of the area code, built once per list.
  if ((attempt.registries.states ?? []).length === 0 && (shared === undefined || shared.size === 0)) return missingCopies(states);
  const copies: Record<string, RegistryCopyFacts> = {};
  // A copy for a state that is not a candidate is unused, but a typo in it is still an error.
  for (const copy of attempt.registries.states ?? []) {
    if (!states.includes(copy.state)) registryFromList(copy.numbers, `registries.states.${copy.state}.numbers`, strategy);
  }
  for (const state of states) {
    const own = attempt.registries.states?.find((copy) => copy.state === state) ?? null;
    // The path names an entry in error, so it is written only when there are entries.
    copies[state] = copyFacts(own, shared?.get(state), own === null ? '' : `registries.states.${state}.numbers`, e164, strategy);
  }
  return copies;
}

/** Each state's copy missing, by the (shared, frozen) list of states: see `areaCodeSources`. */
const missingCopiesOf = new WeakMap<readonly string[], Readonly<Record<string, RegistryCopyFacts>>>();

function missingCopies(states: readonly string[]): Readonly<Record<string, RegistryCopyFacts>> {
  if (!Object.isFrozen(states)) return Object.fromEntries(states.map((state) => [state, MISSING_COPY]));
  let copies = missingCopiesOf.get(states);
  if (copies === undefined) {
    copies = Object.freeze(Object.fromEntries(states.map((state) => [state, MISSING_COPY])));
    missingCopiesOf.set(states, copies);
  }
  return copies;
}

function candidateLocalTimes(
  attempt: CallAttempt,
  number: NumberFacts,
  strategy: ResolutionStrategy,
): Pick<ScreeningFacts['callee'], 'zoneSource' | 'localTimes'> {
  if (attempt.callee.timeZone !== null && number.validity === 'valid') {
    return { zoneSource: 'callee', localTimes: [strategy.localTime(attempt.callee.timeZone, attempt.at)] };
  }
  // Outside the supported jurisdictions the screening stops at jurisdiction.unsupported: no zone is needed.
  if (number.validity !== 'valid' || number.e164 === null || number.kind !== 'geographic') return { zoneSource: 'none', localTimes: [] };
  const zones = zonesForNanpNumber(number.e164);
  if (zones.length === 0) return { zoneSource: 'none', localTimes: [] };
  return { zoneSource: 'area-code', localTimes: zones.map((zone) => strategy.localTime(zone, attempt.at)) };
}

/** Builds a registry from numbers as written, refusing any entry that is not a phone number. */
export function registryFromList(
  numbers: readonly string[],
  path: string,
  strategy: ResolutionStrategy = defaultStrategy(),
): NumberRegistry {
  if (numbers.length === 0) return EMPTY_REGISTRY;
  const registry = new InMemoryRegistry();
  const problems: InputProblem[] = [];
  numbers.forEach((entry, index) => {
    const resolved = strategy.number(entry);
    if (resolved.e164 === null) {
      problems.push({ path: `${path}[${index}]`, message: `${JSON.stringify(entry)} is not a valid phone number` });
    } else {
      registry.add(resolved.e164);
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  return registry;
}
