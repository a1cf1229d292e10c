import type { PolicyPack } from '../../src/core/policy.js';
import { consentAutodialWireless } from './consent-autodial-wireless.js';
import { consentPrerecordedResidential } from './consent-prerecorded-residential.js';
import { dncInternal } from './dnc-internal.js';
import { dncNational } from './dnc-national.js';
import { dncRegistryStale } from './dnc-registry-stale.js';
import { hoursFederal } from './hours-federal.js';
import { jurisdictionUnsupported } from './jurisdiction-unsupported.js';
import { numberInvalid } from './number-invalid.js';
import { timezoneUnknown } from './timezone-unknown.js';

/** The US federal rules: TCPA (47 CFR 64.1200) and the Telemarketing Sales Rule (16 CFR 310). Order is report order. */
export const usFederalPack: PolicyPack = {
  id: 'us-federal',
  title: 'US federal telemarketing rules (TCPA and TSR)',
  policies: [
    numberInvalid,
    jurisdictionUnsupported,
    timezoneUnknown,
    hoursFederal,
    dncInternal,
    dncRegistryStale,
    dncNational,
    consentAutodialWireless,
    consentPrerecordedResidential,
  ],
};

export {
  consentAutodialWireless,
  consentPrerecordedResidential,
  dncInternal,
  dncNational,
  dncRegistryStale,
  hoursFederal,
  jurisdictionUnsupported,
  numberInvalid,
  timezoneUnknown,
};
