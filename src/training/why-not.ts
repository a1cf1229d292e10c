import { Duration } from 'luxon';
import { CALLER_KINDS, DIAL_METHODS, LINE_TYPES } from '../core/attempt.js';
import { parseCheckRequest, type CheckRequestInput } from '../core/check-request.js';
import type { Decision } from '../core/decision.js';
import { OPTIONAL_FACTS, type ConsentStatus, type RegistryCopyFacts, type ScreeningFacts } from '../core/facts.js';
import { formatDateUtc } from '../core/instant.js';
import { knownSubdivisions } from '../core/jurisdiction-codes.js';
import type { Policy, PolicyPack } from '../core/policy.js';
import { compilePack, type CompiledPolicy } from '../engine/compile-pack.js';
import { evaluatePack, ruleBlocks } from '../engine/evaluate-pack.js';
import { packsInForce } from '../engine/packs-in-force.js';
import { defaultStrategy, directStrategy, resolveAttempt } from '../resolve/resolve-attempt.js';

/**
 * Why a rule the trainee named does not block a call, from the engine's own facts and the rule's own functions: the
 * rule's pack coverage and `applies`, the exemptions the decision reports, and, for a rule that applies and passes,
 * which fact of the call keeps it from blocking. That fact is found by changing one resolved fact at a time (the
 * callee's clock, a registry entry, a copy's age, a consent...) and asking the rule again (`ruleBlocks`), so nothing
 * here restates what a rule checks and nothing can drift from it. Only the words for each kind of fact live here.
 */

/** One fact of the call that can be changed to ask the rule again, and how to say its present value. */
interface Probe {
  /** Present value, in the words of the card: "you dial it by hand (method: manual)". */
  readonly words: string;
  /** The same facts with this one fact set to each of its other values. */
  readonly change: (facts: ScreeningFacts) => readonly ScreeningFacts[];
}

const METHOD_WORDS = {
  manual: 'you dial it by hand (method: manual)',
  autodialer: 'it is dialed by the autodialer (method: autodialer)',
  prerecorded: 'it plays a prerecorded message (method: prerecorded)',
} as const;
const LINE_WORDS = {
  mobile: 'the line is a mobile (callee.lineType: mobile)',
  landline: 'the line is a landline (callee.lineType: landline)',
  unknown: 'the line type is unknown (callee.lineType: unknown)',
} as const;
const CALLER_WORDS = {
  seller: 'the caller is an ordinary seller, not a broker-dealer (caller.kind: seller)',
  'broker-dealer': 'the caller is a broker-dealer (caller.kind: broker-dealer)',
} as const;

function regionName(region: string): string {
  return new Intl.DisplayNames(['en'], { type: 'region' }).of(region) ?? region;
}

/** The facts that decide whether a rule speaks to a call at all: purpose, line, method, caller, country, state. */
function applicabilityProbes(facts: ScreeningFacts): Probe[] {
  const { purpose, method, callerKind } = facts;
  const { business, lineType, states } = facts.callee;
  const probes: Probe[] = [
    {
      words: purpose === 'informational' ? 'it is an informational call, not a sales call (purpose: informational)' : 'it is a sales call (purpose: telemarketing)',
      change: (base) => [{ ...base, purpose: purpose === 'informational' ? 'telemarketing' : 'informational' }],
    },
    {
      words: business ? 'the number is a business line (callee.business: true)' : 'the number is a residential line (callee.business: false)',
      change: (base) => [{ ...base, callee: { ...base.callee, business: !business } }],
    },
    { words: METHOD_WORDS[method], change: (base) => DIAL_METHODS.filter((other) => other !== method).map((other) => ({ ...base, method: other })) },
    {
      words: LINE_WORDS[lineType],
      change: (base) => LINE_TYPES.filter((other) => other !== lineType).map((other) => ({ ...base, callee: { ...base.callee, lineType: other } })),
    },
    { words: CALLER_WORDS[callerKind], change: (base) => CALLER_KINDS.filter((other) => other !== callerKind).map((other) => ({ ...base, callerKind: other })) },
  ];
  const region = facts.number.region;
  if (region !== null) {
    probes.push({
      words: `it is a number in ${regionName(region)} (${region})`,
      change: (base) => ['US', 'CA'].filter((other) => other !== region).map((other) => ({ ...base, number: { ...base.number, region: other } })),
    });
  }
  if (states.length > 0) {
    probes.push({
      words: `the lead is in ${states.join(' or ')}`,
      change: (base) =>
        [...knownSubdivisions().keys()].filter((code) => !states.includes(code)).map((code) => ({ ...base, callee: { ...base.callee, states: [code], stateSources: ['address'] } })),
    });
  }
  return probes;
}

