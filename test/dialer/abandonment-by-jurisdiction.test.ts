import { describe, expect, it } from 'vitest';
import { parseLead } from '../../src/dialer/campaign-config.js';
import { AbandonmentByJurisdiction, abandonmentJurisdiction } from '../../src/dialer/abandonment-by-jurisdiction.js';
import { MemoryAuditSink } from '../../src/dialer/audit-log.js';
import { simulateCampaign } from '../../src/dialer/simulate-campaign.js';
import { InMemoryRegistry } from '../../src/resolve/registry.js';
import { aCampaign, someLeads } from '../support/campaign.js';

const at = (iso: string) => Date.parse(iso);

describe('abandonment by jurisdiction', () => {
  it('measures US numbers over rolling 30-day windows against 3%, and Canadian numbers per calendar month against 5%', () => {
    const measured = new AbandonmentByJurisdiction();
    for (let i = 0; i < 100; i++) measured.record('US', 'answered', at('2026-03-10T15:00:00Z'));
    for (let i = 0; i < 4; i++) measured.record('US', 'abandoned', at('2026-03-10T15:00:00Z'));
    for (let i = 0; i < 100; i++) measured.record('CA', 'answered', at('2026-03-31T15:00:00Z'));
    for (let i = 0; i < 4; i++) measured.record('CA', 'abandoned', at('2026-03-31T15:00:00Z'));
    for (let i = 0; i < 10; i++) measured.record('CA', 'answered', at('2026-04-01T15:00:00Z'));
    measured.record(null, 'abandoned', at('2026-04-01T15:00:00Z'));

    const [us, ca] = measured.report();
    expect(us).toMatchObject({ jurisdiction: 'US', cap: 0.03, window: 'rolling-30-days', answered: 100, abandoned: 4, maxRate: 0.04, overCap: true, confidence: 'P' });
    // 4% of March's Canadian answers is under Canada's 5%, though it would be over the US cap.
    expect(ca).toMatchObject({ jurisdiction: 'CA', cap: 0.05, window: 'calendar-month', answered: 110, abandoned: 4, maxRate: 0.04, overCap: false, confidence: 'U' });
    expect(ca!.periods).toEqual([
      { period: '2026-03', answered: 100, abandoned: 4, rate: 0.04 },
      { period: '2026-04', answered: 10, abandoned: 0, rate: 0 },
    ]);
  });

  it("gives the pacer the current calendar month's Canadian counts, to the second either side of a month's end and back", () => {
    const measured = new AbandonmentByJurisdiction();
    measured.noteDialed('CA');
    measured.record('CA', 'answered', at('2026-03-31T23:59:59Z'));
    for (let i = 0; i < 2; i++) measured.record('CA', 'answered', at('2026-04-01T00:00:00Z'));
    measured.record('CA', 'abandoned', at('2026-02-28T12:00:00Z'));
    const counts = (iso: string) => measured.current(at(iso))[0];
    expect(counts('2026-03-31T23:59:59Z')).toEqual({ jurisdiction: 'CA', answered: 1, abandoned: 0 });
    expect(counts('2026-04-01T00:00:00Z')).toEqual({ jurisdiction: 'CA', answered: 2, abandoned: 0 });
    expect(counts('2026-03-01T00:00:00Z')).toEqual({ jurisdiction: 'CA', answered: 1, abandoned: 0 });
    expect(counts('2026-02-28T23:59:59Z')).toEqual({ jurisdiction: 'CA', answered: 0, abandoned: 1 });
    expect(counts('2026-05-01T00:00:00Z')).toEqual({ jurisdiction: 'CA', answered: 0, abandoned: 0 });
  });

  it('reports only the jurisdictions called', () => {
    const measured = new AbandonmentByJurisdiction();
    measured.record('CA', 'answered', at('2026-03-10T15:00:00Z'));
    expect(measured.report().map((entry) => entry.jurisdiction)).toEqual(['CA']);
    expect(new AbandonmentByJurisdiction().report()).toEqual([]);
  });

  it('knows the jurisdiction of a region: the US and its territories, Canada, and none elsewhere', () => {
    expect(['US', 'PR', 'GU', 'CA', 'JM', null].map((region) => abandonmentJurisdiction(region))).toEqual(['US', 'US', 'US', 'CA', null, null]);
  });

  it('a predictive campaign calling both countries reports each, and their answers add up to the campaign\'s', () => {
    const canadian = Array.from({ length: 150 }, (_, index) =>
      parseLead({ id: `C${index + 1}`, phone: `+1${index % 2 === 0 ? '416' : '514'}555${String(1000 + index).padStart(4, '0')}`, lineType: 'landline' }, `leads[${index}]`),
    );
    const audit = new MemoryAuditSink();
    const summary = simulateCampaign({
      config: aCampaign({ mode: 'predictive', pacing: { maxLinesPerAgent: 3, adaptive: false } }),
      leads: [...someLeads(150), ...canadian],
      registries: {
        national: { syncedAt: at('2026-03-01T00:00:00Z'), numbers: new InMemoryRegistry() },
        canada: { syncedAt: at('2026-03-01T00:00:00Z'), numbers: new InMemoryRegistry() },
      },
      audit,
    });
    const byJurisdiction = summary.abandonment.byJurisdiction;
    expect(summary.abandoned).toBeGreaterThan(0);
    expect(byJurisdiction.map((entry) => entry.jurisdiction)).toEqual(['US', 'CA']);
    const answeredLive = summary.connects + summary.abandoned;
    expect(byJurisdiction.reduce((sum, entry) => sum + entry.answered, 0)).toBe(answeredLive);
    expect(byJurisdiction.reduce((sum, entry) => sum + entry.abandoned, 0)).toBe(summary.abandoned);
    expect(byJurisdiction[1]!.periods.every((period) => /^\d{4}-\d{2}$/.test(period.period))).toBe(true);
  });
});

