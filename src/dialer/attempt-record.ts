import type { Decision } from '../core/decision.js';
import type { ConsentStatus, LocalTime, RegistryCopyFacts, ScreeningFacts } from '../core/facts.js';
import { parseInstant } from '../core/instant.js';
import type { PolicyPack } from '../core/policy.js';
import { evaluatePack } from '../engine/evaluate-pack.js';
import type { RegistryContext } from '../resolve/registry.js';
import type { AttemptRecord, ConsentRecord, RegistryConsulted } from './audit-log.js';
import { instantText as iso } from './instant-text.js';

/**
 * The attempt record and its inverse. `attemptRecord` writes down the resolved facts a decision stood on, in the
 * log's public form (docs/audit-log.md); `factsFromAttemptRecord` reads them back, exactly, so that a checker can
 * run the engine over a record again and compare (`rederiveDecision`). The two are kept side by side: a fact added
 * to one must be added to the other, and the re-derivation test over every library scenario fails when it is not.
 */

export interface AttemptRecordInput {
  readonly attemptId: string;
  readonly leadId: string;
  readonly decision: Decision;
  readonly facts: ScreeningFacts;
  /** The shared registries the facts were resolved against: where each copy came from. */
  readonly registries: RegistryContext;
}

/**
 * The parts of attempt records that repeat across attempts (the caller, a consent status, an empty relationship, a
 * registry entry, no history) are shared, frozen objects rather than new ones per record: a large campaign writes
 * millions of records, and their parts were an eighth of its allocation. A record is read, never changed, by the sinks.
 */
const NO_HISTORY: AttemptRecord['history'] = Object.freeze([]);
const NO_RELATIONSHIP: AttemptRecord['relationship'] = Object.freeze({ lastTransactionAt: null, lastInquiryAt: null, personal: false });

let lastCaller: AttemptRecord['caller'] = Object.freeze({ seller: '', kind: 'seller' });

function callerOf(seller: string, kind: AttemptRecord['caller']['kind']): AttemptRecord['caller'] {
  if (lastCaller.seller !== seller || lastCaller.kind !== kind) lastCaller = Object.freeze({ seller, kind });
  return lastCaller;
}

const zoneOf = (local: LocalTime) => local.zone;
const isoOf = (local: LocalTime) => local.iso;

/** Whether a rule declared an extension fact: the record then has `extensions`, and otherwise none. */
export function hasExtensions(extensions: ScreeningFacts['extensions']): boolean {
  for (const name in extensions) if (Object.hasOwn(extensions, name)) return true;
  return false;
}

export function attemptRecord({ attemptId, leadId, decision, facts, registries }: AttemptRecordInput): AttemptRecord {
  const { callee, number, relationship } = facts;
  const extensions = hasExtensions(facts.extensions) ? facts.extensions : undefined;
  // Arrays of their exact length: one pushed to from empty is given room for 17.
  const { localTimes } = callee;
  const timeZones = localTimes.length === 1 ? [localTimes[0]!.zone] : localTimes.map(zoneOf);
  const localIsos = localTimes.length === 1 ? [localTimes[0]!.iso] : localTimes.map(isoOf);
  return {
    type: 'attempt',
    attemptId,
    leadId,
    to: number.e164 ?? number.input,
    at: iso(facts.at),
    method: facts.method,
    purpose: facts.purpose,
    caller: callerOf(facts.seller, facts.callerKind),
    verdict: decision.verdict,
    violations: decision.violations,
    exemptions: decision.exemptions,
    callee: {
      validity: number.validity,
      region: number.region,
      kind: number.kind,
      lineType: callee.lineType,
      business: callee.business,
      timeZones,
      timeZoneSource: callee.zoneSource === 'callee' ? 'address' : callee.zoneSource === 'area-code' ? 'area-code' : null,
      states: callee.states,
      stateSources: callee.stateSources,
    },
    localTimes: localIsos,
    registries: registriesConsulted(facts, registries),
    consents: { priorExpressWritten: consentRecord(facts.consents.priorExpressWritten), priorExpress: consentRecord(facts.consents.priorExpress) },
    relationship:
      relationship.lastTransactionAt === null && relationship.lastInquiryAt === null && !relationship.personal
        ? NO_RELATIONSHIP
        : { lastTransactionAt: instantOrNull(relationship.lastTransactionAt), lastInquiryAt: instantOrNull(relationship.lastInquiryAt), personal: relationship.personal },
    subject: facts.subject,
    history: facts.history.length === 0 ? NO_HISTORY : facts.history.map((call) => ({ at: iso(call.at), subject: call.subject })),
    ...(extensions && { extensions }),
  };
}