function stateProbe(probes: readonly Probe[], facts: ScreeningFacts): Probe | undefined {
  return facts.callee.states.length > 0 ? probes.at(-1) : undefined;
}

/** The probes whose change alone makes `test` true, else the pairs of probes whose changes together do. */
function deciding(facts: ScreeningFacts, test: (facts: ScreeningFacts) => boolean): string[] {
  const probes = applicabilityProbes(facts);
  const single = probes.filter((probe) => probe.change(facts).some(test));
  if (single.length > 0) {
    return single.map((probe) => {
      if (probe !== stateProbe(probes, facts)) return probe.words;
      // Where it would apply, from its own test: the states (or provinces) whose calls it speaks to.
      const where = probe.change(facts).filter(test).map((changed) => changed.callee.states[0]!);
      return `${probe.words}, and it speaks only to calls into ${where.join(', ')}`;
    });
  }
  for (let i = 0; i < probes.length; i++) {
    for (let j = i + 1; j < probes.length; j++) {
      if (probes[i]!.change(facts).some((changed) => probes[j]!.change(changed).some(test))) return [`${probes[i]!.words} and ${probes[j]!.words}`];
    }
  }
  return [];
}

/** Every do-not-call list the facts carry, with its name as the card says it and a way to replace it. */
function registryCopies(facts: ScreeningFacts): { name: string; copy: RegistryCopyFacts; with: (copy: RegistryCopyFacts) => ScreeningFacts }[] {
  return [
    { name: 'your national registry copy', copy: facts.nationalRegistry, with: (nationalRegistry) => ({ ...facts, nationalRegistry }) },
    { name: 'your DNCL copy', copy: facts.canadaRegistry, with: (canadaRegistry) => ({ ...facts, canadaRegistry }) },
    ...Object.entries(facts.stateRegistries).map(([state, copy]) => ({
      name: `your copy of ${state}'s do-not-call list`,
      copy,
      with: (changed: RegistryCopyFacts) => ({ ...facts, stateRegistries: { ...facts.stateRegistries, [state]: changed } }),
    })),
  ];
}

function duration(ms: number): string {
  const parts = Duration.fromMillis(ms).shiftTo('days', 'hours', 'minutes').toObject();
  const words = (['days', 'hours', 'minutes'] as const)
    .filter((unit) => (parts[unit] ?? 0) >= 1)
    .map((unit) => `${Math.floor(parts[unit]!)} ${parts[unit] === 1 ? unit.slice(0, -1) : unit}`);
  return words.join(' ') || 'less than a minute';
}

const MINUTE = 60_000;

/** The wall clock "14:05" of an ISO local time. */
function clock(iso: string): string {
  return iso.slice(11, 16);
}

/**
 * The callee's clock: the same call at every minute of the callee's day (only the local times move), and the run of
 * minutes around the call in which the rule does not block. Null when the time of day does not change the verdict.
 */
function timeOfDay(entry: CompiledPolicy, facts: ScreeningFacts): string | null {
  const [first] = facts.callee.localTimes;
  if (first === undefined) return null;
  const current = Math.floor(first.secondOfDay / 60);
  const instantAt = (minute: number) => facts.at + (minute * 60 - first.secondOfDay) * 1000;
  const blocksAt = (minute: number) => {
    const localTimes = facts.callee.localTimes.map((local) => directStrategy.localTime(local.zone, instantAt(minute)));
    return ruleBlocks(entry, { ...facts, callee: { ...facts.callee, localTimes } });
  };
  let start = current;
  while (start > 0 && !blocksAt(start - 1)) start--;
  let end = current + 1;
  while (end < 24 * 60 && !blocksAt(end)) end++;
  if (start === 0 && end === 24 * 60) return null;
  const from = start === 0 ? '00:00' : clock(directStrategy.localTime(first.zone, instantAt(start)).iso);
  const to = end === 24 * 60 ? '24:00' : clock(directStrategy.localTime(first.zone, instantAt(end)).iso);
  const now = facts.callee.localTimes.map((local) => `${clock(local.iso)} in ${local.zone}`);
  return now.length === 1
    ? `${now[0]} is inside ${from}–${to}`
    : `${now.join(' and ')} are inside the hours it allows in every zone of the number: ${from}–${to} in ${first.zone}`;
}

