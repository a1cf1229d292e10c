import type { Decision } from '../core/decision.js';
import type { ConsentStatus, RegistryCopyFacts, ScreeningFacts } from '../core/facts.js';
import { formatInstantUtc, parseInstant } from '../core/instant.js';
import type { PolicyPack } from '../core/policy.js';
import { evaluatePack } from '../engine/evaluate-pack.js';
import type { RegistryContext } from '../resolve/registry.js';
import type { AttemptRecord, ConsentRecord, RegistryConsulted } from './audit-log.js';

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
 * Instants as the log writes them, remembered: every attempt record formats its own instant, its consents' and its
 * registry copies' dates, and its history's, and these repeat across attempts (formatInstantUtc caches only the last
 * day, which the consent and registry dates, on other days, keep replacing). Cleared when full, so it stays small.
 */
const formattedInstants = new Map<number, string>();
const MAX_FORMATTED_INSTANTS = 4096;

function iso(at: number): string {
  let text = formattedInstants.get(at);
  if (text === undefined) {
    if (formattedInstants.size >= MAX_FORMATTED_INSTANTS) formattedInstants.clear();
    formattedInstants.set(at, (text = formatInstantUtc(at)));
  }
  return text;
}

export function attemptRecord({ attemptId, leadId, decision, facts, registries }: AttemptRecordInput): AttemptRecord {
  const { callee, number } = facts;
  const extensions = Object.keys(facts.extensions).length === 0 ? undefined : facts.extensions;
  return {
    type: 'attempt',
    attemptId,
    leadId,
    to: number.e164 ?? number.input,
    at: iso(facts.at),
    method: facts.method,
    purpose: facts.purpose,
    caller: { seller: facts.seller, kind: facts.callerKind },
    verdict: decision.verdict,
    violations: decision.violations,
    exemptions: decision.exemptions,
    callee: {
      validity: number.validity,
      region: number.region,
      kind: number.kind,
      lineType: callee.lineType,
      business: callee.business,
      timeZones: callee.localTimes.map((local) => local.zone),
      timeZoneSource: callee.zoneSource === 'callee' ? 'address' : callee.zoneSource === 'area-code' ? 'area-code' : null,
      states: callee.states,
      stateSources: callee.stateSources,
    },
    localTimes: callee.localTimes.map((local) => local.iso),
    registries: registriesConsulted(facts, registries),
    consents: { priorExpressWritten: consentRecord(facts.consents.priorExpressWritten), priorExpress: consentRecord(facts.consents.priorExpress) },
    relationship: {
      lastTransactionAt: instantOrNull(facts.relationship.lastTransactionAt),
      lastInquiryAt: instantOrNull(facts.relationship.lastInquiryAt),
      personal: facts.relationship.personal,
    },
    subject: facts.subject,
    history: facts.history.map((call) => ({ at: iso(call.at), subject: call.subject })),
    ...(extensions && { extensions }),
  };
}

/**
 * The lists in the order the log writes them: the national registry, each candidate state's list, Canada's DNCL
 * (for a Canadian number, or whenever the seller has a copy) and the internal list. A list left out is one the
 * seller has no copy of and no rule of this number's country reads.
 */
function registriesConsulted(facts: ScreeningFacts, registries: RegistryContext): RegistryConsulted[] {
  // Two literals rather than a spread of the optional `state` (this runs for every list of every attempt); the keys
  // stay in the log's order.
  const entry = (list: RegistryConsulted['list'], copy: RegistryCopyFacts, source: string | undefined, state?: string): RegistryConsulted => {
    const from = copy.copy === 'missing' ? null : (source ?? null);
    return state === undefined
      ? { list, source: from, copy: copy.copy, syncedAt: instantOrNull(copy.syncedAt), listed: copy.listed }
      : { list, state, source: from, copy: copy.copy, syncedAt: instantOrNull(copy.syncedAt), listed: copy.listed };
  };
  const consulted = [entry('national', facts.nationalRegistry, registries.national?.source)];
  for (const state of facts.callee.states) consulted.push(entry('state', facts.stateRegistries[state]!, registries.states?.get(state)?.source, state));
  if (facts.number.region === 'CA' || facts.canadaRegistry.copy === 'present') consulted.push(entry('canada', facts.canadaRegistry, registries.canada?.source));
  consulted.push({ list: 'internal', source: registries.internal?.source ?? null, copy: 'present', syncedAt: null, listed: facts.internalList.listed });
  return consulted;
}

function consentRecord(status: ConsentStatus): ConsentRecord {
  return status.valid ? { valid: true, grantedAt: iso(status.grantedAt) } : { valid: false, gap: status.gap, at: instantOrNull(status.at) };
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
