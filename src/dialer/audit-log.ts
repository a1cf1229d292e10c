import { closeSync, openSync, writeSync } from 'node:fs';
import type { Exemption, Violation } from '../core/decision.js';

/**
 * The audit log: one JSON object per line, written as the simulation runs and never held whole in memory. Keys are
 * written in a fixed order and every value derives from the inputs and the seed, so the same run gives the same
 * bytes. The format is public (docs/audit-log.md).
 */

export interface AttemptRecord {
  readonly type: 'attempt';
  readonly attemptId: string;
  readonly leadId: string;
  readonly to: string;
  readonly at: string;
  readonly method: string;
  readonly purpose: string;
  readonly verdict: 'allow' | 'block';
  readonly violations: readonly Violation[];
  readonly exemptions: readonly Exemption[];
  readonly timeZones: readonly string[];
  readonly localTimes: readonly string[];
  /** Candidate states or provinces of the callee, sorted. */
  readonly states: readonly string[];
}

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

export type AuditRecord = AttemptRecord | TransitionRecord | DncRequestRecord | DisclosureRecord | IdentificationMessageRecord;

/** Where audit lines go: a file, memory in tests, or nowhere. */
export interface AuditSink {
  write(record: AuditRecord): void;
  close(): void;
}

/** Buffers lines and writes them to a file in large blocks: one write per record would dominate a large run. */
export class FileAuditSink implements AuditSink {
  readonly #fd: number;
  #buffer = '';
  #bytesWritten = 0;

  constructor(path: string) {
    this.#fd = openSync(path, 'w');
  }

  write(record: AuditRecord): void {
    this.#buffer += `${JSON.stringify(record)}\n`;
    if (this.#buffer.length >= 1 << 20) this.#flush();
  }

  #flush(): void {
    if (this.#buffer.length > 0) this.#bytesWritten += writeSync(this.#fd, this.#buffer);
    this.#buffer = '';
  }

  get bytesWritten(): number {
    return this.#bytesWritten;
  }

  close(): void {
    this.#flush();
    closeSync(this.#fd);
  }
}

/** Keeps the lines in memory: for tests and small scenarios. */
export class MemoryAuditSink implements AuditSink {
  readonly lines: string[] = [];

  write(record: AuditRecord): void {
    this.lines.push(JSON.stringify(record));
  }

  close(): void {}

  records(): AuditRecord[] {
    return this.lines.map((line) => JSON.parse(line) as AuditRecord);
  }
}

export const NULL_AUDIT_SINK: AuditSink = { write: () => {}, close: () => {} };
