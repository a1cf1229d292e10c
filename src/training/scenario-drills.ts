import { basename, extname } from 'node:path';
import { DateTime } from 'luxon';
import type { Consent } from '../core/attempt.js';
import type { CheckRequestInput } from '../core/check-request.js';
import { formatInstantUtc, parseInstant } from '../core/instant.js';
import type { PolicyPack } from '../core/policy.js';
import type { Lead } from '../dialer/campaign-config.js';
import { momentToEpochMs, type LoadedScenario } from '../scenario/load-scenario.js';
import { runScenario, type ScenarioResult } from '../scenario/run-scenario.js';
import type { ObservedAttempt } from '../scenario/scenario-observer.js';
import type { ScenarioStep } from '../scenario/scenario-schema.js';
import { packsInForce } from '../engine/packs-in-force.js';
import type { Drill } from './drill.js';
import { keyOf, screenRequest } from './drill-key.js';

/** One attempt of a scenario run, with the check request that states its facts as the engine saw them. */
export interface ScenarioAttempt {
  /** `lou-autodialed`, or `step-3` for a step without an id, or `campaign-A0000012` for a campaign attempt. */
  readonly name: string;
  readonly step: ScenarioStep | null;
  readonly observed: ObservedAttempt;
  readonly request: CheckRequestInput;
  readonly floorZone: string;
}

function isoOrNull(epochMs: number | null): string | null {
  return epochMs === null ? null : formatInstantUtc(epochMs);
}

/** The lead's consents as the run saw them at `at`: the scenario's, plus each consent step taken before it. */
function consentsAt(loaded: LoadedScenario, lead: Lead, at: number): Consent[] {
  let consents = [...lead.consents];
  for (const step of loaded.scenario.steps ?? []) {
    if (step.type !== 'consent' || step.lead !== lead.id) continue;
    const when = momentToEpochMs(step.at) as number;
    if (when > at) continue;
    const seller = loaded.scenario.seller;
    consents =
      step.action === 'grant'
        ? [...consents, { kind: step.kind, seller, grantedAt: when, revokedAt: null }]
        : consents.map((consent) =>
            consent.kind === step.kind && consent.seller === seller && (consent.revokedAt === null || consent.revokedAt > when) ? { ...consent, revokedAt: when } : consent,
          );
  }
  return consents;
}

/** The floor's zone: a step's local zone, else the agents' shift zone, else the offset the step's instant was written in. */
function floorZoneOf(loaded: LoadedScenario, step: ScenarioStep | null, observed: ObservedAttempt): string {
  if (step !== null && typeof step.at !== 'string') return step.at.zone;
  const shift = (loaded.scenario.dialer as { agents?: { shift?: { timeZone?: string } } } | undefined)?.agents?.shift?.timeZone;
  if (shift !== undefined) return shift;
  // An instant written with an offset says which clock the floor reads, if not where the floor is.
  const offset = step !== null && typeof step.at === 'string' ? /(?:([+-])(\d{2}):(\d{2})|Z)$/.exec(step.at) : null;
  if (offset) return offset[1] === undefined ? 'UTC' : `UTC${offset[1]}${Number(offset[2])}${offset[3] === '00' ? '' : `:${offset[3]}`}`;
  return observed.record.callee.timeZones[0] ?? 'UTC';
}

