import { parseCampaignConfig, parseLead, type CampaignConfig, type CampaignConfigInput, type Lead } from '../../src/dialer/campaign-config.js';
import { seededRandom } from '../../src/core/seeded-random.js';

const AREA_CODES = ['212', '617', '305', '312', '214', '303', '602', '415', '206', '808'];

/** A campaign configuration with defaults (30 days from Monday 2 March 2026, 10 agents 09:00-20:00 New York). */
export function aCampaign(overrides: Partial<CampaignConfigInput> = {}): CampaignConfig {
  return parseCampaignConfig({
    seed: 7,
    seller: 'acme',
    start: '2026-03-02T08:00:00-05:00',
    days: 30,
    mode: 'manual',
    agents: { count: 10, shift: { start: '09:00', end: '20:00', timeZone: 'America/New_York' } },
    ...overrides,
  });
}

/** `count` leads across ten US area codes, landlines by default, with seeded numbers. */
export function someLeads(count: number, overrides: Partial<Record<string, unknown>> = {}, seed = 1): Lead[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const areaCode = AREA_CODES[index % AREA_CODES.length]!;
    const exchange = 200 + Math.floor(random() * 800);
    const line = String(Math.floor(random() * 10_000)).padStart(4, '0');
    return parseLead({ id: `L${index + 1}`, phone: `+1${areaCode}${exchange}${line}`, lineType: 'landline', ...overrides }, `leads[${index}]`);
  });
}
