import type { DialMethod } from '../core/attempt.js';
import type { Decision } from '../core/decision.js';
import type { NumberFacts, ScreeningFacts } from '../core/facts.js';
import { HOUR_MS, DAY_MS } from '../core/calendar.js';
import { InputError } from '../core/input-error.js';
import { formatInstantUtc, parseInstant } from '../core/instant.js';
import { CallRecorder, disclosureItems, LeadCalls, type CallContext } from './call-recorder.js';
import type { PolicyPack } from '../core/policy.js';
import { seededRandom } from '../core/seeded-random.js';
import { ABANDON_GRACE_MS, CALL_OUTCOMES, type CallEvent, type CallOutcome } from '../lifecycle/call-machine.js';
import { LifecycleStepper } from '../lifecycle/transitions.js';
import { runProvenance } from './provenance.js';
import { packsInForce } from '../engine/packs-in-force.js';
import { InMemoryRegistry, withLiveInternalList, type RegistryContext } from '../resolve/registry.js';
import { defaultStrategy, type ResolutionStrategy } from '../resolve/resolve-attempt.js';
import { ABANDONMENT_LIMITS, AbandonmentByJurisdiction, abandonmentJurisdiction, type AbandonmentJurisdiction } from './abandonment-by-jurisdiction.js';
import { AbandonmentWindow, PredictivePacer } from './abandonment-window.js';
import type { AuditSink } from './audit-log.js';
import { ComplianceMonitor } from './breaches/compliance-monitor.js';
import type { CampaignConfig, Lead } from './campaign-config.js';
import { emptySummary, type CampaignSummary } from './campaign-summary.js';
import { LeadCompactor } from './compact-lead.js';
import { LeadNumberStrategy } from './lead-number-strategy.js';
import { matchesFilters } from './lead-filter.js';
import { MinHeap } from './min-heap.js';
import { buildOutcomeModel, drawCallOutcome, drawLineResponse, type OutcomePresetName } from './outcome-model.js';
import { ShiftCalendar } from './shift-calendar.js';

/** Seconds an agent spends per call before it rings: dialing by hand, or reading the lead first. */
const AGENT_OVERHEAD_MS: Record<CampaignConfig['mode'], number> = { manual: 12_000, preview: 25_000, progressive: 0, predictive: 0 };
const CONNECT_DELAY_MS = 3_000;
const DISCLOSURE_MS = 15_000;
const CALLBACK_DELAY_MS = DAY_MS;

// The events of a connected call, one object each for the run: the machine reads them and keeps none.
const DISCLOSING: CallEvent = Object.freeze({ type: 'agent.disclosing' });
const PITCHING: CallEvent = Object.freeze({ type: 'agent.pitching' });
const WRAP_UP: CallEvent = Object.freeze({ type: 'call.wrap-up' });
const READY: CallEvent = Object.freeze({ type: 'agent.ready' });
const CONNECTED_AT_ONCE: CallEvent = Object.freeze({ type: 'agent.connected', waitedMs: 0 });
const UNAVAILABLE: CallEvent = Object.freeze({ type: 'agent.unavailable' });
const OUTCOME_EVENTS = Object.freeze(Object.fromEntries(CALL_OUTCOMES.map((outcome) => [outcome, Object.freeze({ type: 'call.outcome', outcome })]))) as Readonly<Record<CallOutcome, CallEvent>>;

/** A live answer in a dialed group, waiting for an agent. */
interface AnsweredCall {
  readonly call: CallContext;
  readonly state: LeadState;
  readonly answerAt: number;
  readonly jurisdiction: AbandonmentJurisdiction | null;
}

const byAnswerAt = (a: AnsweredCall, b: AnsweredCall) => a.answerAt - b.answerAt;

/** The virtual clock moves in whole seconds, so audit instants are uniform (`...T14:00:05Z`) and sort as text. */
function wholeSeconds(ms: number): number {
  return Math.round(ms / 1000) * 1000;
}

