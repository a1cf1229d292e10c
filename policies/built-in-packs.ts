import type { PolicyPack } from '../src/core/policy.js';
import { canadaPack } from './canada/index.js';
import { commonPack } from './common/index.js';
import { finraPack } from './finra/index.js';
import { usFederalPack } from './us-federal/index.js';
import { usStatesPack } from './us-states/index.js';

/**
 * Every built-in jurisdiction pack, in report order: the one list a new pack is added to. Requests, scenarios and
 * the `--packs` flag choose among them by id; the default is all of them. `commonPack` is always in force.
 */
export const BUILT_IN_PACKS: readonly PolicyPack[] = [usFederalPack, usStatesPack, canadaPack, finraPack];

export { commonPack };
