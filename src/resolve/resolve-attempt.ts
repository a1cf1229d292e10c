import type { CallAttempt } from '../core/attempt.js';
import type { LocalTime, NumberFacts, ScreeningFacts } from '../core/facts.js';
import { InputError, type InputProblem } from '../core/input-error.js';
import { consentStatus } from './consent.js';
import { localTimeDirect, createLocalTimeResolver } from './local-time.js';
import { createNumberResolver, resolveNumberDirect } from './phone-number.js';
import { EMPTY_REGISTRY, InMemoryRegistry, unionRegistry, type NumberRegistry, type RegistryContext } from './registry.js';
import { zonesForNanpNumber } from './time-zones.js';

/** How the two costly facts are computed: cached (the default) or directly per call (the reference and baseline). */
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

  const nationalNumbers = unionRegistry(
    shared.national?.numbers ?? EMPTY_REGISTRY,
    registryFromList(attempt.registries.national?.numbers ?? [], 'registries.national.numbers', strategy),
  );
  const internalNumbers = unionRegistry(
    shared.internal?.numbers ?? EMPTY_REGISTRY,
    registryFromList(attempt.registries.internal?.numbers ?? [], 'registries.internal.numbers', strategy),
  );
  const nationalCopyPresent = attempt.registries.national !== null || shared.national !== undefined;
  const e164 = number.e164;

  return {
    at: attempt.at,
    method: attempt.method,
    purpose: attempt.purpose,
    seller: attempt.caller.seller,
    number,
    callee: {
      lineType: attempt.callee.lineType,
      business: attempt.callee.business,
      ...candidateLocalTimes(attempt, number, strategy),
    },
    nationalRegistry: {
      copy: nationalCopyPresent ? 'present' : 'missing',
      syncedAt: combinedSyncDate(attempt.registries.national?.syncedAt ?? null, shared.national),
      listed: nationalCopyPresent && e164 !== null && nationalNumbers.has(e164),
    },
    internalList: { listed: e164 !== null && internalNumbers.has(e164) },
    consents: {
      priorExpressWritten: consentStatus(attempt.consents, 'prior-express-written', attempt.caller.seller, attempt.at),
      priorExpress: consentStatus(attempt.consents, 'prior-express', attempt.caller.seller, attempt.at),
    },
    relationship: attempt.relationship,
    extensions: attempt.extensions ?? NO_EXTENSIONS,
  };
}

function withJurisdiction(number: NumberFacts, supported: ReadonlySet<string> | null): NumberFacts {
  if (supported === null || number.validity !== 'valid' || (number.region !== null && supported.has(number.region))) return number;
  return { ...number, validity: 'unsupported' };
}

/**
 * The sync date of the copy the attempt is screened against. With a shared copy and a request's own date, the older
 * date counts: the shared numbers are only as current as their copy, so a fresh date on the request must not make
 * an old shared copy pass. A shared copy without a date stays undated (and blocks).
 */
function combinedSyncDate(requestDate: number | null, shared: RegistryContext['national']): number | null {
  if (shared === undefined) return requestDate;
  if (requestDate === null || shared.syncedAt === null) return shared.syncedAt;
  return Math.min(requestDate, shared.syncedAt);
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