/** A registry copy's age: the oldest copy the rule still accepts, found by asking it (minute precision). */
function copyAge(entry: CompiledPolicy, facts: ScreeningFacts): string[] {
  const found: string[] = [];
  for (const registry of registryCopies(facts)) {
    const { copy } = registry;
    if (copy.copy !== 'present' || copy.syncedAt === null) continue;
    const age = facts.at - copy.syncedAt;
    const blocksAtAge = (ms: number) => ruleBlocks(entry, registry.with({ ...copy, syncedAt: facts.at - ms }));
    let hi = 5 * 366 * 24 * 60; // minutes: a five-year-old copy
    if (!blocksAtAge(hi * MINUTE)) continue;
    let lo = Math.max(0, Math.floor(age / MINUTE));
    if (blocksAtAge(lo * MINUTE)) continue;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (blocksAtAge(mid * MINUTE)) hi = mid;
      else lo = mid;
    }
    found.push(`${registry.name} was synced ${duration(age)} before the call; it blocks only a copy older than ${duration(lo * MINUTE)}`);
  }
  return found;
}

const NO_CONSENT: ConsentStatus = { valid: false, gap: 'none-on-file', at: null };

/** The facts that may keep an applicable rule from blocking: list membership, the clock, a copy's age, consents, history. */
function passingFacts(entry: CompiledPolicy, facts: ScreeningFacts): string[] {
  const e164 = facts.number.e164 ?? facts.number.input;
  const found: string[] = [];
  for (const registry of registryCopies(facts)) {
    if (!registry.copy.listed && ruleBlocks(entry, registry.with({ ...registry.copy, copy: 'present', listed: true }))) {
      found.push(`${e164} is not on ${registry.name}`);
    }
  }
  if (!facts.internalList.listed && ruleBlocks(entry, { ...facts, internalList: { listed: true } })) found.push(`${e164} is not on ${facts.seller}'s internal do-not-call list`);
  const hours = timeOfDay(entry, facts);
  if (hours !== null) found.push(hours);
  if (facts.number.validity === 'valid') {
    const other = (['invalid', 'unsupported'] as const).map((validity) => ({ ...facts, number: { ...facts.number, validity } }));
    if (other.some((changed) => ruleBlocks(entry, changed))) found.push(`${e164} is a valid number in a jurisdiction the packs in use cover`);
  }
  // The nearest reasons first: only when no list, clock or number fact explains it, the copies, consents and history.
  if (found.length > 0) return found;
  found.push(...copyAge(entry, facts));
  const consents = [
    ['prior express written consent', facts.consents.priorExpressWritten, (status: ConsentStatus) => ({ ...facts, consents: { ...facts.consents, priorExpressWritten: status } })],
    ['prior express consent', facts.consents.priorExpress, (status: ConsentStatus) => ({ ...facts, consents: { ...facts.consents, priorExpress: status } })],
  ] as const;
  for (const [name, status, change] of consents) {
    if (status.valid && ruleBlocks(entry, change(NO_CONSENT))) found.push(`the ${name} to ${facts.seller} on file (given ${formatDateUtc(status.grantedAt)}) satisfies it`);
  }
  const { lastTransactionAt, lastInquiryAt, personal } = facts.relationship;
  if (lastTransactionAt !== null && ruleBlocks(entry, { ...facts, relationship: { ...facts.relationship, lastTransactionAt: null } })) {
    found.push(`the purchase of ${formatDateUtc(lastTransactionAt)} is recent enough`);
  }
  if (lastInquiryAt !== null && ruleBlocks(entry, { ...facts, relationship: { ...facts.relationship, lastInquiryAt: null } })) {
    found.push(`the inquiry of ${formatDateUtc(lastInquiryAt)} is recent enough`);
  }
  if (personal && ruleBlocks(entry, { ...facts, relationship: { ...facts.relationship, personal: false } })) found.push('the caller knows the lead personally');
  if (found.length > 0) return found;
  const probes = applicabilityProbes(facts);
  for (const probe of probes.filter((candidate) => candidate !== stateProbe(probes, facts))) {
    if (probe.change(facts).some((changed) => ruleBlocks(entry, changed))) found.push(probe.words);
  }
  return found;
}

