/**
 * Issue 12 §3: the text summary must add up. A reached lead still due a callback was counted as both reached and
 * unfinished, and a reached lead later set aside as both reached and blocked out, so the counts came to more than
 * the leads loaded. Each lead now ends in exactly one count.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NULL_AUDIT_SINK } from '../../src/dialer/audit-log.js';
import { parseCampaignConfig, parseLead } from '../../src/dialer/campaign-config.js';
import { simulateCampaign } from '../../src/dialer/simulate-campaign.js';
import { scenarioText } from '../../src/cli/scenario-text.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario } from '../../src/scenario/run-scenario.js';
import { packForScenarioFile } from '../../src/scenario/scenario-pack.js';

const scenariosDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'scenarios');
const files = readdirSync(scenariosDir).filter((name) => name.endsWith('.yaml')).sort();

async function run(name: string) {
  const file = join(scenariosDir, name);
  const pack = await packForScenarioFile(file);
  return runScenario(loadScenario(file, { pack }), { pack });
}

describe('the lead counts of a campaign add up', () => {
  it.each(files)('%s: reached + exhausted + blocked out + unfinished + filtered out = loaded, and the text shows each', async (name) => {
    const result = await run(name);
    if (result.campaign === null) return;
    const { leads } = result.campaign;
    expect(leads.reached + leads.exhausted + leads.blockedOut + leads.unfinished + leads.filteredOut).toBe(leads.loaded);
    expect(leads.doNotCall).toBeLessThanOrEqual(leads.reached);
    const line = scenarioText(result, name).split('\n').find((text) => text.startsWith('  campaign '))!;
    expect(line).toContain(
      `: ${leads.loaded} leads = ${leads.reached} reached (${leads.doNotCall} asked not to be called) + ${leads.exhausted} exhausted + ${leads.blockedOut} blocked out + ${leads.unfinished} unfinished + ${leads.filteredOut} filtered out`,
    );
  });

  it('a reached lead still due a callback when the days run out counts once, as reached', () => {
    // Every call is answered and asks to be called back in 24 hours; the campaign lasts one day.
    const config = parseCampaignConfig({
      seed: 1,
      seller: 'acme',
      start: '2026-03-02T09:00:00-05:00',
      days: 1,
      mode: 'manual',
      agents: { count: 1, shift: { start: '09:00', end: '17:00', timeZone: 'America/New_York' } },
      outcomeModel: { preset: 'field-study', overrides: { notInService: 0, busy: 0, answeringMachine: 0, answered: 1, outcomes: { meeting: 0, callback: 1, doNotCall: 0, rejected: 0, sale: 0 } } },
    });
    const leads = Array.from({ length: 3 }, (_, index) => parseLead({ id: `L${index}`, phone: `+1212555${1000 + index}`, lineType: 'landline', business: true }, `leads[${index}]`));
    const summary = simulateCampaign({ config, leads, audit: NULL_AUDIT_SINK });
    const { loaded, reached, exhausted, blockedOut, unfinished, filteredOut } = summary.leads;
    expect(reached).toBeGreaterThan(0);
    expect(reached + exhausted + blockedOut + unfinished + filteredOut).toBe(loaded);
  });
});
