import { US_TERRITORIES } from '../../src/core/jurisdiction-codes.js';
import type { PolicyPack } from '../../src/core/policy.js';
import { consentAutodialWireless } from './consent-autodial-wireless.js';
import { consentPrerecordedResidential } from './consent-prerecorded-residential.js';
import { dncNational } from './dnc-national.js';
import { dncRegistryStale } from './dnc-registry-stale.js';
import { hoursFederal } from './hours-federal.js';

/** The United States and its territories, as libphonenumber names their regions. */
export const US_REGIONS: readonly string[] = ['US', ...US_TERRITORIES];

/** The US federal rules: TCPA (47 CFR 64.1200) and the Telemarketing Sales Rule (16 CFR 310). Order is report order. */
export const usFederalPack: PolicyPack = {
  id: 'us-federal',
  title: 'US federal telemarketing rules (TCPA and TSR)',
  version: '2',
  regions: US_REGIONS,
  policies: [hoursFederal, dncRegistryStale, dncNational, consentAutodialWireless, consentPrerecordedResidential],
};

export { consentAutodialWireless, consentPrerecordedResidential, dncNational, dncRegistryStale, hoursFederal };
