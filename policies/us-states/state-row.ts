import { z } from 'zod';
import { DIAL_METHODS } from '../../src/core/attempt.js';
import { WEEKDAYS, type Weekday } from '../../src/core/calendar.js';
import { CONFIDENCE, citedFactSchema, type Confidence } from '../../src/core/cited-fact.js';
import { subdivision } from '../../src/core/jurisdiction-codes.js';
import { PolicyDefinitionError } from '../../src/core/policy-definition-error.js';
import { inheritVersions, LAW_FIELDS, type LawField } from './version-inheritance.js';

/**
 * One row of the state table: what a state's own telemarketing law adds to the federal rules, as data, each fact
 * with its citation, a confidence mark and the source it was read from. Validated with zod when the pack loads, so a
 * malformed row is a load-time error naming the state and the field, never a rule that silently does nothing.
 */

export { CONFIDENCE, type Confidence };

export { WEEKDAYS, type Weekday };

export { LAW_FIELDS, type LawField };

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time "HH:MM"' });
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const localDate = z.string().regex(DATE_PATTERN, { error: 'expected a date "YYYY-MM-DD"' });
const LATER_DATE = 'expected a date "YYYY-MM-DD": only the first version may have none';

/** A fact of the table with its provenance. */
const cited = citedFactSchema;

/** A calling window: `from` is allowed, `to` is not (08:00 allowed, 20:00 blocked), as the federal window. */
const windowSchema = z
  .strictObject({ from: clockTime, to: clockTime })
  .refine((window) => window.from < window.to, { error: 'a window ends after it starts' });
export type CallingWindow = z.output<typeof windowSchema>;

const hoursSchema = z.strictObject({
  /** The window for each day of the week; null: no call at all that day under this rule. */
  windows: z.strictObject(Object.fromEntries(WEEKDAYS.map((day) => [day, windowSchema.nullable()])) as Record<Weekday, z.ZodNullable<typeof windowSchema>>),
  /** Only calls by these methods (an ADAD or autodialer rule); every call when absent. */
  methods: z.array(z.enum(DIAL_METHODS)).min(1).optional(),
  /**
   * A fixed clock the statute names (Mississippi: Central Standard Time all year), as its UTC offset in minutes and
   * its name; the callee's local time in each candidate zone when absent.
   */
  clock: z.strictObject({ offsetMinutes: z.number().int().min(-720).max(840), name: z.string().min(1) }).optional(),
});
export type StateHours = z.output<typeof hoursSchema>;

const bannedDaysSchema = z.strictObject({
  /** Days of the week with no telemarketing call at all. */
  weekdays: z.array(z.enum(WEEKDAYS)),
  /**
   * The state's legal holidays, from the date-holidays package's `public` rows for the state (observances and
   * optional days are not legal holidays). `substituteDays`: whether the weekday a holiday is observed on when it
   * falls on a weekend is banned too.
   */
  holidays: z
    .strictObject({
      substituteDays: z.boolean(),
      /** Rows of other types (observances) the law bans too, by their name in the package (a day made statutory since). */
      alsoNamed: z.array(z.string().min(1)).optional(),
    })
    .optional(),
});
export type StateBannedDays = z.output<typeof bannedDaysSchema>;

const frequencyCapSchema = z.strictObject({
  /** At most this many calls by the seller to the callee in the window; the next one blocks. */
  calls: z.number().int().min(1),
  windowHours: z.number().int().min(1),
  /** Only calls on the same subject count (an unknown subject counts as the same). */
  sameSubject: z.boolean(),
  methods: z.array(z.enum(DIAL_METHODS)).min(1).optional(),
});
export type StateFrequencyCap = z.output<typeof frequencyCapSchema>;

/** Exemptions a state's do-not-call statute recognises, in dialsim's terms. */
export const STATE_DNC_EXEMPTIONS = ['transaction-18-months', 'inquiry-3-months', 'prior-express-written-consent'] as const;
export type StateDncExemption = (typeof STATE_DNC_EXEMPTIONS)[number];

const dncListSchema = z.strictObject({
  name: z.string().min(1),
  /** How old a copy may be at the call; 31 days where the state names no period (the federal safe harbor's). */
  refreshDays: z.number().int().min(1),
  exemptions: z.array(z.enum(STATE_DNC_EXEMPTIONS)),
});
export type StateDncList = z.output<typeof dncListSchema>;

/** `residential`: the state limits these rules to residential or consumer calls; `all`: business lines too. */
const scopeSchema = cited(z.enum(['residential', 'all']));

/** The rules a version of a state's law may carry; each is absent where the law has none. */
const lawFieldSchemas = {
  hours: z.array(cited(hoursSchema)).min(1, { error: 'no calling window: leave hours out, or repeal it in a later version' }),
  bannedDays: cited(bannedDaysSchema),
  frequencyCap: cited(frequencyCapSchema),
  dncList: cited(dncListSchema),
};