/**
 * The lists in the order the log writes them: the national registry, each candidate state's list, Canada's DNCL
 * (for a Canadian number, or whenever the seller has a copy) and the internal list. A list left out is one the
 * seller has no copy of and no rule of this number's country reads.
 */
export function registriesConsulted(facts: ScreeningFacts, registries: RegistryContext): RegistryConsulted[] {
  const consulted: RegistryConsulted[] = [];
  forEachRegistryConsulted(facts, registries, (list, copy, source, state) => consulted.push(registryEntry(list, copy, source, state)));
  return consulted;
}

/** One list as a screening consulted it: its copy's facts and where the seller's copy came from. */
export type ConsultedCopyVisitor = (list: RegistryConsulted['list'], copy: RegistryCopyFacts, source: string | undefined, state: string | undefined) => void;

/**
 * Visits the lists `registriesConsulted` states, in its order, with what `registryEntry` makes each entry of: for a
 * writer that turns the facts into the log's bytes without building the entries.
 */
export function forEachRegistryConsulted(facts: ScreeningFacts, registries: RegistryContext, visit: ConsultedCopyVisitor): void {
  visit('national', facts.nationalRegistry, registries.national?.source, undefined);
  const { states } = facts.callee;
  for (let index = 0; index < states.length; index++) {
    const state = states[index]!;
    visit('state', facts.stateRegistries[state]!, registries.states?.get(state)?.source, state);
  }
  if (facts.number.region === 'CA' || facts.canadaRegistry.copy === 'present') visit('canada', facts.canadaRegistry, registries.canada?.source, undefined);
  visit('internal', facts.internalList.listed ? LISTED_INTERNAL : UNLISTED_INTERNAL, registries.internal?.source, undefined);
}

const LISTED_INTERNAL: RegistryCopyFacts = Object.freeze({ copy: 'present', syncedAt: null, listed: true });
const UNLISTED_INTERNAL: RegistryCopyFacts = Object.freeze({ copy: 'present', syncedAt: null, listed: false });

/** The entry last made for each list (a state's by its code, which never coincides with a list's name): most attempts consult the same copies. */
const lastRegistryEntries = new Map<string, RegistryConsulted>();
const MAX_REGISTRY_ENTRIES = 512;

/** The entry the log states for one list consulted: the same frozen object while the list's facts are unchanged. */
export function registryEntry(list: RegistryConsulted['list'], copy: RegistryCopyFacts, source: string | undefined, state?: string): RegistryConsulted {
  const from = copy.copy === 'missing' ? null : (source ?? null);
  const syncedAt = instantOrNull(copy.syncedAt);
  const key = state ?? list;
  const last = lastRegistryEntries.get(key);
  if (last !== undefined && last.list === list && last.state === state && last.source === from && last.copy === copy.copy && last.syncedAt === syncedAt && last.listed === copy.listed) return last;
  // Two literals rather than a spread of the optional `state`; the keys stay in the log's order.
  const entry: RegistryConsulted = Object.freeze(
    state === undefined ? { list, source: from, copy: copy.copy, syncedAt, listed: copy.listed } : { list, state, source: from, copy: copy.copy, syncedAt, listed: copy.listed },
  );
  if (lastRegistryEntries.size >= MAX_REGISTRY_ENTRIES) lastRegistryEntries.clear();
  lastRegistryEntries.set(key, entry);
  return entry;
}

/** The consent record last made for each grant date, and for each gap without a date: a handful in a run. */
const grantRecords = new Map<number, ConsentRecord>();
const gapRecords = new Map<string, ConsentRecord>();
const MAX_CONSENT_RECORDS = 256;

export function consentRecord(status: ConsentStatus): ConsentRecord {
  if (status.valid) {
    let record = grantRecords.get(status.grantedAt);
    if (record === undefined) {
      if (grantRecords.size >= MAX_CONSENT_RECORDS) grantRecords.clear();
      grantRecords.set(status.grantedAt, (record = Object.freeze({ valid: true, grantedAt: iso(status.grantedAt) })));
    }
    return record;
  }
  if (status.at !== null) return { valid: false, gap: status.gap, at: iso(status.at) };
  let record = gapRecords.get(status.gap);
  if (record === undefined) {
    if (gapRecords.size >= MAX_CONSENT_RECORDS) gapRecords.clear();
    gapRecords.set(status.gap, (record = Object.freeze({ valid: false, gap: status.gap, at: null })));
  }
  return record;
}

