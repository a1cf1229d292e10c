import type { CallAttempt, CallerKind, CallPurpose, DialMethod, EarlierCall } from '../core/attempt.js';
import type { Decision } from '../core/decision.js';
import type { ExtensionValue, ScreeningFacts } from '../core/facts.js';
import type { PolicyPack } from '../core/policy.js';
import { packsInForce } from '../engine/packs-in-force.js';
import { screenWithFacts, type ScreenOptions } from '../engine/screen.js';
import { MIN_RING_MS, type CallEvent } from '../lifecycle/call-machine.js';
import type { CallState, LifecycleStepper } from '../lifecycle/transitions.js';
import type { InMemoryRegistry, RegistryContext } from '../resolve/registry.js';
import type { ResolutionStrategy } from '../resolve/resolve-attempt.js';
import type { AuditSink } from './audit-log.js';
import { instantText } from './instant-text.js';
import type { Lead } from './campaign-config.js';
import { attemptRecord } from './attempt-record.js';
import type { LineResponse } from './outcome-model.js';
import { ScreenedAttemptRecord } from './screened-attempt-record.js';

/**
 * What the caller states at the start of a connected call: name, seller and purpose (16 CFR 310.4(d)). A
 * broker-dealer states what FINRA Rule 3230 requires instead: the caller's name, the firm, the firm's telephone number
 * or address, and that the call is to solicit the purchase of securities or related services.
 */
export function disclosureItems(caller: { seller: string; purpose: CallPurpose; callerKind: CallerKind; firmContact?: string | undefined }): string[] {
  if (caller.callerKind === 'broker-dealer') {
    return [
      'caller name',
      `firm: ${caller.seller}`,
      `firm telephone number or address: ${caller.firmContact ?? '(not configured)'}`,
      caller.purpose === 'telemarketing' ? 'purpose: to solicit the purchase of securities or related services' : 'purpose: information, not a solicitation',
    ];
  }
  return ['caller name', `seller: ${caller.seller}`, caller.purpose === 'telemarketing' ? 'purpose: a sales call' : 'purpose: information, not a sales call'];
}

/**
 * The instants of the calls placed to one lead id so far in the run, oldest first: the call history frequency caps
 * count. Every call has the recorder's subject, so only instants are kept (a lead waiting for its next call costs an
 * array of numbers, not an object per call). A caller that screens a lead many times keeps the holder
 * (`CallRecorder.callsOf`) beside the lead: finding it by id in a map of every lead in play missed the processor's
 * caches on each screening of a large campaign (about a microsecond).
 */
export class LeadCalls {
  /** Replaced, never changed in place: an earlier attempt's facts may still hold the old array. */
  placed: readonly number[] = NO_CALLS;
}

const NO_CALLS: readonly number[] = Object.freeze([]);

const NO_OWN_REGISTRIES: CallAttempt['registries'] = Object.freeze({ national: null, internal: null });

// The events the recorder sends, one object each for the run: the machine reads them and keeps none.
const SCREEN: CallEvent = Object.freeze({ type: 'call.screen' });
const SCREENED_ALLOW: CallEvent = Object.freeze({ type: 'call.screened', verdict: 'allow' });
const SCREENED_BLOCK: CallEvent = Object.freeze({ type: 'call.screened', verdict: 'block' });
const NOT_IN_SERVICE: CallEvent = Object.freeze({ type: 'call.not-in-service' });
const BUSY: CallEvent = Object.freeze({ type: 'call.busy' });
const RINGING: CallEvent = Object.freeze({ type: 'call.ringing' });
const RING_TIMEOUT: CallEvent = Object.freeze({ type: 'call.ring-timeout', rangMs: MIN_RING_MS });
const ANSWERED: CallEvent = Object.freeze({ type: 'call.answered' });
const MACHINE_ANSWERED: CallEvent = Object.freeze({ type: 'call.machine-answered' });

/** One call in progress: its attempt id, its lead and where it is in the lifecycle. */
export interface CallContext {
  readonly attemptId: string;
  readonly lead: Lead;
  state: CallState;
}

