import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { packForScenarioFile } from '../../src/scenario/scenario-pack.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario } from '../../src/scenario/run-scenario.js';
import { drillCard, renderCardText } from '../../src/training/drill-card.js';
import { drillsFromScenario } from '../../src/training/scenario-drills.js';

const SCENARIOS = readdirSync('scenarios').filter((name) => name.endsWith('.yaml')).sort();

describe('drillsFromScenario', () => {
  it.each(SCENARIOS)('%s: each dial step is a drill whose engine answer is the decision the scenario run recorded', async (name) => {
    const pack = await packForScenarioFile(`scenarios/${name}`);
    const loaded = loadScenario(`scenarios/${name}`, { pack });
    const recorded = runScenario(loaded, { pack })
      .steps.filter((outcome) => outcome.attempt !== undefined)
      .map((outcome) => ({
        verdict: outcome.attempt!.record.verdict,
        rules: outcome.attempt!.record.violations.map((violation) => violation.rule),
        exemptions: outcome.attempt!.record.exemptions.map((exemption) => exemption.rule),
      }));
    expect(drillsFromScenario(loaded).map((drill) => drill.key)).toEqual(recorded);
  });

  it('05-autodial-mobile-consent: Ned\'s Thursday call carries the consent revoked on Wednesday evening', () => {
    const drills = drillsFromScenario(loadScenario('scenarios/05-autodial-mobile-consent.yaml', { pack: packsInForce() }));
    const thursday = drills.find((drill) => drill.id === '05-autodial-mobile-consent#ned-thursday')!;
    expect(thursday.key).toEqual({ verdict: 'block', rules: ['consent.autodial-wireless'], exemptions: [] });
    expect(renderCardText(drillCard(thursday))).toContain(
      'Consent:       Prior express written consent to acme, given 2026-01-20 00:00 UTC (1 month 20 days before the call), revoked 2026-03-12 01:42 UTC (15 hours 38 minutes before the call).',
    );
    expect(renderCardText(drillCard(thursday))).toContain('Dialing:       You are on the predictive dialer (an autodialer).');
  });
});

describe('drill card', () => {
  it('208 without an address: every candidate zone with its clock, in sales-floor words', () => {
    const drills = drillsFromScenario(loadScenario('scenarios/07-multi-zone-area-code.yaml', { pack: packsInForce() }));
    const cards = drills.map((drill) => renderCardText(drillCard(drill)));
    expect(cards.some((card) => /The area code covers 3 zones and there is no address on file: it is \d\d:\d\d in Boise \(America\/Boise\)/.test(card))).toBe(true);
  });
});
