import type { Exemption, Violation } from '../core/decision.js';
import { attemptRecord, type AttemptRecordInput } from './attempt-record.js';
import type { AttemptRecord, CalleeRecord, ConsentRecord, RegistryConsulted } from './audit-log.js';
import { instantText } from './instant-text.js';

/**
 * An attempt record that keeps the screening's facts and decision and builds its public form (`attemptRecord`) only
 * when something reads a field past the few the monitor's checks read (ids, number, instant, verdict, findings). A
 * campaign's log writer serializes it straight from the facts (`AuditLineWriter`), so the millions of records of a
 * large run are never built as objects. `JSON.stringify` writes the built form (`toJSON`), so the reference
 * serializer, and with it the log's definition, are unchanged. A spread copy would lose the fields read through
 * getters, so only a sink that keeps and copies no record is given one (`AuditSink.serializesOnly`).
 */
export class ScreenedAttemptRecord implements AttemptRecord {
  readonly type = 'attempt';
  readonly attemptId: string;
  readonly leadId: string;
  readonly to: string;
  readonly at: string;
  readonly verdict: AttemptRecord['verdict'];
  readonly violations: readonly Violation[];
  readonly exemptions: readonly Exemption[];
  #built: AttemptRecord | undefined = undefined;

  constructor(readonly source: AttemptRecordInput) {
    this.attemptId = source.attemptId;
    this.leadId = source.leadId;
    const { number } = source.facts;
    this.to = number.e164 ?? number.input;
    this.at = instantText(source.facts.at);
    this.verdict = source.decision.verdict;
    this.violations = source.decision.violations;
    this.exemptions = source.decision.exemptions;
  }

  /** The callee's region as `callee.region` states it, without building the record. */
  get region(): string | null {
    return this.source.facts.number.region;
  }

  #record(): AttemptRecord {
    return (this.#built ??= attemptRecord(this.source));
  }

  get method(): AttemptRecord['method'] {
    return this.#record().method;
  }
  get purpose(): AttemptRecord['purpose'] {
    return this.#record().purpose;
  }
  get caller(): AttemptRecord['caller'] {
    return this.#record().caller;
  }
  get callee(): CalleeRecord {
    return this.#record().callee;
  }
  get localTimes(): readonly string[] {
    return this.#record().localTimes;
  }
  get registries(): readonly RegistryConsulted[] {
    return this.#record().registries;
  }
  get consents(): { readonly priorExpressWritten: ConsentRecord; readonly priorExpress: ConsentRecord } {
    return this.#record().consents;
  }
  get relationship(): AttemptRecord['relationship'] {
    return this.#record().relationship;
  }
  get subject(): string | null {
    return this.#record().subject;
  }
  get history(): AttemptRecord['history'] {
    return this.#record().history;
  }
  get extensions(): AttemptRecord['extensions'] {
    return this.#record().extensions;
  }

  /** What JSON.stringify writes: the record as `attemptRecord` builds it, keys in the log's order. */
  toJSON(): AttemptRecord {
    return this.#record();
  }
}

/** The region an attempt record states for its callee (`callee.region`), read without building a lazy record. */
export function attemptRegion(record: AttemptRecord): string | null {
  return record instanceof ScreenedAttemptRecord ? record.region : record.callee.region;
}
