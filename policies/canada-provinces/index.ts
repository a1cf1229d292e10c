import type { PolicyPack } from '../../src/core/policy.js';
import { CANADA_REGIONS } from '../canada/index.js';
import { daysProvince } from './days-province.js';
import { frequencyProvince } from './frequency-province.js';
import { PROVINCE_TABLE } from './province-table.js';

/**
 * The provinces' own rules, from the province table: British Columbia's statutory-holiday ban and its one call in 30
 * days per offer (jurisdictions.md F2). Not a default pack: the check contract's Canadian rules are canadaPack's, so a
 * request or scenario opts in with `packs: [..., canada, canada-provinces]`. It adds to canadaPack's jurisdiction and
 * makes no number supported on its own.
 */
export const canadaProvincesPack: PolicyPack = {
  id: 'canada-provinces',
  title: 'Canadian provincial telemarketing rules (British Columbia), opt-in',
  version: '1',
  regions: CANADA_REGIONS,
  supportsRegions: false,
  policies: [daysProvince, frequencyProvince],
  citedFacts: PROVINCE_TABLE,
};

export { daysProvince, frequencyProvince };
export { PROVINCE_ROWS, PROVINCE_TABLE } from './province-table.js';
