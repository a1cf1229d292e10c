import type { ScreenOptions } from '../engine/screen.js';
import { loadPolicyModules } from '../policy-modules/load-policy-module.js';
import { adoptHolidayTable, holidayTable, type StateHolidayTable } from '../../policies/us-states/state-holidays.js';
import { adoptNumberingTables, shareNumberingTables, type SharedNumberingTables } from './shared-numbering-tables.js';
import { registriesFromShared, shareRegistries, type SharedRegistries } from './shared-registries.js';

/** What a worker thread needs to screen as the calling thread would: the options, in a form it can be sent. */
export interface SharedScreenOptions {
  readonly registries?: SharedRegistries;
  readonly packs?: readonly string[];
  /** The `--policy` modules, loaded again in each worker (a module's functions cannot be sent to another thread). */
  readonly policyModules?: readonly string[];
  /** The calling thread's area-code tables, so that no worker builds them again. */
  readonly numbering: SharedNumberingTables;
  /** The holidays the build saved, so that no worker reads and hashes the saved tables again for them. */
  readonly holidays: StateHolidayTable;
}

/**
 * Whether the options can be given to a worker: not custom packs given as objects rather than modules a worker
 * could load, nor one pack put together by the caller, nor a resolution strategy of its own (functions cannot be
 * sent to another thread). Those are screened in the calling thread.
 */
export function screenOptionsShareable(options: ScreenOptions, policyModules: readonly string[] | undefined): boolean {
  return options.pack === undefined && options.strategy === undefined && (options.custom === undefined || policyModules !== undefined);
}

/**
 * The options as a worker can be given them (`screenOptionsShareable` says when they can). Making them builds the
 * area-code tables, if nothing has yet: about 100 ms, which the workers spend loading their modules
 * (WorkerPool.start asks for the setup once they exist).
 */
export function shareScreenOptions(options: ScreenOptions, policyModules: readonly string[] | undefined): SharedScreenOptions {
  if (!screenOptionsShareable(options, policyModules)) throw new Error('these screen options cannot be given to a worker thread: check screenOptionsShareable first');
  return {
    ...(options.registries && { registries: shareRegistries(options.registries) }),
    ...(options.packs && { packs: options.packs }),
    ...(policyModules && { policyModules }),
    numbering: shareNumberingTables(),
    holidays: holidayTable(),
  };
}

/** The options in a worker, reading the registries the calling thread shared; `timeRules` as the command sets it. */
export async function screenOptionsFromShared(shared: SharedScreenOptions): Promise<ScreenOptions> {
  adoptNumberingTables(shared.numbering);
  adoptHolidayTable(shared.holidays);
  const custom = shared.policyModules === undefined ? undefined : await loadPolicyModules(shared.policyModules);
  return {
    ...(shared.registries && { registries: registriesFromShared(shared.registries) }),
    ...(shared.packs && { packs: shared.packs }),
    ...(custom && { custom }),
  };
}
