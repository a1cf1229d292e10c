import type { FirstStateLawVersion, LaterStateLawVersion, StateLawVersion } from './state-row.js';

/**
 * How a row's later versions become whole versions. A later version says only what its amendment changed; every
 * field it neither sets nor repeals is the version before's. The rules then read whole versions and never know
 * which fields were inherited. A later version that restates an inherited fact, repeals a rule not in force or
 * changes nothing is a mistake in the row, reported with the path of the field, so repetition cannot creep back.
 */

/** The rules a version may carry, set, inherit or repeal; `scope` is always there and never repealed. */
export const LAW_FIELDS = ['hours', 'bannedDays', 'frequencyCap', 'dncList'] as const;
export type LawField = (typeof LAW_FIELDS)[number];

export interface VersionProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

/** The same fact: plain data (zod output), compared by value whatever the order of its keys. */
function sameFact(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Every version of a row whole, oldest first, and what is wrong with the later ones (paths from the row). */
export function inheritVersions(first: FirstStateLawVersion, later: readonly LaterStateLawVersion[]): { versions: StateLawVersion[]; problems: VersionProblem[] } {
  const versions: StateLawVersion[] = [first];
  const problems: VersionProblem[] = [];
  later.forEach((version, laterIndex) => {
    const index = laterIndex + 1;
    const before = versions[index - 1]!;
    const at = (...path: (string | number)[]) => ['versions', index, ...path];
    if (before.effectiveFrom !== null && version.effectiveFrom <= before.effectiveFrom) {
      problems.push({ path: at('effectiveFrom'), message: `versions must be in order of effectiveFrom: ${version.effectiveFrom} is not after ${before.effectiveFrom}` });
    }
    const repealed = Object.entries(version.repealed ?? {}).filter(([, repeal]) => repeal !== undefined);
    const changed = version.scope !== undefined || LAW_FIELDS.some((field) => version[field] !== undefined) || repealed.length > 0;
    if (!changed) problems.push({ path: at(), message: 'a later version changes nothing: set the fields its amendment changed, or repeal one' });
    if (version.repealed !== undefined && repealed.length === 0) problems.push({ path: at('repealed'), message: 'names no rule to repeal' });
    for (const field of ['scope', ...LAW_FIELDS] as const) {
      if (version[field] !== undefined && sameFact(version[field], before[field])) {
        problems.push({ path: at(field), message: `the same as versions[${index - 1}].${field}: leave it out, a later version inherits every field it does not set` });
      }
    }
    for (const [field] of repealed) {
      const name = field as LawField;
      if (version[name] !== undefined) problems.push({ path: at('repealed', name), message: `${name} is both set and repealed: keep one` });
      else if (before[name] === undefined) problems.push({ path: at('repealed', name), message: `no ${name} is in force in versions[${index - 1}] to repeal` });
    }
    const whole: { -readonly [K in keyof StateLawVersion]: StateLawVersion[K] } = { effectiveFrom: version.effectiveFrom, scope: version.scope ?? before.scope };
    for (const field of LAW_FIELDS) {
      const fact = version.repealed?.[field] !== undefined ? undefined : (version[field] ?? before[field]);
      if (fact !== undefined) (whole as Record<string, unknown>)[field] = fact;
    }
    if (repealed.length > 0) whole.repealed = Object.fromEntries(repealed);
    versions.push(whole);
  });
  return { versions, problems };
}
