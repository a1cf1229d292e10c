import { z } from 'zod';
import { consentSchema, ianaZoneSchema, lineTypeSchema, relationshipSchema, stateCodeSchema, subjectSchema, toConsent, toRelationship } from '../core/check-request.js';
import { InputError, problemsFromZod } from '../core/input-error.js';
import { instantText } from '../core/instant-schema.js';
import { knownKeysAt } from '../core/schema-keys.js';
import type { Consent, LineType, Relationship } from '../core/attempt.js';
import { buildOutcomeModel, OUTCOME_PRESETS, type OutcomePresetName } from './outcome-model.js';

/** How the dialer places calls: an agent dials each one, previews the lead first, or the dialer dials for free agents. */
export const DIALING_MODES = ['manual', 'preview', 'progressive', 'predictive'] as const;
export type DialingMode = (typeof DIALING_MODES)[number];

const clockTime = z
  .string({ error: 'expected a local time "HH:MM"' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a local time "HH:MM" (00:00-23:59)' });

const probability = z
  .number({ error: 'expected a number between 0 and 1' })
  .min(0, { error: 'must be at least 0' })
  .max(1, { error: 'must be at most 1 (a rate, not a percentage)' });

const positiveSeconds = z.number({ error: 'expected a number of seconds' }).positive({ error: 'must be more than 0' });

export const agentsSchema = z.strictObject({
  count: z.number({ error: 'expected a whole number of agents' }).int({ error: 'must be a whole number' }).min(1, { error: 'a campaign needs at least 1 agent' }),
  shift: z
    .strictObject({
      start: clockTime,
      end: clockTime,
      timeZone: ianaZoneSchema,
      /** ISO weekdays the floor works, 1 = Monday ... 7 = Sunday. */
      days: z.array(z.number().int().min(1).max(7), { error: 'expected ISO weekdays 1 (Monday) to 7 (Sunday)' }).min(1).default([1, 2, 3, 4, 5]),
    })
    .refine((shift) => shift.start < shift.end, { error: 'the shift must end after it starts (overnight shifts are not supported)', path: ['end'] }),
  talkSeconds: positiveSeconds.default(180),
  wrapUpSeconds: z.number({ error: 'expected a number of seconds' }).min(0, { error: 'must not be negative' }).default(30),
});

export const pacingSchema = z.strictObject({
  /**
   * The floor's own abandonment cap, a share of live answers, for every jurisdiction. When absent each jurisdiction's
   * limit applies to the calls to its numbers: 3% per 30 days for US numbers, 5% per calendar month for Canadian ones.
   */
  abandonCap: probability.optional(),
  /** Lines dialed per free agent at most, in predictive mode. */
  maxLinesPerAgent: z.number({ error: 'expected a number of lines' }).min(1, { error: 'must be at least 1' }).max(10, { error: 'must be at most 10' }).default(3),
  /** When false the dialer keeps `maxLinesPerAgent` whatever the abandonment rate: a floor that does not back off. */
  adaptive: z.boolean({ error: 'expected true or false' }).default(true),
});

export const retrySchema = z.strictObject({
  /** Calls placed to a lead at most (screenings that blocked do not count: no call was placed). */
  maxAttempts: z.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).default(4),
  /** Hours between two calls to the same lead. */
  minSpacingHours: z.number({ error: 'expected a number of hours' }).min(0, { error: 'must not be negative' }).default(24),
  /** A lead whose screening blocked is screened again this many minutes later (the window may have opened)... */
  afterBlockMinutes: z.number({ error: 'expected a number of minutes' }).min(1, { error: 'must be at least 1' }).default(60),
  /** ...up to this many blocked screenings, after which it is set aside as blocked. */
  maxBlockedScreenings: z.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).default(8),
});

const rateOverrides = z.strictObject({
  notInService: probability.optional(),
  busy: probability.optional(),
  answeringMachine: probability.optional(),
  answered: probability.optional(),
  outcomes: z
    .strictObject({
      rejected: probability.optional(),
      callback: probability.optional(),
      meeting: probability.optional(),
      sale: probability.optional(),
      doNotCall: probability.optional(),
    })
    .optional(),
});