function instantOrNull(at: number | null): string | null {
  return at === null ? null : iso(at);
}

/** An instant the log wrote; a record that does not parse is not one dialsim wrote, so it throws rather than guess. */
function instant(text: string, field: string): number {
  const at = parseInstant(text);
  if (typeof at !== 'number') throw new Error(`audit record: ${field} is not an instant: ${JSON.stringify(text)}`);
  return at;
}

function nullableInstant(text: string | null, field: string): number | null {
  return text === null ? null : instant(text, field);
}

const MISSING: RegistryCopyFacts = { copy: 'missing', syncedAt: null, listed: false };

/**
 * The screening facts an attempt record states, rebuilt without resolving anything again: no number is parsed, no
 * zone looked up, no registry searched. Local times come from the record's own `localTimes`.
 * @example
 * const facts = factsFromAttemptRecord(record);
 * evaluatePack(pack, facts).verdict === record.verdict; // true for every record dialsim wrote
 */
export function factsFromAttemptRecord(record: AttemptRecord): ScreeningFacts {
  const at = instant(record.at, 'at');
  const copyOf = (list: RegistryConsulted['list'], state?: string): RegistryCopyFacts => {
    const found = record.registries.find((entry) => entry.list === list && entry.state === state);
    return found === undefined ? MISSING : { copy: found.copy, syncedAt: nullableInstant(found.syncedAt, `registries.${list}.syncedAt`), listed: found.listed };
  };
  const consent = (entry: ConsentRecord, field: string): ConsentStatus =>
    entry.valid ? { valid: true, grantedAt: instant(entry.grantedAt, field) } : { valid: false, gap: entry.gap, at: nullableInstant(entry.at, field) };
  const { callee } = record;
  return {
    at,
    method: record.method,
    purpose: record.purpose,
    seller: record.caller.seller,
    callerKind: record.caller.kind,
    number: {
      input: record.to,
      validity: callee.validity,
      e164: callee.validity === 'invalid' ? null : record.to,
      region: callee.region,
      kind: callee.kind,
    },
    callee: {
      lineType: callee.lineType,
      business: callee.business,
      zoneSource: callee.timeZoneSource === 'address' ? 'callee' : callee.timeZoneSource === 'area-code' ? 'area-code' : 'none',
      localTimes: callee.timeZones.map((zone, index) => {
        const iso = record.localTimes[index]!;
        return { zone, iso, secondOfDay: Number(iso.slice(11, 13)) * 3600 + Number(iso.slice(14, 16)) * 60 + Number(iso.slice(17, 19)) };
      }),
      states: callee.states,
      stateSources: callee.stateSources,
    },
    nationalRegistry: copyOf('national'),
    stateRegistries: Object.fromEntries(callee.states.map((state) => [state, copyOf('state', state)])),
    canadaRegistry: copyOf('canada'),
    internalList: { listed: record.registries.find((entry) => entry.list === 'internal')?.listed ?? false },
    subject: record.subject,
    history: record.history.map((call, index) => ({ at: instant(call.at, `history[${index}].at`), subject: call.subject })),
    consents: { priorExpressWritten: consent(record.consents.priorExpressWritten, 'consents.priorExpressWritten'), priorExpress: consent(record.consents.priorExpress, 'consents.priorExpress') },
    relationship: {
      lastTransactionAt: nullableInstant(record.relationship.lastTransactionAt, 'relationship.lastTransactionAt'),
      lastInquiryAt: nullableInstant(record.relationship.lastInquiryAt, 'relationship.lastInquiryAt'),
      personal: record.relationship.personal,
    },
    extensions: record.extensions ?? {},
  };
}

/**
 * The decision the engine reaches again from an attempt record's facts alone, under `pack` (the one the log's header
 * names): what an independent checker compares with the record's own verdict, violations and exemptions.
 * @example
 * const again = rederiveDecision(record, packsInForce());
 * again.violations.map((v) => v.rule); // the record's own violation rules
 */
export function rederiveDecision(record: AttemptRecord, pack: PolicyPack): Decision {
  return evaluatePack(pack, factsFromAttemptRecord(record));
}
