import { describe, expect, it } from 'vitest';
import { MemoryAuditSink } from '../../../src/dialer/audit-log.js';
import { ComplianceMonitor } from '../../../src/dialer/breaches/compliance-monitor.js';
import { CallRecorder, disclosureItems, type CallContext } from '../../../src/dialer/call-recorder.js';
import type { LineResponse } from '../../../src/dialer/outcome-model.js';
import { simulateCampaign } from '../../../src/dialer/simulate-campaign.js';
import { MIN_RING_MS } from '../../../src/lifecycle/call-machine.js';
import { LifecycleStepper } from '../../../src/lifecycle/transitions.js';
import { InMemoryRegistry, withLiveInternalList } from '../../../src/resolve/registry.js';
import { defaultStrategy } from '../../../src/resolve/resolve-attempt.js';
import { aCampaign, someLeads } from '../../support/campaign.js';

/** Every campaign checks the campaign-level obligations from its own records and returns the breaches in its summary. */

const registries = () => ({ national: { syncedAt: Date.parse('2026-03-01T00:00:00Z'), numbers: new InMemoryRegistry() } });
const busyFloor = {
  mode: 'predictive' as const,
  days: 5,
  agents: { count: 5, shift: { start: '09:00', end: '20:00', timeZone: 'America/New_York' }, talkSeconds: 300 },
  outcomeModel: { preset: 'field-study' as const, overrides: { notInService: 0.05, answered: 0.6 } },
};

describe('campaign breaches', () => {
  it('a predictive floor that never backs off breaches abandonment.rate, at the rate the summary measured', () => {
    const summary = simulateCampaign({ config: aCampaign({ ...busyFloor, pacing: { maxLinesPerAgent: 3, adaptive: false } }), leads: someLeads(1000), registries: registries(), audit: new MemoryAuditSink() });
    const us = summary.abandonment.byJurisdiction.find((entry) => entry.jurisdiction === 'US')!;
    expect(us.overCap).toBe(true);
    expect(summary.breaches).toMatchObject([{ rule: 'abandonment.rate', jurisdiction: 'US', confidence: 'P', data: { rate: `${(us.maxRate * 100).toFixed(2)}%`, cap: '3%' } }]);
  });

  it("the floor's own looser cap does not excuse it: pacing kept under 10% still breaches the law's 3%", () => {
    const summary = simulateCampaign({ config: aCampaign({ ...busyFloor, pacing: { abandonCap: 0.1, maxLinesPerAgent: 3, adaptive: true } }), leads: someLeads(1000), registries: registries(), audit: new MemoryAuditSink() });
    expect(summary.abandonment.maxRollingRate).toBeGreaterThan(0.03);
    expect(summary.abandonment.maxRollingRate).toBeLessThanOrEqual(0.1);
    expect(summary.breaches?.map((breach) => breach.rule)).toEqual(['abandonment.rate']);
  });

  it('a floor that keeps every obligation has no breaches', () => {
    const summary = simulateCampaign({ config: aCampaign({ ...busyFloor, pacing: { maxLinesPerAgent: 3, adaptive: true } }), leads: someLeads(1000), registries: registries(), audit: new MemoryAuditSink() });
    expect(summary.abandoned).toBeGreaterThan(0);
    expect(summary.breaches).toEqual([]);
  });

  it('finds a breach from what the run recorded: a dialer that hangs up after 10 s while telling the machine it rang 15', () => {
    const strategy = defaultStrategy();
    const audit = new MemoryAuditSink();
    const compliance = new ComplianceMonitor(audit, (e164) => strategy.number(e164).region);
    const internalList = new InMemoryRegistry();
    const config = aCampaign({ mode: 'manual', days: 2 });
    /** Gives up on an unanswered line 10 s after the first ring; the event still claims the full ring time. */
    class ImpatientRecorder extends CallRecorder {
      override ring(call: CallContext, response: LineResponse, ringAt: number, pickupMs: number): number {
        if (response !== 'no-answer') return super.ring(call, response, ringAt, pickupMs);
        this.advance(call, { type: 'call.ringing' }, ringAt);
        this.advance(call, { type: 'call.ring-timeout', rangMs: MIN_RING_MS }, ringAt + 10_000);
        return ringAt + 10_000;
      }
    }
    const recorder = new ImpatientRecorder({ audit: compliance, stepper: new LifecycleStepper(), strategy, registries: withLiveInternalList(registries(), internalList), internalList, seller: 'acme', disclosureItems: disclosureItems(config) });
    const summary = simulateCampaign({ config, leads: someLeads(200), registries: registries(), audit, recorder, compliance, strategy });
    expect(summary.lineResponses['no-answer']).toBeGreaterThan(0);
    expect(summary.breaches).toMatchObject([{ rule: 'ring.duration', jurisdiction: 'US', occurrences: summary.lineResponses['no-answer'], data: { rangSeconds: 10 } }]);
  });

  it('says the breaches were not checked (null) when given a recorder but not the monitor in its sink chain', () => {
    const strategy = defaultStrategy();
    const audit = new MemoryAuditSink();
    const internalList = new InMemoryRegistry();
    const config = aCampaign({ mode: 'manual', days: 1 });
    const recorder = new CallRecorder({ audit, stepper: new LifecycleStepper(), strategy, registries: withLiveInternalList(registries(), internalList), internalList, seller: 'acme', disclosureItems: disclosureItems(config) });
    expect(simulateCampaign({ config, leads: someLeads(20), registries: registries(), audit, recorder }).breaches).toBeNull();
  });
});
