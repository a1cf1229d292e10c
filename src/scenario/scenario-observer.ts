import type { AttemptRecord, AuditRecord, AuditSink } from '../dialer/audit-log.js';

/** What the run keeps of each attempt, for expectations, the timeline and the report. */
export interface ObservedAttempt {
  readonly record: AttemptRecord;
  /** Lifecycle states the call went through after screening, in order. */
  readonly path: string[];
  /** Whether the number was on the internal do-not-call list when the attempt was screened. */
  readonly onInternalList: boolean;
}

/**
 * An audit sink that passes every record on and keeps what a scenario's expectations and report read: each
 * attempt with its lifecycle path, and counts of states entered and do-not-call requests.
 */
export class ScenarioObserver implements AuditSink {
  readonly attempts: ObservedAttempt[] = [];
  readonly statesEntered = new Map<string, number>();
  dncRequests = 0;
  readonly #byId = new Map<string, ObservedAttempt>();

  constructor(
    private readonly next: AuditSink,
    private readonly onInternalList: (e164: string) => boolean = () => false,
  ) {}

  write(record: AuditRecord): void {
    this.next.write(record);
    if (record.type === 'attempt') {
      const observed = { record, path: [], onInternalList: this.onInternalList(record.to) };
      this.attempts.push(observed);
      this.#byId.set(record.attemptId, observed);
    } else if (record.type === 'transition') {
      this.statesEntered.set(record.to, (this.statesEntered.get(record.to) ?? 0) + 1);
      if (record.from !== 'queued') this.#byId.get(record.attemptId)?.path.push(record.to);
    } else if (record.type === 'dnc-request') {
      this.dncRequests++;
    }
  }

  /** Keeps the underlying sink open: one scenario's steps and campaign write into it in turn. */
  close(): void {}

  entered(state: string): number {
    return this.statesEntered.get(state) ?? 0;
  }
}
