import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../src/core/seeded-random.js';
import { FileAuditSink, type AuditRecord, type AuditSink } from '../src/dialer/audit-log.js';
import { referenceAuditLine } from '../src/dialer/audit-record-json.js';
import { parseCampaignConfig, type Lead } from '../src/dialer/campaign-config.js';
import type { CampaignSummary } from '../src/dialer/campaign-summary.js';
import { simulateCampaign } from '../src/dialer/simulate-campaign.js';
import { InMemoryRegistry } from '../src/resolve/registry.js';
import { LifecycleStepper } from '../src/lifecycle/transitions.js';
import { nationalNumber } from './check-requests.js';

const LINE_TYPES = ['mobile', 'landline', 'unknown'] as const;

/** Leads generated one at a time as the simulator reads its batches, so the list itself never sits in memory. */
function* generatedLeads(count: number, seed: number): Generator<Lead> {
  const random = seededRandom(seed);
  for (let index = 0; index < count; index++) {
    const lineType = LINE_TYPES[Math.floor(random() * 3)]!;
    const consented = random() < 0.6;
    yield {
      id: `L${index}`,
      phone: `+1${nationalNumber(random)}`,
      lineType,
      business: random() < 0.05,
      timeZone: null,
      state: null,
      postalCode: null,
      netWorth: null,
      income: null,
      occupation: null,
      consents: consented ? [{ kind: 'prior-express-written', seller: 'acme', grantedAt: Date.UTC(2025, 5, 1), revokedAt: null }] : [],
      relationship: { lastTransactionAt: null, lastInquiryAt: null },
    };
  }
}

/**
 * The file sink as it was before the direct serializer: each record through JSON.stringify (`referenceAuditLine`)
 * into a string, the string written when it reaches 2^20 characters. The bench runs it beside `FileAuditSink` in the
 * same process, so the gain of writing records directly is measured on the same machine load, and checks the two
 * logs are the same bytes.
 */
export class StringifyFileAuditSink implements AuditSink {
  readonly #fd: number;
  #buffer = '';
  bytesWritten = 0;

  constructor(path: string) {
    this.#fd = openSync(path, 'w');
  }

  write(record: AuditRecord): void {
    this.#buffer += `${referenceAuditLine(record)}\n`;
    if (this.#buffer.length >= 1 << 20) this.#flush();
  }

  #flush(): void {
    if (this.#buffer.length > 0) this.bytesWritten += writeSync(this.#fd, this.#buffer);
    this.#buffer = '';
  }

  close(): void {
    this.#flush();
    closeSync(this.#fd);
  }
}

export interface CampaignBenchResult {
  readonly attempts: number;
  readonly seconds: number;
  readonly auditBytes: number;
  /** SHA-256 of the audit log, when asked for (`hashLog`). */
  readonly auditSha256: string | null;
  readonly summary: CampaignSummary;
}

export interface CampaignBenchOptions {
  /** The baseline passes a stepper without a cache, which asks xstate's transition() for every step. */
  readonly stepper?: LifecycleStepper;
  /** `reference`: the log written through JSON.stringify (`StringifyFileAuditSink`); `direct` by default. */
  readonly audit?: 'direct' | 'reference';
  /** Hash the log before deleting it (not timed). */
  readonly hashLog?: boolean;
}

/**
 * A predictive campaign of `leads` leads and 200 agents through the screening engine and the lifecycle machine,
 * its audit log written to a temporary file (deleted afterwards).
 */
export function runCampaignBench(leads: number, seed: number, options: CampaignBenchOptions = {}): CampaignBenchResult {
  const config = parseCampaignConfig({
    seed,
    seller: 'acme',
    start: '2026-03-02T08:00:00-05:00',
    days: 30,
    mode: 'predictive',
    agents: { count: 200, shift: { start: '09:00', end: '20:00', timeZone: 'America/New_York' }, talkSeconds: 120 },
    batchSize: 5_000,
    outcomeModel: { preset: 'cold-calling-article' },
  });
  const random = seededRandom(seed ^ 0xbeef);
  const national = new InMemoryRegistry(Array.from({ length: 100_000 }, () => `+1${nationalNumber(random)}`));
  const path = join(tmpdir(), `dialsim-bench-audit-${process.pid}.jsonl`);
  const audit = options.audit === 'reference' ? new StringifyFileAuditSink(path) : new FileAuditSink(path);
  const started = process.hrtime.bigint();
  const summary = simulateCampaign({
    config,
    leads: generatedLeads(leads, seed),
    audit,
    registries: { national: { syncedAt: Date.UTC(2026, 2, 1), numbers: national } },
    // The generated leads' ids are their index: unique, so finished leads are let go.
    leadIds: 'unique',
    ...(options.stepper && { stepper: options.stepper }),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const auditSha256 = options.hashLog ? fileSha256(path) : null;
  rmSync(path, { force: true });
  return { attempts: summary.attempts, seconds, auditBytes: audit.bytesWritten, auditSha256, summary };
}

/** A file's SHA-256, read a block at a time (the log is larger than the memory the bench may use). */
function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const block = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let read = readSync(fd, block); read > 0; read = readSync(fd, block)) hash.update(block.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * The floor for the same campaign: what any simulator must do whatever its rules and its dialer. Generates the
 * same leads, as the simulator reads them, and writes an audit log of the same size (`attempts` lines of the same
 * mean length) to a temporary file in 1 MiB writes; no lead is dialed or screened, no record built. Returns the
 * attempts per second it stands for, and the bytes it wrote.
 */
export function runCampaignFloor(leads: number, seed: number, attempts: number, auditBytes: number): { attemptsPerSecond: number; bytesWritten: number } {
  const path = join(tmpdir(), `dialsim-bench-floor-${process.pid}.jsonl`);
  const lineBytes = Math.max(1, Math.round(auditBytes / attempts));
  const line = Buffer.alloc(lineBytes, 0x78);
  line[lineBytes - 1] = 10;
  const buffer = Buffer.allocUnsafe(1 << 20);
  const started = process.hrtime.bigint();
  let read = 0;
  for (const lead of generatedLeads(leads, seed)) if (lead.id !== '') read++;
  const fd = openSync(path, 'w');
  let bytesWritten = 0;
  try {
    let used = 0;
    for (let written = 0; written < attempts; written++) {
      if (used + lineBytes > buffer.length) {
        bytesWritten += writeSync(fd, buffer, 0, used);
        used = 0;
      }
      used += line.copy(buffer, used);
    }
    bytesWritten += writeSync(fd, buffer, 0, used);
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (read !== leads) throw new Error(`campaign floor read ${read} of ${leads} leads`);
  return { attemptsPerSecond: attempts / seconds, bytesWritten };
}