/** The check request of one observed attempt: the lead, the registries and the consents as they stood at that moment. */
function attemptRequest(loaded: LoadedScenario, observed: ObservedAttempt, floorZone: string, earlier: readonly ObservedAttempt[]): CheckRequestInput {
  const { record } = observed;
  const lead = loaded.leads.find((candidate) => candidate.id === record.leadId);
  if (lead === undefined) throw new Error(`training: attempt ${record.attemptId} names lead ${record.leadId}, which the scenario does not have`);
  const at = parseInstant(record.at) as number;
  const national = loaded.registries.national;
  const canada = loaded.registries.canada;
  const e164 = record.to.startsWith('+') ? record.to : null;
  // The calls placed to the lead before this one: the history a state's call cap counts.
  const history = earlier
    .filter((other) => other.record.leadId === lead.id && other.record.verdict === 'allow' && (parseInstant(other.record.at) as number) < at)
    .map((other) => ({ at: other.record.at, ...(loaded.scenario.subject !== undefined && { subject: loaded.scenario.subject }) }));
  const states = loaded.registries.states === undefined ? undefined : Object.fromEntries(
    [...loaded.registries.states].map(([state, copy]) => [
      state,
      { ...(copy.syncedAt !== null && { syncedAt: formatInstantUtc(copy.syncedAt) }), numbers: e164 !== null && copy.numbers.has(e164) ? [e164] : [] },
    ]),
  );
  return {
    at: DateTime.fromMillis(at, { zone: floorZone }).toISO({ suppressMilliseconds: true })!,
    to: lead.phone,
    method: record.method as CheckRequestInput['method'],
    purpose: record.purpose as NonNullable<CheckRequestInput['purpose']>,
    caller: { seller: loaded.scenario.seller, kind: loaded.scenario.callerKind },
    callee: { lineType: lead.lineType, business: lead.business, ...(lead.timeZone !== null && { timeZone: lead.timeZone }), ...(lead.state !== null && { state: lead.state }) },
    ...(loaded.scenario.subject !== undefined && { subject: loaded.scenario.subject }),
    ...(history.length > 0 && { history }),
    // The scenario's packs travel with the request, so the drill is graded by the rules the run screened with.
    ...(loaded.scenario.packs !== undefined && { packs: loaded.scenario.packs }),
    consents: consentsAt(loaded, lead, at).map((consent) => ({
      kind: consent.kind,
      seller: consent.seller,
      grantedAt: formatInstantUtc(consent.grantedAt),
      revokedAt: isoOrNull(consent.revokedAt),
    })),
    relationship: {
      lastTransactionAt: isoOrNull(lead.relationship.lastTransactionAt),
      lastInquiryAt: isoOrNull(lead.relationship.lastInquiryAt),
      ...(lead.relationship.personal === true && { personal: true }),
    },
    registries: {
      ...(national && {
        national: { ...(national.syncedAt !== null && { syncedAt: formatInstantUtc(national.syncedAt) }), numbers: e164 !== null && national.numbers.has(e164) ? [e164] : [] },
      }),
      internal: { numbers: e164 !== null && observed.onInternalList ? [e164] : [] },
      ...(states && { states }),
      // A scenario's DNCL copy always has its download date (the schema requires it).
      ...(canada && canada.syncedAt !== null && {
        canada: { syncedAt: formatInstantUtc(canada.syncedAt), numbers: e164 !== null && canada.numbers.has(e164) ? [e164] : [] },
      }),
    },
  };
}

/** Every attempt of a scenario run, scripted steps first and then the campaign's, each as a check request. */
export function scenarioAttempts(loaded: LoadedScenario, result: ScenarioResult): ScenarioAttempt[] {
  const scripted = result.steps.filter((outcome) => outcome.attempt !== undefined);
  const fromSteps = scripted.map((outcome): ScenarioAttempt => {
    const floorZone = floorZoneOf(loaded, outcome.step, outcome.attempt!);
    return {
      name: outcome.step.id ?? `step-${outcome.index + 1}`,
      step: outcome.step,
      observed: outcome.attempt!,
      request: attemptRequest(loaded, outcome.attempt!, floorZone, result.attempts),
      floorZone,
    };
  });
  const stepAttempts = new Set(scripted.map((outcome) => outcome.attempt));
  const fromCampaign = result.attempts
    .filter((observed) => !stepAttempts.has(observed))
    .map((observed): ScenarioAttempt => {
      const floorZone = floorZoneOf(loaded, null, observed);
      return { name: `campaign-${observed.record.attemptId}`, step: null, observed, request: attemptRequest(loaded, observed, floorZone, result.attempts), floorZone };
    });
  return [...fromSteps, ...fromCampaign];
}

/**
 * Drills from a scenario file: each scripted dial step becomes one drill, graded (like every drill) by screening its
 * request; the scenario's own run supplies the facts as they stood at that step.
 */
export function drillsFromScenario(loaded: LoadedScenario, options: { pack?: PolicyPack } = {}): Drill[] {
  // By default the built-in packs the scenario names (all of them when it names none), as `dialsim run` screens it.
  const pack = options.pack ?? packsInForce({ ...(loaded.scenario.packs && { packs: loaded.scenario.packs }) });
  const result = runScenario(loaded, { pack });
  const name = basename(loaded.file, extname(loaded.file));
  return scenarioAttempts(loaded, result)
    .filter((attempt) => attempt.step !== null)
    .map((attempt) => ({
      id: `${name}#${attempt.name}`,
      level: 'scenario' as const,
      source: { kind: 'scenario' as const, file: loaded.file, step: attempt.name },
      request: attempt.request,
      floorZone: attempt.floorZone,
      key: keyOf(screenRequest(attempt.request, pack)),
    }));
}
