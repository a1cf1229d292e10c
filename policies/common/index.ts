import type { PolicyPack } from '../../src/core/policy.js';
import { dncInternal } from './dnc-internal.js';
import { jurisdictionUnsupported } from './jurisdiction-unsupported.js';
import { numberInvalid } from './number-invalid.js';
import { timezoneUnknown } from './timezone-unknown.js';

/**
 * The rules screened whatever packs are chosen (../shared/check-contract.md, Packs): an undialable number or one no
 * pack covers stops the screening, a number that asked the seller to stop is never called in any jurisdiction, and
 * the guard that blocks when a time-of-day rule cannot find the callee's local time serves every pack.
 */
export const commonPack: PolicyPack = {
  id: 'common',
  title: 'Rules screened in every jurisdiction',
  version: '2',
  policies: [numberInvalid, jurisdictionUnsupported, timezoneUnknown, dncInternal],
};

export { dncInternal, jurisdictionUnsupported, numberInvalid, timezoneUnknown };
