import type { DialMethod } from '../core/attempt.js';
import { formatInstantUtc } from '../core/instant.js';
import type { PolicyPack } from '../core/policy.js';
import { NULL_AUDIT_SINK, type AuditSink } from '../dialer/audit-log.js';
import type { AbandonmentJurisdiction } from '../dialer/abandonment-by-jurisdiction.js';
import { ComplianceMonitor } from '../dialer/breaches/compliance-monitor.js';
import type { Breach } from '../dialer/breaches/obligation.js';
import { CallRecorder, disclosureItems } from '../dialer/call-recorder.js';
import { runProvenance, type RunProvenance } from '../dialer/provenance.js';
import { parseCampaignConfig, type Lead } from '../dialer/campaign-config.js';
import type { CampaignSummary } from '../dialer/campaign-summary.js';
import { simulateCampaign } from '../dialer/simulate-campaign.js';
import { ABANDON_GRACE_MS } from '../lifecycle/call-machine.js';
import { LifecycleStepper } from '../lifecycle/transitions.js';
import { InMemoryRegistry, withLiveInternalList } from '../resolve/registry.js';
import { defaultStrategy } from '../resolve/resolve-attempt.js';
import { breachMatches, evaluateExpectations, type ExpectationResult } from './expectations.js';
import { campaignInputOf, momentToEpochMs, type LoadedScenario } from './load-scenario.js';
import { ScenarioObserver, type ObservedAttempt } from './scenario-observer.js';
import type { ScenarioStep } from './scenario-schema.js';

export interface ScenarioRunOptions {
  readonly pack: PolicyPack;
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Where the audit log goes; nowhere by default. */
  readonly audit?: AuditSink;
  readonly onProgress?: (share: number) => void;
}

/** One scripted step as it happened, for the timeline. */
export interface StepOutcome {
  readonly index: number;
  readonly step: ScenarioStep;
  readonly at: string;
  /** The attempt a dial step made. */
  readonly attempt?: ObservedAttempt;
}

export interface ScenarioResult {
  readonly file: string;
  readonly title: string;
  readonly notes: string | undefined;
  readonly seed: number;
  /** What the run was made of: the audit log's header record, and the report's header block. */
  readonly provenance: RunProvenance;
  /** The rules the scenario was screened with. */
  readonly pack: PolicyPack;
  readonly steps: readonly StepOutcome[];
  readonly campaign: CampaignSummary | null;
  readonly attempts: readonly ObservedAttempt[];
  readonly counts: ScenarioCounts;
  readonly expectations: readonly ExpectationResult[];
  /** Whether every expectation held (true when there are none). */
  readonly expectationsHeld: boolean;
  /** The campaign-level obligations the run breached, scripted steps and campaign together, each marked expected or not. */
  readonly breaches: readonly ScenarioBreach[];
  /** Every expectation held and every breach was expected. */
  readonly passed: boolean;
}

/** A breach found in a scenario run; `expected` when a `breach` expectation names it. */
export interface ScenarioBreach extends Breach {
  readonly expected: boolean;
}

/** Counts over the whole run, scripted steps and campaign together. */
export interface ScenarioCounts {
  readonly attempts: number;
  readonly allowed: number;
  readonly blocked: number;
  readonly blockedByRule: Readonly<Record<string, number>>;
  readonly connects: number;
  readonly abandoned: number;
  readonly answered: number;
  readonly dncRequests: number;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly leadsReached: number;
  readonly leadsExhausted: number;
  /** The highest abandonment rate of any 30-day window (campaign), or over the scripted calls. */
  readonly maxAbandonmentRate: number;
  /** Campaign runs: the highest rate of each jurisdiction called, over its own windows (US 30 days, Canada calendar months). */
  readonly maxAbandonmentRateByJurisdiction: Readonly<Partial<Record<AbandonmentJurisdiction, number>>>;
}

const CONNECT_DELAY_MS = 3_000;
const ANSWER_AFTER_MS = 8_000;
const TALK_MS = 120_000;

/**
 * Runs a loaded scenario: its scripted steps in order, then the campaign if it asks for one, all through one
 * call recorder (one sequence of attempt ids, one internal do-not-call list), then checks its expectations.
 */