export interface CampaignInput {
  readonly config: CampaignConfig;
  /** The lead list, read in batches of `config.batchSize`; an array or any iterable (a file being parsed). */
  readonly leads: Iterable<Lead>;
  /**
   * The seller's national registry copy and state list copies; the internal list is the campaign's own and grows
   * with each DNC request.
   */
  readonly registries?: RegistryContext;
  readonly audit: AuditSink;
  readonly pack?: PolicyPack;
  readonly strategy?: ResolutionStrategy;
  /**
   * Screens and records the calls; pass the one a scenario's scripted steps used, so the campaign continues its
   * attempt ids and its internal do-not-call list. Built from the other options when absent.
   */
  readonly recorder?: CallRecorder;
  /**
   * Checks the campaign-level obligations from the records: with a `recorder`, pass the one in its sink chain; without,
   * one that wraps `audit`.
   * Built around `audit` when absent; with a `recorder` and no monitor, the summary's `breaches` is null (unchecked).
   */
  readonly compliance?: ComplianceMonitor;
  /** Steps calls through the lifecycle machine; a caching stepper by default. */
  readonly stepper?: LifecycleStepper;
  /** Called now and then with the share of the campaign's time simulated (0-1), for progress bars. */
  readonly onProgress?: (share: number) => void;
  /**
   * `unique`: the caller vouches that no lead id appears twice in `leads`, so the calls of a finished lead can be let
   * go (a million-lead run then holds no history for the leads it is done with). Only without a `recorder`. Absent,
   * every lead's calls are kept to the end: a row with the same id loaded later must see them, or a frequency cap
   * would not count them (fail closed).
   */
  readonly leadIds?: 'unique';
}

/**
 * One row of the lead list in play. With ids vouched unique, the first row of an id in play also holds that id's calls
 * (`calls` is the row itself) and counts the rows of the id in play: a million-lead run holds hundreds of thousands of
 * rows at once, and one object per row costs less than a row and a holder apart.
 */
class LeadState extends LeadCalls {
  /** Its id's calls placed in this run, held here so a screening need not look them up: this row, another row of the id, or the recorder's. */
  readonly calls: LeadCalls;
  /** Calls placed. */
  dials = 0;
  blockedScreenings = 0;
  /** A call to it reached a person: it stays counted as reached whatever happens next. */
  reached = false;
  /** On the row that holds its id's calls: how many rows of the id are in play. */
  rows = 0;
  /** Its number's facts, resolved at its first screening (LeadNumberStrategy). */
  number: NumberFacts | undefined = undefined;

  constructor(
    readonly lead: Lead,
    calls: LeadCalls | null,
  ) {
    super();
    this.calls = calls ?? this;
  }
}

/** The count of rows in play of an id whose calls the recorder keeps. */
interface RecorderIdInPlay {
  readonly calls: LeadCalls;
  rows: number;
}

/**
 * Simulates a calling campaign: a discrete-event loop on a virtual clock (no wall-clock waits) with a seeded
 * random generator. Every attempt passes the screening engine first and then the call lifecycle machine, whose
 * guard admits `dialing` only on the engine's allow. Returns the summary; the audit log streams to `input.audit`.
 */