/** Where a later version says the law dropped a rule: the provision that dropped it, cited like any fact. */
const repealSchema = citedFactSchema(z.unknown()).omit({ value: true });
export type Repeal = z.output<typeof repealSchema>;

/** The oldest version of a row: the whole law as it stood. */
const firstVersionSchema = z.strictObject({
  /** The callee-local date this version takes effect; null: in force before anything dialsim simulates. */
  effectiveFrom: localDate.nullable(),
  scope: scopeSchema,
  hours: lawFieldSchemas.hours.optional(),
  bannedDays: lawFieldSchemas.bannedDays.optional(),
  frequencyCap: lawFieldSchemas.frequencyCap.optional(),
  dncList: lawFieldSchemas.dncList.optional(),
}, { error: (issue) => (issue.input === undefined ? 'a row needs at least one version: the law as it first stood' : undefined) });

/**
 * A later version says only what the amendment changed: each field it sets replaces the one in force before (a
 * field is replaced whole: a changed window restates the field's every window), each field it names in `repealed`
 * is dropped, and every other field is inherited from the version before (version-inheritance.ts).
 */
const laterVersionSchema = z.strictObject({
  effectiveFrom: z.string({ error: LATER_DATE }).regex(DATE_PATTERN, { error: LATER_DATE }),
  scope: scopeSchema.optional(),
  hours: lawFieldSchemas.hours.optional(),
  bannedDays: lawFieldSchemas.bannedDays.optional(),
  frequencyCap: lawFieldSchemas.frequencyCap.optional(),
  dncList: lawFieldSchemas.dncList.optional(),
  repealed: z.strictObject(Object.fromEntries(LAW_FIELDS.map((field) => [field, repealSchema.optional()])) as Record<LawField, z.ZodOptional<typeof repealSchema>>).optional(),
});
export type FirstStateLawVersion = z.output<typeof firstVersionSchema>;
export type LaterStateLawVersion = z.output<typeof laterVersionSchema>;

/**
 * A version as the rules read it, with every inherited field filled in. `repealed` is on the version whose
 * amendment dropped those rules, so the docs can cite the repeal.
 */
export type StateLawVersion = FirstStateLawVersion & { readonly repealed?: Partial<Record<LawField, Repeal>> };

const authoredRowSchema = z
  .strictObject({
    state: z.string().refine((code) => subdivision(code) !== undefined, { error: 'expected a US state or Canadian province code' }),
    /** The law as it changed, oldest first; the version in force on the callee's local date applies. */
    versions: z.tuple([firstVersionSchema], laterVersionSchema),
  })
  .superRefine((row, context) => {
    const [first, ...later] = row.versions;
    if (LAW_FIELDS.every((field) => first[field] === undefined)) {
      context.addIssue({ code: 'custom', path: ['versions', 0], message: 'a version with no rule adds nothing: leave the state out instead' });
    }
    for (const problem of inheritVersions(first, later).problems) context.addIssue({ code: 'custom', ...problem });
  });

/** A row as the rules read it: every version whole, oldest first. */
export interface StateRow {
  readonly state: string;
  readonly versions: readonly StateLawVersion[];
}

export const stateRowSchema: z.ZodType<StateRow, z.input<typeof authoredRowSchema>> = authoredRowSchema.transform(
  ({ state, versions: [first, ...later] }): StateRow => ({ state, versions: inheritVersions(first, later).versions }),
);

/** Checks a row when its file loads; a mistake throws naming the state and the field. */
export function defineStateRow(row: z.input<typeof stateRowSchema>): StateRow {
  const result = stateRowSchema.safeParse(row);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new PolicyDefinitionError(`state table row ${row.state}: ${problems}`);
}

/** The same window every day of the week. */
export function everyDay(from: string, to: string): Record<Weekday, CallingWindow> {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, { from, to }])) as Record<Weekday, CallingWindow>;
}

/** One window Monday to Saturday and another (or none) on Sunday. */
export function mondayToSaturday(window: CallingWindow, sunday: CallingWindow | null): Record<Weekday, CallingWindow | null> {
  return { ...everyDay(window.from, window.to), sunday };
}

/** The version of a row in force on a callee-local date (`YYYY-MM-DD`), or undefined before the first. */
export function versionOn(row: StateRow, localDate: string): StateLawVersion | undefined {
  let inForce: StateLawVersion | undefined;
  for (const version of row.versions) {
    if (version.effectiveFrom === null || version.effectiveFrom <= localDate) inForce = version;
  }
  return inForce;
}

/** `Texas` for a row. */
export function stateName(row: StateRow): string {
  return subdivision(row.state)?.name ?? row.state;
}