/** The rule's own "what lifts it" line that names the same fact (`purpose: informational`), when it has one. */
function exemptionNaming(policy: Policy, words: readonly string[]): string | undefined {
  const tokens = words.map((text) => /\(([a-zA-Z.]+: [a-z-]+)\)$/.exec(text)?.[1]).filter((token) => token !== undefined);
  return policy.exemptions.find((text) => tokens.some((token) => text.replace(/`/g, '').includes(token)))?.replace(/`/g, '');
}

function safely(test: () => boolean): boolean {
  try {
    return Boolean(test());
  } catch {
    return false;
  }
}

function doesNotApply(policy: Policy, words: string[], what: string): string {
  if (words.length === 0) return `it does not apply to this call (${what} says so on these facts; dialsim cannot name the one fact that decides)`;
  const exemption = exemptionNaming(policy, words);
  return `it does not apply to this call: ${words.join('; ')}${exemption === undefined ? '' : `. Its page says: "${exemption}"`}`;
}

/** What the facts say about an optional fact the guard rule stands for: "14:05 in America/Chicago". */
function knownFact(facts: ScreeningFacts, fact: string): string {
  if (fact === 'localTime') return `the callee's local time is known (${facts.callee.localTimes.map((local) => `${clock(local.iso)} in ${local.zone}`).join(', ')})`;
  if (fact === 'state') return `the callee's state is known (${facts.callee.states.join(', ')})`;
  return `${fact} is known`;
}

/**
 * The sentence that says why `ruleId` does not block the call of `request`, with the call's values:
 * "14:05 in America/Chicago is inside 08:00–21:00", or "it does not apply to this call: ...". Meant for a rule that
 * is not among the decision's violations.
 * @example
 * whyNotBlocking(drill.request, 'dnc.national'); // "+13125550188 is not on your national registry copy"
 */
export function whyNotBlocking(request: CheckRequestInput, ruleId: string, pack?: PolicyPack): string {
  const attempt = parseCheckRequest(request);
  const inForce = pack ?? packsInForce({ packs: attempt.packs });
  const compiled = compilePack(inForce);
  const facts = resolveAttempt(attempt, { strategy: defaultStrategy(), supportedRegions: compiled.regions });
  const decision: Decision = evaluatePack(inForce, facts);
  const entry = [...compiled.terminal, ...compiled.regular, ...compiled.guards.values()].find((candidate) => candidate.policy.id === ruleId);
  if (entry === undefined) return `${ruleId} is not a rule of the packs in use`;
  const { policy } = entry;

  const stopper = decision.violations.length === 1 ? compiled.terminal.find((candidate) => candidate.policy.id === decision.violations[0]!.rule) : undefined;
  if (stopper !== undefined && stopper !== entry) return `screening stopped at ${stopper.policy.id}, which ends it on its own: no other rule is checked for this call`;

  if (entry.covers !== null && !entry.covers(facts)) {
    const member = (inForce.members ?? [inForce]).find((candidate) => candidate.policies.includes(policy)) ?? inForce;
    const region = facts.number.region;
    if (member.regions !== undefined && (region === null || !member.regions.includes(region))) {
      const where = region === null ? 'this number is in no country' : `${facts.number.e164 ?? facts.number.input} is a number in ${regionName(region)} (${region})`;
      return `it does not apply to this call: it is a rule of the ${member.id} pack, which covers numbers in ${member.regions.join(', ')}, and ${where}`;
    }
    const words = deciding(facts, (changed) => entry.covers!(changed));
    return doesNotApply(policy, words, `its pack, ${member.id},`).replace('it does not apply to this call: ', `it does not apply to this call (its pack, ${member.id}, does not cover it): `);
  }

  if (policy.guards !== undefined) {
    return `it blocks only in place of a rule that needs ${policy.guards} when that fact is unknown, and here ${knownFact(facts, policy.guards)}`;
  }
  const applies = (changed: ScreeningFacts) => safely(() => policy.applies(changed));
  if (!applies(facts)) {
    const words = deciding(facts, applies);
    return doesNotApply(policy, words, 'its own applicability test');
  }

  const missing = (policy.requires ?? []).find((fact) => !OPTIONAL_FACTS[fact](facts));
  if (missing !== undefined) return `it cannot be checked without ${missing}, so ${compiled.guards.get(missing)?.policy.id ?? 'its guard rule'} blocks in its place`;

  const exemption = decision.exemptions.find((candidate) => candidate.rule === ruleId);
  if (exemption !== undefined) return `it applies, but is lifted: ${exemption.reason}`;

  const found = passingFacts(entry, facts);
  if (found.length > 0) return found.join('; ');
  return 'it applies to this call and passes on these facts; dialsim found no single fact of the call that would make it block, so it can only say that it does not (its page says when it blocks)';
}

