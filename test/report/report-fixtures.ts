import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario, type ScenarioResult } from '../../src/scenario/run-scenario.js';
import { scratchDir } from '../support/scratch-dir.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const AREA_CODES = ['212', '617', '305', '312', '214', '303', '602', '415', '206'];

/** 900 leads over nine area codes and the four continental zones: every fifth a mobile, every ninth on the registry. */
function leadRows(): { csv: string; registry: string[]; consenting: string[] } {
  const rows = ['id,phone,lineType'];
  const registry: string[] = [];
  const consenting: string[] = [];
  for (let index = 0; index < 900; index++) {
    const areaCode = AREA_CODES[index % AREA_CODES.length]!;
    const phone = `+1${areaCode}55501${String(Math.floor(index / AREA_CODES.length) % 100).padStart(2, '0')}`;
    const id = `L${index + 1}`;
    const mobile = index % 5 === 4;
    rows.push(`${id},${phone},${mobile ? 'mobile' : 'landline'}`);
    if (index % 9 === 3) registry.push(phone);
    if (mobile && index % 3 === 0) consenting.push(id);
  }
  return { csv: `${rows.join('\n')}\n`, registry, consenting };
}

function campaignScenario(consenting: readonly string[], registry: readonly string[]): string {
  return `title: A predictive floor that does not back off
notes: |
  Two agents on a predictive dialer that always dials two lines per free agent.
  Mobiles without written consent are blocked, registry numbers are blocked, and early calls west are blocked
  until the window opens there; the abandonment rate climbs over the 3% cap.
seller: acme
seed: 11
clock:
  start: 2026-03-02T08:00:00-05:00
  days: 21
dialer:
  mode: predictive
  agents: { count: 2, shift: { start: "07:30", end: "20:30", timeZone: America/New_York } }
  pacing: { maxLinesPerAgent: 2, adaptive: false }
  retry: { maxAttempts: 6, minSpacingHours: 48 }
outcomeModel:
  preset: cold-calling-article
  overrides: { answered: 0.35, outcomes: { rejected: 0.5, callback: 0.1, meeting: 0.2, sale: 0.17, doNotCall: 0.03 } }
leads: { file: leads.csv }
registries:
  national:
    syncedAt: 2026-02-20
    numbers: [${registry.map((phone) => `"${phone}"`).join(', ')}]
consents:
${consenting.map((lead) => `  - { lead: ${lead}, kind: prior-express-written, grantedAt: 2026-01-05 }`).join('\n')}
steps:
  - type: dial
    id: first-call
    lead: L1
    at: { local: "2026-03-02 07:45", zone: America/New_York }
    method: manual
campaign: true
expect:
  - { type: decision, step: first-call, verdict: block, rules: [hours.federal] }
  - { type: never-allowed, what: national-registry-without-exemption }
  - { type: never-allowed, what: outside-calling-hours }
  - { type: count, of: connects, atLeast: 1 }
  - { type: abandonment-rate, atMost: 0.03 }
`;
}

const QUIET_SCENARIO = `title: A request, and no calls
notes: A do-not-call request arrives by letter; nobody dials, so every chart is empty.
seller: acme
clock: { start: 2026-03-10T08:00:00-05:00 }
leads: [{ id: L1, phone: "(212) 555-0142", lineType: landline }]
steps:
  - { type: dnc-request, lead: L1, at: 2026-03-10T10:00:00-05:00 }
expect:
  - { type: count, of: dnc-requests, equals: 1 }
  - { type: count, of: attempts, equals: 0 }
`;

/**
 * Real results for the report tests: scenarios/01-single-call.yaml, a three-week predictive campaign written to a
 * temp directory (it fails its abandonment expectation on purpose), and a scenario with no attempts at all.
 */
export function reportFixtures(): { results: ScenarioResult[]; dir: string; cleanup: () => void } {
  const dir = scratchDir('report');
  const { csv, registry, consenting } = leadRows();
  writeFileSync(join(dir, 'leads.csv'), csv);
  writeFileSync(join(dir, 'predictive-floor.yaml'), campaignScenario(consenting, registry));
  writeFileSync(join(dir, 'quiet.yaml'), QUIET_SCENARIO);
  // The report is the subject, not state law: every fixture is screened with the federal rules alone.
  const pack = packsInForce({ packs: ['us-federal'] });
  const run = (file: string) => runScenario(loadScenario(file, { pack }), { pack });
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const results = [run(join(root, 'scenarios/01-single-call.yaml')), run(join(dir, 'predictive-floor.yaml')), run(join(dir, 'quiet.yaml'))];
    return { results, dir, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