export function simulateCampaign(input: CampaignInput): CampaignSummary {
  const { config, audit } = input;
  const { model, problems } = buildOutcomeModel(config.outcomeModel.preset as OutcomePresetName, config.outcomeModel.overrides);
  if (problems.length > 0) {
    audit.close();
    throw new InputError(problems.map((message) => ({ path: '', message })));
  }

  // Rounded, like every duration below, so the clock stays on whole seconds whatever the inputs.
  const start = wholeSeconds(parseInstant(config.start) as number);
  const end = start + config.days * DAY_MS;
  const random = seededRandom(config.seed);
  const stepper = input.stepper ?? new LifecycleStepper();
  const strategy = input.strategy ?? defaultStrategy();
  const internalList = new InMemoryRegistry();
  const registries = withLiveInternalList(input.registries, internalList);
  const shifts = new ShiftCalendar({
    start,
    days: config.days,
    shiftStart: config.agents.shift.start,
    shiftEnd: config.agents.shift.end,
    timeZone: config.agents.shift.timeZone,
    weekdays: config.agents.shift.days,
  });
  const window = new AbandonmentWindow(30);
  const byJurisdiction = new AbandonmentByJurisdiction();
  // The floor's own cap when it sets one, otherwise each jurisdiction's limit on the calls to its numbers.
  const capOf = (jurisdiction: AbandonmentJurisdiction) => config.pacing.abandonCap ?? ABANDONMENT_LIMITS[jurisdiction].cap;
  // The region the screening resolved: the number is not parsed again.
  const jurisdictionOf = (facts: ScreeningFacts) => abandonmentJurisdiction(facts.number.e164 === null ? null : facts.number.region);
  const pacer = new PredictivePacer((at) => byJurisdiction.pacedWindows(at, capOf), {
    maxLinesPerAgent: config.pacing.maxLinesPerAgent,
    adaptive: config.pacing.adaptive,
    capBeforeFirstDial: config.pacing.abandonCap ?? Math.min(ABANDONMENT_LIMITS.US.cap, ABANDONMENT_LIMITS.CA.cap),
  });
  const method: DialMethod = config.mode === 'manual' || config.mode === 'preview' ? 'manual' : 'autodialer';
  const summary = emptySummary(config.pacing.abandonCap ?? ABANDONMENT_LIMITS.US.cap);

  // A campaign run on its own opens its log with the header; a scenario's run has written the scenario's already.
  if (input.recorder === undefined) audit.write({ type: 'header', ...runProvenance({ pack: input.pack ?? packsInForce(), seed: config.seed, registries: input.registries }) });
  const compliance = input.compliance ?? (input.recorder === undefined ? new ComplianceMonitor(audit, (e164) => strategy.number(e164).region) : null);
  // A recorder built here resolves each lead's number once, on the lead's row (a caller's recorder has its own strategy).
  const leadNumbers = new LeadNumberStrategy(strategy);
  const recorder =
    input.recorder ??
    new CallRecorder({ audit: compliance ?? audit, stepper, strategy: leadNumbers, registries, internalList, seller: config.seller, callerKind: config.callerKind, subject: config.subject ?? null, disclosureItems: disclosureItems(config), ...(input.pack && { pack: input.pack }) });

  const agents = new MinHeap<number>();
  // Agents with nothing to do until the next lead is due; kept out of the heap so a lead that becomes due wakes
  // one agent, not all of them.
  const idle: number[] = [];
  for (let agent = 0; agent < config.agents.count; agent++) agents.push(start, agent);
  const ready = new MinHeap<LeadState>();
  const leadIterator = input.leads[Symbol.iterator]();
  let leadsExhausted = false;
  let lastTime = start;
  // A recorder built here is used by no one else, so once no row of an id is in play its history can go. With ids
  // vouched unique the campaign keeps each id's calls itself, only while a row of it is in play: the recorder's map
  // of every id would hold a million-lead run's leads twice. Otherwise the recorder keeps them (a later row of the id
  // sees them), and lets go only of an empty history (a later row makes the same empty one again). The count of rows
  // per id keeps a history while a duplicate row of the same lead is still in play.
  const ownsRecorder = input.recorder === undefined;
  const keepsOwnHistories = ownsRecorder && input.leadIds === 'unique';
  // The entry of an id in play: with ids vouched unique, its first row in play (which holds the id's calls).
  const inPlay = new Map<string, LeadState | RecorderIdInPlay>();
  const rowOf = (lead: Lead): LeadState => {
    if (!ownsRecorder) return new LeadState(lead, recorder.callsOf(lead.id));
    let entry = inPlay.get(lead.id);
    let row: LeadState;
    if (entry === undefined) {
      row = new LeadState(lead, keepsOwnHistories ? null : recorder.callsOf(lead.id));
      inPlay.set(lead.id, (entry = keepsOwnHistories ? row : { calls: row.calls, rows: 0 }));
    } else {
      row = new LeadState(lead, entry.calls);
    }
    entry.rows++;
    return row;
  };
  const finish = (state: LeadState) => {
    if (!ownsRecorder) return;
    const id = state.lead.id;
    const entry = inPlay.get(id)!;
    if (--entry.rows > 0) return;
    inPlay.delete(id);
    if (!keepsOwnHistories && state.calls.placed.length === 0) recorder.forgetLead(id);
  };

  const compactor = new LeadCompactor();
  const loadBatch = (at: number) => {
    let loaded = 0;
    while (loaded < config.batchSize) {
      const next = leadIterator.next();
      if (next.done) {
        leadsExhausted = true;
        return;
      }
      summary.leads.loaded++;
      if (config.filters !== undefined && !matchesFilters(next.value, config.filters)) {
        summary.leads.filteredOut++;
        continue;
      }
      ready.push(at, rowOf(compactor.compact(next.value)));
      loaded++;
    }
  };

  const advance = (call: CallContext, event: CallEvent, at: number): void => recorder.advance(call, event, at);

  const retryLater = (state: LeadState, at: number, delay: number) => {
    if (state.dials < config.retry.maxAttempts) {
      ready.push(at + wholeSeconds(delay), state);
      return;
    }
    if (!state.reached) summary.leads.exhausted++;
    finish(state);
  };

  /** Screens and, when allowed, dials one lead; returns the dialed call, or null when the screening blocked it. */
  const screenAndDial = (state: LeadState, at: number): { call: CallContext; decision: Decision; facts: ScreeningFacts } | null => {
    leadNumbers.screening(state);
    let screened: ReturnType<CallRecorder['screenLead']>;
    try {
      screened = recorder.screenLead(state.lead, at, method, config.purpose, state.calls);
    } finally {
      leadNumbers.screened();
    }
    const { decision } = screened;
    summary.attempts++;
    const localHour = decision.callee.localTimes[0] === undefined ? -1 : Number(decision.callee.localTimes[0].slice(11, 13));
    if (localHour >= 0) summary.attemptsByLocalHour[localHour]!++;
    if (decision.verdict === 'block') {
      summary.blocked++;
      for (const violation of decision.violations) summary.blockedByRule[violation.rule] = (summary.blockedByRule[violation.rule] ?? 0) + 1;
      state.blockedScreenings++;
      // A reached lead set aside stays counted as reached: every lead ends in exactly one of the summary's counts.
      if (state.blockedScreenings >= config.retry.maxBlockedScreenings) {
        if (!state.reached) summary.leads.blockedOut++;
        finish(state);
      }
      // A lead only the clock blocks (hours, days, a call cap) is screened again at the earliest moment it would pass;
      // any other block is retried after afterBlockMinutes, in case a fact changes.
      else ready.push(decision.nextAllowedAt === undefined ? at + wholeSeconds(config.retry.afterBlockMinutes * 60_000) : Date.parse(decision.nextAllowedAt), state);
      return null;
    }
    summary.allowed++;
    state.dials++;
    state.blockedScreenings = 0;
    return screened;
  };

  /** Runs a connected call to its end; returns when the agent is free again. */
  const talk = (call: CallContext, state: LeadState, connectedAt: number): number => {
    summary.connects++;
    let at = connectedAt;
    advance(call, DISCLOSING, at);
    at += DISCLOSURE_MS;
    advance(call, PITCHING, at);
    const outcome: CallOutcome = drawCallOutcome(model, random);
    at += wholeSeconds(config.agents.talkSeconds * 1000 * (0.5 + random()));
    advance(call, OUTCOME_EVENTS[outcome], at);
    summary.outcomes[outcome]++;
    advance(call, WRAP_UP, at);
    at += wholeSeconds(config.agents.wrapUpSeconds * 1000);
    advance(call, READY, at);
    lastTime = Math.max(lastTime, at);
    if (!state.reached) {
      state.reached = true;
      summary.leads.reached++;
    }
    if (outcome === 'do-not-call') summary.leads.doNotCall++;
    if (outcome === 'callback') retryLater(state, connectedAt, CALLBACK_DELAY_MS);
    else finish(state);
    return at;
  };
  /** Dials a group of leads for one agent at `at`; returns when that agent is free again. */
  const dialGroup = (group: LeadState[], at: number): number => {
    const dialAt = at + AGENT_OVERHEAD_MS[config.mode];
    let agentFreeAt = dialAt;
    // Made at the group's first answer, as a literal of one (an array pushed to from empty is given room for 17).
    let answered: AnsweredCall[] | null = null;
    for (const state of group) {
      const dialed = screenAndDial(state, dialAt);
      if (dialed === null) continue;
      const { call, decision, facts } = dialed;
      const jurisdiction = jurisdictionOf(facts);
      byJurisdiction.noteDialed(jurisdiction);
      const localHour = Number((decision.callee.localTimes[0] ?? '2000-01-01T12').slice(11, 13));
      const response = drawLineResponse(model, localHour, random);
      summary.lineResponses[response]++;
      const ringAt = dialAt + CONNECT_DELAY_MS;
      // Drawn only for the responses that pick up, so the generator's sequence (and the audit log) is unchanged.
      const pickupMs =
        response === 'answering-machine' ? 8_000 + wholeSeconds(random() * 12_000) : response === 'answered' ? 4_000 + wholeSeconds(random() * 10_000) : 0;
      const lineEnd = recorder.ring(call, response, ringAt, pickupMs);
      if (response === 'answered') {
        const entry = { call, state, answerAt: lineEnd, jurisdiction };
        if (answered === null) answered = [entry];
        else answered.push(entry);
        window.recordAnswered(lineEnd);
        byJurisdiction.record(jurisdiction, 'answered', lineEnd);
      }
      if (response !== 'answered') retryLater(state, lineEnd, config.retry.minSpacingHours * HOUR_MS);
      agentFreeAt = Math.max(agentFreeAt, lineEnd);
    }
    if (answered === null) return agentFreeAt;
    if (answered.length > 1) answered.sort(byAnswerAt);
    let ownAgentTaken = false;
    for (const { call, state, answerAt, jurisdiction } of answered) {
      if (!ownAgentTaken) {
        ownAgentTaken = true;
        advance(call, CONNECTED_AT_ONCE, answerAt);
        agentFreeAt = talk(call, state, answerAt);
        continue;
      }
      // Another answer in the same group needs another agent within the 2-second grace, or it is abandoned:
      // an idle one first, else one whose current call ends in time.
      const otherFreeAt = agents.peekKey();
      if (idle.length > 0) {
        const other = idle.pop()!;
        advance(call, CONNECTED_AT_ONCE, answerAt);
        agents.push(talk(call, state, answerAt), other);
      } else if (otherFreeAt !== undefined && otherFreeAt <= answerAt + ABANDON_GRACE_MS) {
        const other = agents.pop()!;
        const connectAt = Math.max(otherFreeAt, answerAt);
        advance(call, { type: 'agent.connected', waitedMs: connectAt - answerAt }, connectAt);
        agents.push(talk(call, state, connectAt), other);
      } else {
        advance(call, UNAVAILABLE, answerAt + ABANDON_GRACE_MS);
        summary.abandoned++;
        window.recordAbandoned(answerAt);
        byJurisdiction.record(jurisdiction, 'abandoned', answerAt);
        retryLater(state, answerAt, config.retry.minSpacingHours * HOUR_MS);
      }
    }
    return agentFreeAt;
  };

  loadBatch(start);
  let progressMark = start;
  let now = start;
  for (;;) {
    const busyNext = agents.peekKey();
    const leadNext = ready.peekKey();
    let agent: number;
    if (idle.length > 0 && leadNext !== undefined && (busyNext === undefined || leadNext <= busyNext)) {
      agent = idle.pop()!;
      now = Math.max(now, leadNext);
    } else if (busyNext !== undefined) {
      agent = agents.pop()!;
      now = Math.max(now, busyNext);
    } else {
      break;
    }
    const working = shifts.nextWorkingInstant(now);
    if (working === null || working >= end) continue; // the campaign's shifts are over for this agent
    if (working > now) {
      agents.push(working, agent);
      continue;
    }
    // The next batch of the list is taken when nothing in the current one can be dialed now.
    if (!leadsExhausted && (ready.peekKey() ?? Number.POSITIVE_INFINITY) > now) loadBatch(now);
    if ((ready.peekKey() ?? Number.POSITIVE_INFINITY) > now) {
      idle.push(agent);
      continue;
    }
    const lines = config.mode === 'predictive' ? pacer.linesFor(now, random) : 1;
    // Of the exact length, then cut to the leads due (in place): an array pushed to from empty is given room for 17.
    const group = new Array<LeadState>(lines);
    let size = 0;
    while (size < lines && (ready.peekKey() ?? Number.POSITIVE_INFINITY) <= now) group[size++] = ready.pop()!;
    group.length = size;
    const busyUntil = dialGroup(group, now);
    agents.push(Math.max(busyUntil, now + 1000), agent);
    lastTime = Math.max(lastTime, busyUntil);
    if (input.onProgress && now - progressMark > DAY_MS / 4) {
      progressMark = now;
      input.onProgress(Math.min(1, (now - start) / (end - start)));
    }
  }

  // A reached lead still due a callback is counted as reached, not unfinished (one count per lead).
  summary.leads.unfinished = 0;
  while (ready.size > 0) if (!ready.pop()!.reached) summary.leads.unfinished++;
  if (!leadsExhausted) {
    for (let next = leadIterator.next(); !next.done; next = leadIterator.next()) {
      summary.leads.loaded++;
      summary.leads.unfinished++;
    }
  }
  summary.abandonment.rolling = window.rollingRates();
  summary.abandonment.maxRollingRate = Math.max(0, ...summary.abandonment.rolling.map((entry) => entry.rate));
  summary.abandonment.byJurisdiction = byJurisdiction.report();
  summary.simulated = { from: formatInstantUtc(start), to: formatInstantUtc(Math.min(lastTime, end)) };
  summary.breaches = compliance === null ? null : compliance.breaches();
  audit.close();
  return summary;
}
