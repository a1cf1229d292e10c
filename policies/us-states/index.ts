import type { PolicyPack } from '../../src/core/policy.js';
import { US_REGIONS } from '../us-federal/index.js';
import { daysState } from './days-state.js';
import { dncState } from './dnc-state.js';
import { frequencyState } from './frequency-state.js';
import { hoursState } from './hours-state.js';
import { stateUnknown } from './state-unknown.js';
import { STATE_TABLE } from './state-table.js';

/**
 * US state law: each candidate state's own calling window, banned days, call cap and do-not-call list, from the state
 * table (one zod-checked row per state under states/). Bump `version` whenever a row changes meaning.
 */
export const usStatesPack: PolicyPack = {
  id: 'us-states',
  title: 'US state telemarketing laws (calling windows, banned days, call caps, state do-not-call lists)',
  version: '1',
  regions: US_REGIONS,
  policies: [stateUnknown, hoursState, daysState, frequencyState, dncState],
  citedFacts: STATE_TABLE,
};

export { daysState, dncState, frequencyState, hoursState, stateUnknown };
export { STATE_TABLE, STATE_ROWS } from './state-table.js';