export interface CallRecorderOptions {
  readonly audit: AuditSink;
  readonly stepper: LifecycleStepper;
  readonly strategy: ResolutionStrategy;
  readonly pack?: PolicyPack;
  /** The seller's registries; `internal` must include `internalList`, which grows with each do-not-call request. */
  readonly registries: RegistryContext;
  readonly internalList: InMemoryRegistry;
  readonly seller: string;
  /** A broker-dealer's calls are screened under FINRA Rule 3230 and the FCC's rules; `seller` when absent. */
  readonly callerKind?: CallerKind;
  /** What the calls are about, for same-subject call caps; null or absent when unknown. */
  readonly subject?: string | null;
  /** What the caller states at the start of a connected call. */
  readonly disclosureItems: readonly string[];
}

/**
 * Screens attempts and steps their calls through the lifecycle machine, writing every audit record: the one place
 * that turns a decision and a transition into log lines and carries out the machine's actions. Campaigns and
 * scripted scenario steps share it, so both produce the same records and attempt ids in one sequence.
 */
export class CallRecorder {
  readonly #options: CallRecorderOptions;
  /** The rules in force, resolved once: the engine would otherwise look up the default packs for every attempt. */
  readonly #pack: PolicyPack;
  #attempts = 0;
  /** Extension facts the pack's custom rules declare; only those are computed for each attempt. */
  readonly #extensionNeeds: ReadonlySet<string>;
  /** Each lead id's calls placed so far in the run (`recentCalls` and the history are built from them). */
  readonly #callsByLead = new Map<string, LeadCalls>();
  /**
   * What every attempt of the run shares, built once rather than as fresh objects per screening (the engine only reads
   * them): the caller, the attempt's own registry entries (none: the run's lists are the shared ones) and the options.
   */
  readonly #caller: CallAttempt['caller'];
  readonly #screenOptions: ScreenOptions;

  constructor(options: CallRecorderOptions) {
    this.#options = options;
    this.#pack = options.pack ?? packsInForce();
    this.#extensionNeeds = new Set((options.pack?.policies ?? []).flatMap((policy) => Object.keys(policy.extensions ?? {})));
    this.#caller = Object.freeze({ seller: options.seller, kind: options.callerKind ?? 'seller' });
    this.#screenOptions = Object.freeze({ registries: options.registries, strategy: options.strategy, pack: this.#pack });
  }

  /**
   * The extension facts a custom rule may read about a lead: its attributes (`postalCode`, `state`, `occupation`,
   * `netWorth`, `income`, and the lead file's other columns by header) and `recentCalls`, the instants of the calls
   * placed to it so far in this run.
   */
  #extensionsFor(lead: Lead, calls: LeadCalls): Record<string, ExtensionValue> | undefined {
    if (this.#extensionNeeds.size === 0) return undefined;
    const facts: Record<string, ExtensionValue> = {};
    const attributes: Record<string, ExtensionValue> = {
      postalCode: lead.postalCode,
      state: lead.state,
      occupation: lead.occupation,
      netWorth: lead.netWorth,
      income: lead.income,
    };
    for (const name of this.#extensionNeeds) {
      // A copy: a rule may keep or change the array it is handed, never the run's own.
      if (name === 'recentCalls') facts[name] = calls.placed.slice();
      else if (attributes[name] !== undefined && attributes[name] !== null) facts[name] = attributes[name]!;
      else if (lead.attributes !== undefined && Object.hasOwn(lead.attributes, name)) facts[name] = lead.attributes[name]!;
    }
    return facts;
  }