export const outcomeModelSchema = z.strictObject({
  preset: z.enum(Object.keys(OUTCOME_PRESETS) as [string, ...string[]], {
    error: `expected one of ${Object.keys(OUTCOME_PRESETS).join('|')}`,
  }),
  overrides: rateOverrides.optional(),
});

export const leadFilterSchema = z.strictObject({
  states: z.array(stateCodeSchema).optional(),
  lineTypes: z.array(lineTypeSchema).optional(),
  business: z.boolean().optional(),
  minNetWorth: z.number().min(0).optional(),
  minIncome: z.number().min(0).optional(),
  occupations: z.array(z.string()).optional(),
  postalCodePrefixes: z.array(z.string()).optional(),
});

export const campaignConfigSchema = z.strictObject(
  {
    seed: z.number({ error: 'expected a whole number seed' }).int({ error: 'must be a whole number' }),
    seller: z.string({ error: 'expected the seller name' }).min(1, { error: 'must not be empty' }),
    callerKind: z.enum(['seller', 'broker-dealer'], { error: 'expected one of seller|broker-dealer' }).default('seller'),
    /** For the disclosure: the firm's telephone number or address (broker-dealers must give one, FINRA Rule 3230). */
    firmContact: z.string().optional(),
    purpose: z.enum(['telemarketing', 'informational'], { error: 'expected one of telemarketing|informational' }).default('telemarketing'),
    /** What the campaign's calls are about, for same-subject call caps; unknown (counts as the same) when absent. */
    subject: subjectSchema.optional(),
    start: instantText,
    days: z.number().int({ error: 'must be a whole number of days' }).min(1, { error: 'must be at least 1' }).max(366, { error: 'must be at most 366' }).default(30),
    mode: z.enum(['manual', 'preview', 'progressive', 'predictive'], { error: 'expected one of manual|preview|progressive|predictive' }),
    agents: agentsSchema,
    pacing: pacingSchema.default({ maxLinesPerAgent: 3, adaptive: true }),
    retry: retrySchema.default({ maxAttempts: 4, minSpacingHours: 24, afterBlockMinutes: 60, maxBlockedScreenings: 8 }),
    batchSize: z.number().int().min(1, { error: 'must be at least 1' }).default(1000),
    filters: leadFilterSchema.optional(),
    outcomeModel: outcomeModelSchema.default({ preset: 'field-study' }),
  },
  { error: 'expected a campaign configuration object' },
).refine((config) => config.callerKind !== 'broker-dealer' || (config.firmContact ?? '') !== '', {
  error: "a broker-dealer's calls must disclose the firm's telephone number or address (FINRA Rule 3230): set firmContact",
  path: ['firmContact'],
});

export type CampaignConfig = z.output<typeof campaignConfigSchema>;
export type CampaignConfigInput = z.input<typeof campaignConfigSchema>;

/** Validates a campaign configuration before anything runs; the error names each field path and the reason. */
export function parseCampaignConfig(value: unknown, source?: string): CampaignConfig {
  const result = campaignConfigSchema.safeParse(value);
  if (result.success) {
    // Shares that must add up are checked here too, so a bad model is refused before anything runs.
    const { problems } = buildOutcomeModel(result.data.outcomeModel.preset as OutcomePresetName, result.data.outcomeModel.overrides);
    if (problems.length > 0) throw new InputError(problems.map((message) => ({ path: '', message })), source === undefined ? undefined : { source });
    return result.data;
  }
  const detailed = campaignConfigSchema.safeParse(value, { reportInput: true }).error!;
  throw new InputError(problemsFromZod(detailed, (path) => knownKeysAt(campaignConfigSchema, path)), source === undefined ? undefined : { source });
}

