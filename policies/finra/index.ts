import type { PolicyPack } from '../../src/core/policy.js';
import { US_REGIONS } from '../us-federal/index.js';
import { dncFinra } from './dnc-finra.js';
import { hoursFinra } from './hours-finra.js';
import { FINRA_FACTS } from './finra-facts.js';

/**
 * FINRA Rule 3230, the telemarketing rule of broker-dealers (FINRA member firms): it covers their calls to US numbers
 * (`caller.kind: broker-dealer`) and no one else's. Facts with their marks: finra-facts.ts.
 */
export const finraPack: PolicyPack = {
  id: 'finra',
  title: 'FINRA Rule 3230 (broker-dealer telemarketing)',
  version: '1',
  regions: US_REGIONS,
  // Its rules add to the US federal pack's: chosen alone, it screens no number (contract: only us-federal and canada
  // make a country supported).
  supportsRegions: false,
  applies: (facts) => facts.callerKind === 'broker-dealer',
  policies: [hoursFinra, dncFinra],
  citedFacts: FINRA_FACTS,
};

export { dncFinra, hoursFinra };
export { FINRA_FACTS } from './finra-facts.js';