export function runScenario(loaded: LoadedScenario, options: ScenarioRunOptions): ScenarioResult {
  const { scenario } = loaded;
  const seed = options.seed ?? scenario.seed;
  const strategy = defaultStrategy();
  const stepper = new LifecycleStepper();
  const internalList = new InMemoryRegistry();
  const registries = withLiveInternalList(loaded.registries, internalList);
  // Scripted steps and the campaign write through one monitor, so a breach is measured over the whole run.
  const compliance = new ComplianceMonitor(options.audit ?? NULL_AUDIT_SINK, (e164) => strategy.number(e164).region);
  const observer = new ScenarioObserver(compliance, (e164) => registries.internal!.numbers.has(e164));
  const provenance = runProvenance({ pack: options.pack, seed, registries: loaded.registries, scenario: { file: loaded.file, sha256: loaded.sha256 } });
  observer.write({ type: 'header', ...provenance });
  const recorder = new CallRecorder({ audit: observer, stepper, strategy, registries, internalList, seller: scenario.seller, callerKind: scenario.callerKind, subject: scenario.subject ?? null, disclosureItems: disclosureItems(scenario), pack: options.pack });
  const leads = new Map<string, Lead>(loaded.leads.map((lead) => [lead.id, lead]));
  const defaultMethod: DialMethod = scenario.dialer === undefined || scenario.dialer.mode === 'manual' || scenario.dialer.mode === 'preview' ? 'manual' : 'autodialer';

  const steps: StepOutcome[] = [];
  (scenario.steps ?? []).forEach((step, index) => {
    const at = momentToEpochMs(step.at) as number;
    const lead = leads.get(step.lead)!;
    if (step.type === 'dnc-request') {
      const e164 = strategy.number(lead.phone).e164;
      if (e164 !== null) internalList.add(e164);
      observer.write({ type: 'dnc-request', attemptId: null, leadId: lead.id, to: e164 ?? lead.phone, at: formatInstantUtc(at), seller: scenario.seller });
      steps.push({ index, step, at: formatInstantUtc(at) });
      return;
    }
    if (step.type === 'consent') {
      const consents =
        step.action === 'grant'
          ? [...lead.consents, { kind: step.kind, seller: scenario.seller, grantedAt: at, revokedAt: null }]
          : lead.consents.map((consent) =>
              consent.kind === step.kind &&
              consent.seller === scenario.seller &&
              consent.grantedAt <= at &&
              (consent.revokedAt === null || consent.revokedAt > at)
                ? { ...consent, revokedAt: at }
                : consent,
            );
      leads.set(lead.id, { ...lead, consents });
      steps.push({ index, step, at: formatInstantUtc(at) });
      return;
    }
    const { call, decision } = recorder.screenLead(lead, at, step.method ?? defaultMethod, step.purpose ?? scenario.purpose);
    steps.push({ index, step, at: formatInstantUtc(at), attempt: observer.attempts.at(-1)! });
    if (decision.verdict === 'block') return;
    const ringAt = at + CONNECT_DELAY_MS;
    const answerAt = recorder.ring(call, step.answer, ringAt, ANSWER_AFTER_MS);
    if (step.answer !== 'answered') return;
    const waitedMs = Math.round(step.agentWaitSeconds * 1000);
    if (waitedMs > ABANDON_GRACE_MS) {
      recorder.advance(call, { type: 'agent.unavailable' }, answerAt + ABANDON_GRACE_MS);
      return;
    }
    const connectAt = answerAt + waitedMs;
    recorder.advance(call, { type: 'agent.connected', waitedMs }, connectAt);
    recorder.advance(call, { type: 'agent.disclosing' }, connectAt);
    // A do-not-call request comes during the disclosure, before any pitch.
    if (step.outcome !== 'do-not-call') recorder.advance(call, { type: 'agent.pitching' }, connectAt + 15_000);
    recorder.advance(call, { type: 'call.outcome', outcome: step.outcome }, connectAt + TALK_MS);
    recorder.advance(call, { type: 'call.wrap-up' }, connectAt + TALK_MS);
    recorder.advance(call, { type: 'agent.ready' }, connectAt + TALK_MS + 30_000);
  });

  let campaign: CampaignSummary | null = null;
  if (scenario.campaign && scenario.dialer !== undefined) {
    // Already checked by loadScenario, so this cannot fail halfway through a run.
    const config = parseCampaignConfig(campaignInputOf(scenario, seed), loaded.file);
    campaign = simulateCampaign({
      config,
      leads: [...leads.values()],
      registries,
      audit: observer,
      recorder,
      compliance,
      pack: options.pack,
      strategy,
      ...(options.onProgress && { onProgress: options.onProgress }),
    });
  }

  const counts = countRun(observer, campaign);
  const found = compliance.breaches();
  const expectations = evaluateExpectations(scenario.expect, { steps, attempts: observer.attempts, counts, leads, registries, scenario, breaches: found });
  const breachExpectations = scenario.expect.filter((expectation) => expectation.type === 'breach');
  const breaches = found.map((breach) => ({ ...breach, expected: breachExpectations.some((expectation) => breachMatches(expectation, breach)) }));
  const expectationsHeld = expectations.every((result) => result.passed);
  return {
    file: loaded.file,
    title: scenario.title,
    notes: scenario.notes,
    seed,
    provenance,
    pack: options.pack,
    steps,
    campaign,
    attempts: observer.attempts,
    counts,
    expectations,
    expectationsHeld,
    breaches,
    passed: expectationsHeld && breaches.every((breach) => breach.expected),
  };
}

const OUTCOME_STATES: Readonly<Record<string, string>> = {
  rejected: 'rejected',
  callback: 'callback',
  meeting: 'meeting',
  sale: 'sale',
  'do-not-call': 'do-not-call-request',
};

function countRun(observer: ScenarioObserver, campaign: CampaignSummary | null): ScenarioCounts {
  const blockedByRule: Record<string, number> = {};
  let allowed = 0;
  const reached = new Set<string>();
  for (const { record, path } of observer.attempts) {
    if (record.verdict === 'allow') allowed++;
    for (const violation of record.violations) blockedByRule[violation.rule] = (blockedByRule[violation.rule] ?? 0) + 1;
    if (path.includes('connected')) reached.add(record.leadId);
  }
  const answered = observer.entered('answered');
  const abandoned = observer.entered('abandoned');
  return {
    attempts: observer.attempts.length,
    allowed,
    blocked: observer.attempts.length - allowed,
    blockedByRule,
    connects: observer.entered('connected'),
    abandoned,
    answered,
    dncRequests: observer.dncRequests,
    outcomes: Object.fromEntries(Object.entries(OUTCOME_STATES).map(([outcome, state]) => [outcome, observer.entered(state)])),
    leadsReached: reached.size,
    leadsExhausted: campaign?.leads.exhausted ?? 0,
    maxAbandonmentRate: campaign !== null ? campaign.abandonment.maxRollingRate : answered === 0 ? 0 : abandoned / answered,
    maxAbandonmentRateByJurisdiction: Object.fromEntries((campaign?.abandonment.byJurisdiction ?? []).map((entry) => [entry.jurisdiction, entry.maxRate])),
  };
}
