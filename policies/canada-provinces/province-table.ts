import type { StateRow } from '../us-states/state-row.js';
import { britishColumbia } from './provinces/british-columbia.js';

/**
 * The provinces whose own telemarketing law adds to Canada's federal rules, one file each under provinces/, in the
 * same zod-checked shape as the state table (jurisdictions.md F2 found British Columbia's; Newfoundland's St.
 * Patrick's Day ban has no statute located, so it is not encoded).
 */
export const PROVINCE_TABLE: readonly StateRow[] = [britishColumbia];

export const PROVINCE_ROWS: ReadonlyMap<string, StateRow> = new Map(PROVINCE_TABLE.map((row) => [row.state, row]));