describe('predictive pacing by jurisdiction', () => {
  const busyFloor = {
    mode: 'predictive' as const,
    agents: { count: 5, shift: { start: '09:00', end: '20:00', timeZone: 'America/New_York' }, talkSeconds: 300 },
    outcomeModel: { preset: 'field-study' as const, overrides: { notInService: 0.05, answered: 0.6 } },
  };
  const canadianLeads = (count: number) =>
    Array.from({ length: count }, (_, index) => parseLead({ id: `C${index + 1}`, phone: `+1416${String(2_000_000 + index * 7).padStart(7, '0')}`, lineType: 'landline' }, `leads[${index}]`));
  const registries = {
    national: { syncedAt: at('2026-03-01T00:00:00Z'), numbers: new InMemoryRegistry() },
    canada: { syncedAt: at('2026-03-01T00:00:00Z'), numbers: new InMemoryRegistry() },
  };
  const run = (leads: ReturnType<typeof canadianLeads>, pacing: object = {}) =>
    simulateCampaign({ config: aCampaign({ ...busyFloor, days: 20, pacing: { maxLinesPerAgent: 3, adaptive: true, ...pacing } }), leads, registries, audit: new MemoryAuditSink() });

  it('a campaign calling both countries keeps each under its own cap', () => {
    const mixed = run([...someLeads(2000), ...canadianLeads(2000)]);
    const [us, ca] = mixed.abandonment.byJurisdiction;
    expect(mixed.abandoned).toBeGreaterThan(0);
    expect(us).toMatchObject({ jurisdiction: 'US', overCap: false });
    expect(ca).toMatchObject({ jurisdiction: 'CA', overCap: false });
  });

  it("a campaign calling only Canada is held to Canada's 5% per calendar month, and dials harder than at 3%", () => {
    const canadian = run(canadianLeads(4000));
    const heldTo3 = run(canadianLeads(4000), { abandonCap: 0.03 });
    const [ca] = canadian.abandonment.byJurisdiction;
    expect(ca).toMatchObject({ jurisdiction: 'CA', overCap: false });
    expect(ca!.maxRate).toBeLessThanOrEqual(0.05);
    // The floor's own cap applies to every country's calls when it sets one.
    expect(heldTo3.abandonment.byJurisdiction[0]!.maxRate).toBeLessThanOrEqual(0.03);
    expect(canadian.abandoned).toBeGreaterThan(heldTo3.abandoned);
  });
});