  /** The lead's calls placed so far, oldest first, as the engine reads them. */
  #history(calls: LeadCalls): EarlierCall[] {
    const { placed } = calls;
    if (placed.length === 0) return [];
    const subject = this.#options.subject ?? null;
    return placed.map((at) => ({ at, subject }));
  }

  /**
   * The holder of the calls placed to `leadId` in this run, made on first use: one per id, shared by every screening
   * of that id, scripted or simulated. Pass it to `screenLead` to spare the lookup by id.
   */
  callsOf(leadId: string): LeadCalls {
    let calls = this.#callsByLead.get(leadId);
    if (calls === undefined) this.#callsByLead.set(leadId, (calls = new LeadCalls()));
    return calls;
  }

  /**
   * Screens one attempt to `lead` at `at`, writes its attempt record and takes the call to `dialing` or `blocked`.
   * `calls` holds the calls placed to the lead so far and gets this one if it is allowed: `callsOf(lead.id)` when
   * absent; a campaign whose lead ids are vouched unique passes a holder of its own, which the recorder never sees again.
   */
  screenLead(lead: Lead, at: number, method: DialMethod, purpose: CallPurpose, calls: LeadCalls = this.callsOf(lead.id)): { call: CallContext; decision: Decision; facts: ScreeningFacts } {
    const { audit, stepper, registries } = this.#options;
    const call: CallContext = { attemptId: `A${String(++this.#attempts).padStart(7, '0')}`, lead, state: stepper.initial };
    const attempt: CallAttempt = {
      at,
      to: lead.phone,
      method,
      purpose,
      caller: this.#caller,
      callee: { lineType: lead.lineType, business: lead.business, timeZone: lead.timeZone, state: lead.state },
      subject: this.#options.subject ?? null,
      history: this.#history(calls),
      consents: lead.consents,
      relationship: lead.relationship,
      registries: NO_OWN_REGISTRIES,
    };
    const extensions = this.#extensionsFor(lead, calls);
    const { decision, facts } = screenWithFacts(extensions === undefined ? attempt : { ...attempt, extensions }, this.#screenOptions);
    // Written before this call joins the lead's history: the record states the history the decision saw. To a sink
    // that only serializes, as the screening's facts: the record is then never built as an object.
    const screened = { attemptId: call.attemptId, leadId: lead.id, decision, facts, registries };
    audit.write(audit.serializesOnly === true ? new ScreenedAttemptRecord(screened) : attemptRecord(screened));
    // A new array of the exact length: a pushed or spread array is given room for 17 more (176 bytes for 3 calls
    // instead of 32), and a large campaign holds one per lead in play.
    if (decision.verdict === 'allow') calls.placed = calls.placed.concat(at);
    this.advance(call, SCREEN, at);
    this.advance(call, decision.verdict === 'allow' ? SCREENED_ALLOW : SCREENED_BLOCK, at);
    return { call, decision, facts };
  }

  /**
   * Lets go of what the recorder keeps about a lead (its calls in this run), for a campaign that will not screen it
   * again: a million-lead run would otherwise hold every lead's history to the end. The lead's next screening, if one
   * came, would see no earlier calls, so only the owner of the recorder may call this.
   */
  forgetLead(leadId: string): void {
    this.#callsByLead.delete(leadId);
  }

  /**
   * Takes a dialed call through the line's response, from the first ring at `ringAt`: a machine or a person picks
   * up `pickupMs` later, an unanswered line is given up after the minimum ring time. Returns when the line is done
   * (for a live answer, the moment of the greeting, when an agent must take over).
   */
  ring(call: CallContext, response: LineResponse, ringAt: number, pickupMs: number): number {
    switch (response) {
      case 'not-in-service':
        this.advance(call, NOT_IN_SERVICE, ringAt);
        return ringAt;
      case 'busy':
        this.advance(call, BUSY, ringAt);
        return ringAt;
      case 'no-answer':
        this.advance(call, RINGING, ringAt);
        this.advance(call, RING_TIMEOUT, ringAt + MIN_RING_MS);
        return ringAt + MIN_RING_MS;
      case 'answering-machine':
      case 'answered':
        this.advance(call, RINGING, ringAt);
        this.advance(call, response === 'answered' ? ANSWERED : MACHINE_ANSWERED, ringAt + pickupMs);
        return ringAt + pickupMs;
    }
  }

  /** Sends one event to the call's machine, writes the transition and carries out the step's actions. */
  advance(call: CallContext, event: CallEvent, at: number): void {
    const { audit, stepper, strategy, internalList, seller, disclosureItems } = this.#options;
    const step = stepper.step(call.state, event);
    if (step === null) throw new Error(`lifecycle: the machine ignored ${event.type} in state ${call.state} (attempt ${call.attemptId})`);
    const iso = instantText(at);
    audit.write({ type: 'transition', attemptId: call.attemptId, from: call.state, to: step.to, at: iso });
    call.state = step.to;
    for (const action of step.actions) {
      if (action === 'addToInternalList') {
        const e164 = strategy.number(call.lead.phone).e164;
        if (e164 !== null) internalList.add(e164);
        audit.write({ type: 'dnc-request', attemptId: call.attemptId, leadId: call.lead.id, to: e164 ?? call.lead.phone, at: iso, seller });
      } else if (action === 'discloseIdentity') {
        audit.write({ type: 'disclosure', attemptId: call.attemptId, at: iso, items: disclosureItems });
      } else if (action === 'playIdentificationMessage') {
        audit.write({ type: 'identification-message', attemptId: call.attemptId, at: iso, seller });
      }
    }
  }
}
