import { compileTemplate, renderTemplate } from '../../engine/message-template.js';
import { callMachine } from '../../lifecycle/call-machine.js';
import { abandonmentJurisdiction, type AbandonmentJurisdiction } from '../abandonment-by-jurisdiction.js';
import type { AuditRecord, AuditSink } from '../audit-log.js';
import { attemptRegion } from '../screened-attempt-record.js';
import { abandonmentMessage } from './abandonment-message.js';
import { CallsInProgress } from './calls-in-progress.js';
import { abandonmentRate } from './abandonment-rate.js';
import { abandonmentTwoSecond } from './abandonment-two-second.js';
import { dncRequestHonoured } from './dnc-request-honoured.js';
import type { Breach, Obligation, ObligationCheck } from './obligation.js';
import { ringDuration } from './ring-duration.js';

/** Every campaign-level obligation, in the order breaches are listed. */
export const CAMPAIGN_OBLIGATIONS: readonly Obligation[] = [abandonmentRate, abandonmentTwoSecond, abandonmentMessage, ringDuration, dncRequestHonoured];

const MAX_INSTANTS = 4096;

const finalStates = new Map<string, boolean>();
function isFinal(state: string): boolean {
  let final = finalStates.get(state);
  if (final === undefined) finalStates.set(state, (final = callMachine.root.states[state]?.type === 'final'));
  return final;
}

/**
 * An audit sink that passes every record on and checks the campaign-level obligations on the way: the run's
 * breaches are found from the records it wrote, as an auditor reading the log would find them. Put it in the sink
 * chain of a run (a campaign builds its own when given none) and read `breaches()` at the end.
 * @example
 * const monitor = new ComplianceMonitor(new FileAuditSink('audit.jsonl'), (e164) => strategy.number(e164).region);
 */
export class ComplianceMonitor implements AuditSink {
  readonly #checks: { obligation: Obligation; check: ObligationCheck }[];
  /** The jurisdiction of each call still in progress (a call's later records carry only its attempt id). */
  readonly #jurisdictionOf = new CallsInProgress<AbandonmentJurisdiction | null>();
  #lastIso = '';
  #lastAt = Number.NaN;
  readonly #instants = new Map<string, number>();
  /** What the checks are told about each record: one object for the run, filled anew (a check reads it, keeps none of it). */
  readonly #context: { jurisdiction: AbandonmentJurisdiction | null; at: number } = { jurisdiction: null, at: Number.NaN };
  /** The checks keep none of the records and read only their fields, so the monitor passes on what `next` takes. */
  readonly serializesOnly: boolean;

  constructor(
    private readonly next: AuditSink,
    /**
     * The callee's libphonenumber region for an E.164 number, null when it has none: for do-not-call requests, which
     * state only the number (an attempt record states its region).
     */
    private readonly regionOf: (e164: string) => string | null,
  ) {
    this.#checks = CAMPAIGN_OBLIGATIONS.map((obligation) => ({ obligation, check: obligation.start() }));
    this.serializesOnly = next.serializesOnly === true;
  }

  write(record: AuditRecord): void {
    this.next.write(record);
    // The header says what the run was made of; no obligation reads it.
    if (record.type === 'header') return;
    const jurisdiction = this.#jurisdiction(record);
    // A call's records often share an instant, and a run's records come back to a few thousand instants at a time
    // (a group's dial and ring instants, interleaved): each text is parsed once while it recurs. Date.parse is a
    // function of the text alone, so the text is the whole key.
    if (record.at !== this.#lastIso) {
      this.#lastIso = record.at;
      let at = this.#instants.get(record.at);
      if (at === undefined) {
        if (this.#instants.size >= MAX_INSTANTS) this.#instants.clear();
        this.#instants.set(record.at, (at = Date.parse(record.at)));
      }
      this.#lastAt = at;
    }
    const context = this.#context;
    context.jurisdiction = jurisdiction;
    context.at = this.#lastAt;
    for (const { check } of this.#checks) check.observe(record, context);
    // An abandoned call's identification message comes after its final transition; it is let go with the message.
    if ((record.type === 'transition' && record.to !== 'abandoned' && isFinal(record.to)) || record.type === 'identification-message') this.#jurisdictionOf.delete(record.attemptId);
  }

  #jurisdiction(record: Exclude<AuditRecord, { type: 'header' }>): AbandonmentJurisdiction | null {
    if (record.type === 'attempt') {
      // The record states the region its screening resolved (null for an invalid number): no second parse.
      const jurisdiction = abandonmentJurisdiction(attemptRegion(record));
      this.#jurisdictionOf.set(record.attemptId, jurisdiction);
      return jurisdiction;
    }
    if (record.type === 'dnc-request') return abandonmentJurisdiction(this.regionOf(record.to));
    return this.#jurisdictionOf.get(record.attemptId) ?? null;
  }

  close(): void {
    this.next.close();
  }

  /** The breaches found so far, by obligation in CAMPAIGN_OBLIGATIONS order, then US before CA. */
  breaches(): Breach[] {
    return this.#checks.flatMap(({ obligation, check }) =>
      check
        .breaches()
        .sort((a, b) => (a.jurisdiction === b.jurisdiction ? 0 : a.jurisdiction === 'US' ? -1 : 1))
        .map((draft): Breach => {
          const law = obligation.law[draft.jurisdiction];
          const template = (obligation.messages as Record<string, string>)[draft.messageId];
          if (template === undefined) throw new Error(`${obligation.id}: no message "${draft.messageId}"`);
          const first = renderTemplate(compileTemplate(template), draft.data);
          const message = draft.occurrences > 1 && draft.attemptIds.length > 0 ? `${first} (the first of ${draft.occurrences} calls)` : first;
          return {
            rule: obligation.id,
            title: obligation.title,
            jurisdiction: draft.jurisdiction,
            citation: law.citation,
            confidence: law.confidence,
            source: law.source,
            ...(law.note !== undefined && { note: law.note }),
            messageId: draft.messageId,
            data: draft.data,
            message,
            occurrences: draft.occurrences,
            attemptIds: draft.attemptIds,
            first: draft.first,
          };
        }),
    );
  }
}
