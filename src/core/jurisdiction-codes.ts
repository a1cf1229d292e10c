import { holidaysPackage } from './holidays-package.js';
import { savedTable } from './saved-tables.js';

/**
 * The codes a callee's state or province is written in (`callee.state`, `registries.states`, a lead's `state`):
 * USPS codes for the 50 states and DC, and Canada's province and territory codes, with their names, from the
 * date-holidays package's maintained region data; plus the five US territories, which libphonenumber treats as
 * regions of their own and whose USPS codes are their region codes.
 */

/** US territories with numbers in the +1 plan; the check contract's list, also their libphonenumber regions. */
export const US_TERRITORIES: readonly string[] = ['PR', 'GU', 'VI', 'MP', 'AS'];

const TERRITORY_NAMES: Readonly<Record<string, string>> = {
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'U.S. Virgin Islands',
  MP: 'Northern Mariana Islands',
  AS: 'American Samoa',
};

export type JurisdictionCountry = 'US' | 'CA';

export interface SubdivisionInfo {
  readonly code: string;
  readonly name: string;
  readonly country: JurisdictionCountry;
}

let subdivisions: ReadonlyMap<string, SubdivisionInfo> | undefined;

/** The states, territories and provinces, in order, as the region data has them: what the build saves. */
export function workOutSubdivisions(): SubdivisionInfo[] {
  const holidays = new (holidaysPackage())();
  return [
    ...Object.entries(holidays.getStates('US') ?? {}).map(([code, name]) => ({ code, name, country: 'US' as const })),
    ...US_TERRITORIES.map((code) => ({ code, name: TERRITORY_NAMES[code]!, country: 'US' as const })),
    ...Object.entries(holidays.getStates('CA') ?? {}).map(([code, name]) => ({ code, name, country: 'CA' as const })),
  ];
}

/** Every known state, territory and province, by code. */
export function knownSubdivisions(): ReadonlyMap<string, SubdivisionInfo> {
  if (subdivisions === undefined) adoptSubdivisions((savedTable('subdivisions') as SubdivisionInfo[] | undefined) ?? workOutSubdivisions());
  return subdivisions!;
}

/** Takes the entries another thread has (a worker's, from the thread that started it), rather than reading them again. */
export function adoptSubdivisions(entries: readonly SubdivisionInfo[]): void {
  subdivisions = new Map(entries.map((entry) => [entry.code, Object.freeze(entry)]));
}

/** The state, territory or province with this code (`FL`, `PR`, `ON`), or undefined. */
export function subdivision(code: string): SubdivisionInfo | undefined {
  return knownSubdivisions().get(code);
}

/** `Florida` for `FL`; the code itself when it is unknown. */
export function subdivisionName(code: string): string {
  return subdivision(code)?.name ?? code;
}

/** Why a code is not one, with the codes that are, for an error at `callee.state` or `registries.states`. */
export function unknownSubdivisionMessage(code: string): string {
  const us = [...knownSubdivisions().values()].filter((entry) => entry.country === 'US').map((entry) => entry.code);
  const ca = [...knownSubdivisions().values()].filter((entry) => entry.country === 'CA').map((entry) => entry.code);
  return `unknown state code ${JSON.stringify(code)}: expected a USPS code (${us.join(' ')}) or a Canadian province or territory code (${ca.join(' ')})`;
}