export const leadSchema = z.strictObject({
  id: z.string({ error: 'expected a lead id (a string)' }).min(1, { error: 'must not be empty' }),
  phone: z.string({ error: 'expected a phone number as a string' }).min(1, { error: 'must not be empty' }),
  lineType: lineTypeSchema.optional(),
  business: z.boolean({ error: 'expected true or false' }).optional(),
  timeZone: ianaZoneSchema.optional(),
  state: stateCodeSchema.optional(),
  postalCode: z.string().optional(),
  netWorth: z.number().min(0, { error: 'must not be negative' }).optional(),
  income: z.number().min(0, { error: 'must not be negative' }).optional(),
  occupation: z.string().optional(),
  consents: z.array(consentSchema).optional(),
  relationship: relationshipSchema.optional(),
});

/** The lead fields a CSV column can give; consents and relationships have no columns (the scenario gives them). */
export const LEAD_COLUMN_FIELDS = ['id', 'phone', 'lineType', 'business', 'timeZone', 'state', 'postalCode', 'netWorth', 'income', 'occupation'] as const;
export type LeadColumnField = (typeof LEAD_COLUMN_FIELDS)[number];

const columnName = z.string({ error: "expected a column name from the file's header" }).min(1, { error: 'must not be empty' });

/** Cell text to the field's value, for columns written another way (`{ "yes": mobile, "no": landline }`). */
const cellValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]), {
  error: 'expected a map from cell text to the field\'s value, e.g. { "yes": mobile, "no": landline }',
});

/** One entry per lead field, for `columns` and `values`; strict, so a misspelt field name is an error. */
const perLeadField = <T extends z.ZodType>(schema: T) =>
  z.strictObject({
    id: schema.optional(),
    phone: schema.optional(),
    lineType: schema.optional(),
    business: schema.optional(),
    timeZone: schema.optional(),
    state: schema.optional(),
    postalCode: schema.optional(),
    netWorth: schema.optional(),
    income: schema.optional(),
    occupation: schema.optional(),
  });

/**
 * A lead list in a CSV file: `columns` names the header of the column that gives a lead field when it is not named
 * like the field (a CRM export's `Phone Number`), `values` maps a column's cells to the field's values. Columns
 * that give no field are kept as the lead's attributes.
 */
export const leadFileSchema = z.strictObject({
  file: z.string().min(1),
  columns: perLeadField(columnName).optional(),
  values: perLeadField(cellValues).optional(),
});
export type LeadFileSource = z.output<typeof leadFileSchema>;

/** A lead as the simulator works it: validated, instants as epoch milliseconds. */
export interface Lead {
  readonly id: string;
  readonly phone: string;
  readonly lineType: LineType;
  readonly business: boolean;
  readonly timeZone: string | null;
  readonly state: string | null;
  readonly postalCode: string | null;
  readonly netWorth: number | null;
  readonly income: number | null;
  readonly occupation: string | null;
  readonly consents: readonly Consent[];
  readonly relationship: Relationship;
  /**
   * The lead file's columns that give no lead field, by header (`{ Zip: "80202" }`): a custom rule reads them as
   * extension facts. Absent for leads written in the scenario.
   */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** Validates one lead; `where` names it in errors ("leads[3]", "leads.csv:12"). */
export function parseLead(value: unknown, where: string): Lead {
  const result = leadSchema.safeParse(value);
  if (!result.success) {
    const detailed = leadSchema.safeParse(value, { reportInput: true }).error!;
    throw new InputError(problemsFromZod(detailed, (path) => knownKeysAt(leadSchema, path)), { source: where });
  }
  const lead = result.data;
  return {
    id: lead.id,
    phone: lead.phone,
    lineType: lead.lineType ?? 'unknown',
    business: lead.business ?? false,
    timeZone: lead.timeZone ?? null,
    state: lead.state ?? null,
    postalCode: lead.postalCode ?? null,
    netWorth: lead.netWorth ?? null,
    income: lead.income ?? null,
    occupation: lead.occupation ?? null,
    consents: (lead.consents ?? []).map(toConsent),
    relationship: toRelationship(lead.relationship),
  };
}
