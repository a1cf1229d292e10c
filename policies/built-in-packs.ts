import type { PolicyPack } from '../src/core/policy.js';
import { canadaProvincesPack } from './canada-provinces/index.js';
import { canadaPack } from './canada/index.js';
import { commonPack } from './common/index.js';
import { finraPack } from './finra/index.js';
import { usFederalPack } from './us-federal/index.js';
import { usStatesPack } from './us-states/index.js';

/**
 * Every built-in jurisdiction pack, in report order: the one list a new pack is added to. Requests, scenarios and
 * the `--packs` flag choose among them by id. `commonPack` is always in force.
 */
export const BUILT_IN_PACKS: readonly PolicyPack[] = [usFederalPack, usStatesPack, canadaPack, finraPack, canadaProvincesPack];

/**
 * The packs screened when nothing names any: the check contract's four (../shared/check-contract.md, "Packs"). The
 * provincial layer is chosen by name: its rules are not among the contract's Canadian rules, and a default that
 * blocked calls the contract allows would break every client that relies on it.
 */
export const DEFAULT_PACK_IDS: readonly string[] = ['us-federal', 'us-states', 'canada', 'finra'];

export { commonPack };
