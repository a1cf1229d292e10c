import { closeSync, openSync, writeSync } from 'node:fs';
import type { CallerKind, CallPurpose, DialMethod, LineType } from '../core/attempt.js';
import type { Exemption, Violation } from '../core/decision.js';
import type { ConsentGap, ExtensionValue, NumberKind, NumberValidity, StateSource } from '../core/facts.js';
import { AuditLineWriter, auditLine } from './audit-record-json.js';
import type { RunProvenance } from './provenance.js';

/**
 * The audit log: one JSON object per line, written as the simulation runs and never held whole in memory. Keys are
 * written in a fixed order and every value derives from the inputs and the seed, so the same run gives the same
 * bytes. The format is public (docs/audit-log.md).
 */

/** The first record of every log: what the run was made of (provenance.ts). */
export interface HeaderRecord extends RunProvenance {
  readonly type: 'header';
}

/**
 * One screening, with every fact its decision stood on: the facts in the record, run through the engine again, give
 * the same decision (`rederiveDecision`). Instants are ISO-8601 in UTC.
 */
export interface AttemptRecord {
  readonly type: 'attempt';
  readonly attemptId: string;
  readonly leadId: string;
  readonly to: string;
  readonly at: string;
  readonly method: DialMethod;
  readonly purpose: CallPurpose;
  readonly caller: { readonly seller: string; readonly kind: CallerKind };
  readonly verdict: 'allow' | 'block';
  readonly violations: readonly Violation[];
  readonly exemptions: readonly Exemption[];
  readonly callee: CalleeRecord;
  /** The local time of `at` in each of `callee.timeZones`, same order, ISO-8601 with the zone's offset. */
  readonly localTimes: readonly string[];
  /** Every list the screening consulted, with the copy's state at the time of the call. */
  readonly registries: readonly RegistryConsulted[];
  /** Whether a valid consent of each kind was on file for this seller at `at`, and if not, why not. */
  readonly consents: { readonly priorExpressWritten: ConsentRecord; readonly priorExpress: ConsentRecord };
  readonly relationship: { readonly lastTransactionAt: string | null; readonly lastInquiryAt: string | null; readonly personal: boolean };
  /** What the call is about; null when unknown. */
  readonly subject: string | null;
  /** The seller's earlier calls to this lead placed in this run, oldest first: what frequency caps count. */
  readonly history: readonly { readonly at: string; readonly subject: string | null }[];
  /** Facts the pack's custom rules read (`extensions`); present only when some rule declares one. */
  readonly extensions?: Readonly<Record<string, ExtensionValue>>;
}

/** The callee as the screening saw it. */
export interface CalleeRecord {
  /** libphonenumber's reading of the number: valid, invalid, or outside the packs' jurisdictions. */
  readonly validity: NumberValidity;
  /** ISO 3166 region (US, CA, PR...); null when the number is invalid. */
  readonly region: string | null;
  /** geographic, toll-free...; null when the number is invalid. */
  readonly kind: NumberKind | null;
  readonly lineType: LineType;
  /** A business line: the consumer-protection rules (calling hours, registries) do not apply to it. */
  readonly business: boolean;
  /** Candidate zones (IANA names, sorted); [] when none is known. */
  readonly timeZones: readonly string[];
  /** Where the zones came from: the lead's address (its `timeZone`), the area code, or nowhere (null). */
  readonly timeZoneSource: 'address' | 'area-code' | null;
  /** Candidate states or provinces (sorted); [] when none is known. */
  readonly states: readonly string[];
  /** Where each state came from, in the order of `states`. */
  readonly stateSources: readonly StateSource[];
}

/** One do-not-call list as consulted for this attempt. */
export interface RegistryConsulted {
  readonly list: 'national' | 'state' | 'canada' | 'internal';
  /** The state's code, for a state list. */
  readonly state?: string;
  /** Where the seller's copy came from (the header's registries); null when unknown or when there is no copy. */
  readonly source: string | null;
  /**
   * `missing`: the seller has no copy of this list; `uncovered`: the copy is a registry store without a download
   * for the number's area code (either way its rule blocks where the list applies).
   */
  readonly copy: 'present' | 'missing' | 'uncovered';
  /** When the copy was obtained (for a store, the download of the number's area code); null when undated, missing, uncovered, or for the internal list. */
  readonly syncedAt: string | null;
  /** Whether the callee's number is on the copy. */
  readonly listed: boolean;
}

export type ConsentRecord =
  | { readonly valid: true; readonly grantedAt: string }
  | { readonly valid: false; readonly gap: ConsentGap; readonly at: string | null };

export interface TransitionRecord {
  readonly type: 'transition';
  readonly attemptId: string;
  readonly from: string;
  readonly to: string;
  readonly at: string;
}

export interface DncRequestRecord {
  readonly type: 'dnc-request';
  /** `null` for a request made outside a call (a letter, an email: a scenario's dnc-request step). */
  readonly attemptId: string | null;
  readonly leadId: string;
  readonly to: string;
  readonly at: string;
  readonly seller: string;
}

export interface DisclosureRecord {
  readonly type: 'disclosure';
  readonly attemptId: string;
  readonly at: string;
  readonly items: readonly string[];
}

export interface IdentificationMessageRecord {
  readonly type: 'identification-message';
  readonly attemptId: string;
  readonly at: string;
  readonly seller: string;
}

export type AuditRecord = HeaderRecord | AttemptRecord | TransitionRecord | DncRequestRecord | DisclosureRecord | IdentificationMessageRecord;

/** Where audit lines go: a file, memory in tests, or nowhere. */
export interface AuditSink {
  write(record: AuditRecord): void;
  close(): void;
  /**
   * True when the sink serializes the records it is given, or reads their fields, and keeps and copies none: it may
   * then be given attempt records built on demand from the screening (`ScreenedAttemptRecord`), whose fields a copy
   * by spread would not see. Absent, a sink is given plain records.
   */
  readonly serializesOnly?: boolean;
}

/**
 * Writes the log to a file through an `AuditLineWriter`: each record encoded straight into a 1 MiB buffer, the buffer
 * written to the file when full. One write per record would dominate a large run.
 */
export class FileAuditSink implements AuditSink {
  readonly serializesOnly = true;
  readonly #fd: number;
  readonly #writer: AuditLineWriter;
  #bytesWritten = 0;

  constructor(path: string) {
    const fd = openSync(path, 'w');
    this.#fd = fd;
    this.#writer = new AuditLineWriter((bytes) => {
      // writeSync may write less than asked (a full disk, a pipe): the rest is written until all of it is.
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      this.#bytesWritten += bytes.length;
    });
  }

  write(record: AuditRecord): void {
    this.#writer.write(record);
  }

  get bytesWritten(): number {
    return this.#bytesWritten;
  }

  close(): void {
    this.#writer.flush();
    closeSync(this.#fd);
  }
}

/** Keeps the lines in memory: for tests and small scenarios. */
export class MemoryAuditSink implements AuditSink {
  readonly serializesOnly = true;
  readonly lines: string[] = [];

  write(record: AuditRecord): void {
    this.lines.push(auditLine(record));
  }

  close(): void {}

  records(): AuditRecord[] {
    return this.lines.map((line) => JSON.parse(line) as AuditRecord);
  }
}

export const NULL_AUDIT_SINK: AuditSink = { write: () => {}, close: () => {}, serializesOnly: true };
