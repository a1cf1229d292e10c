import type { PolicyPack } from '../../src/core/policy.js';
import { consentAdadCanada } from './consent-adad-canada.js';
import { dncCanada } from './dnc-canada.js';
import { dncCanadaStale } from './dnc-canada-stale.js';
import { hoursCanada } from './hours-canada.js';
import { CANADA_FACTS } from './canada-facts.js';

/** libphonenumber's region for Canadian numbers. */
export const CANADA_REGIONS: readonly string[] = ['CA'];

/**
 * Canada's federal rules (CRTC Unsolicited Telecommunications Rules and the Telecommunications Act's DNCL
 * exemptions), for Canadian numbers. Facts with their marks: canada-facts.ts. Bump `version` when one changes meaning.
 */
export const canadaPack: PolicyPack = {
  id: 'canada',
  title: 'Canadian telemarketing rules (CRTC Unsolicited Telecommunications Rules, National DNCL)',
  version: '1',
  regions: CANADA_REGIONS,
  policies: [hoursCanada, dncCanadaStale, dncCanada, consentAdadCanada],
  citedFacts: CANADA_FACTS,
};

export { consentAdadCanada, dncCanada, dncCanadaStale, hoursCanada };
export { CANADA_FACTS } from './canada-facts.js';
