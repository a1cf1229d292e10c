import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../src/core/seeded-random.js';
import { FileAuditSink } from '../src/dialer/audit-log.js';
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

export interface CampaignBenchResult {
  readonly attempts: number;
  readonly seconds: number;
  readonly auditBytes: number;
  readonly summary: CampaignSummary;
}

/**
 * A predictive campaign of `leads` leads and 200 agents through the screening engine and the lifecycle machine,
 * its audit log written to a temporary file (deleted afterwards). The baseline passes a stepper without a cache,
 * which asks xstate's transition() for every step.
 */
export function runCampaignBench(leads: number, seed: number, stepper?: LifecycleStepper): CampaignBenchResult {
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
  const audit = new FileAuditSink(path);
  const started = process.hrtime.bigint();
  const summary = simulateCampaign({
    config,
    leads: generatedLeads(leads, seed),
    audit,
    registries: { national: { syncedAt: Date.UTC(2026, 2, 1), numbers: national } },
    ...(stepper && { stepper }),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(path, { force: true });
  return { attempts: summary.attempts, seconds, auditBytes: audit.bytesWritten, summary };
}
