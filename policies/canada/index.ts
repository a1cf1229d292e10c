import type { PolicyPack } from '../../src/core/policy.js';
import { consentAdadCanada } from './consent-adad-canada.js';
import { daysProvince } from './days-province.js';
import { frequencyProvince } from './frequency-province.js';
import { dncCanada } from './dnc-canada.js';
import { dncCanadaStale } from './dnc-canada-stale.js';
import { hoursCanada } from './hours-canada.js';

/** libphonenumber's region for Canadian numbers. */
export const CANADA_REGIONS: readonly string[] = ['CA'];

/**
 * Canada's federal rules (CRTC Unsolicited Telecommunications Rules and the Telecommunications Act's DNCL
 * exemptions), for Canadian numbers, and the provinces' own rules from the province table (British Columbia's
 * holiday ban and call cap). Facts with their marks: canada-facts.ts and provinces/. Bump `version` when one changes
 * meaning.
 */
export const canadaPack: PolicyPack = {
  id: 'canada',
  title: 'Canadian telemarketing rules (CRTC Unsolicited Telecommunications Rules, National DNCL, provincial rules)',
  version: '1',
  regions: CANADA_REGIONS,
  policies: [hoursCanada, dncCanadaStale, dncCanada, consentAdadCanada, daysProvince, frequencyProvince],
};

export { consentAdadCanada, daysProvince, dncCanada, dncCanadaStale, frequencyProvince, hoursCanada };
export { PROVINCE_ROWS, PROVINCE_TABLE } from './province-table.js';
export { CANADA_FACTS } from './canada-facts.js';
