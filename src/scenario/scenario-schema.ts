import { z } from 'zod';
import { CALL_PURPOSES, CONSENT_KINDS, DIAL_METHODS } from '../core/attempt.js';
import { ianaZoneSchema, stateCodeSchema } from '../core/check-request.js';
import { STORE_OR_SYNCED_AT, storeOrSyncedAt } from '../core/check-context.js';
import { instantOrDateText, instantText } from '../core/instant-schema.js';
import { BREACH_RULE_IDS } from '../dialer/breaches/obligation.js';
import { agentsSchema, DIALING_MODES, leadFileSchema, leadFilterSchema, leadSchema, outcomeModelSchema, pacingSchema, retrySchema } from '../dialer/campaign-config.js';
import { BUILT_IN_PACK_IDS } from '../engine/packs-in-force.js';
import { CALL_OUTCOMES } from '../lifecycle/call-machine.js';

/**
 * A scenario file (YAML): a short story about a calling floor, with the expectations that pin what the dialer
 * must do. Every object is strict and the step and expectation lists are discriminated on `type`, so a typo is an
 * error that names its line, never a silently ignored field. scenarios/schema.json is generated from this schema
 * (`npm run scenarios:schema`); each field's `.meta({ description })` becomes its tooltip in editors, and
 * docs/scenarios.md documents the same fields with examples.
 */

const id = (what: string) => z.string({ error: `expected ${what} (a string)` }).min(1, { error: 'must not be empty' });

/** A description shown by editors (hover, completion) from scenarios/schema.json. */
const about = (description: string) => ({ description });

const enumOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.join('|')}` });

/** A moment: an ISO-8601 instant with an offset, or a local wall-clock time in a named zone. */
export const momentSchema = z.union(
  [
    instantText,
    z.strictObject({
      local: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/, { error: 'expected "YYYY-MM-DD HH:MM" (local time)' })
        .meta(about('Wall-clock time "YYYY-MM-DD HH:MM[:SS]" in `zone`. A time the clocks skip (spring forward) is an error; one that occurs twice (fall back) is read as the first, still on daylight time; write an instant with an offset for the second.')),
      zone: ianaZoneSchema.meta(about('IANA time zone name, e.g. "America/New_York".')),
    }),
  ],
  { error: 'expected an ISO-8601 instant with an offset (2026-03-10T20:58:00-05:00) or { local: "2026-03-10 20:58", zone: "America/New_York" }' },
).meta(about('When: an ISO-8601 instant with an offset (2026-03-10T20:58:00-05:00) or { local: "2026-03-10 20:58", zone: America/New_York }.'));

const numberSource = {
  numbers: z.array(z.string({ error: 'expected a phone number as a string' })).optional().meta(about('Phone numbers on the list, any format ("303-555-0123", "+13035550123").')),
  file: z
    .string()
    .min(1)
    .optional()
    .meta(about('A text file of numbers, one a line ("303-555-0123" or "303,5550123"; # comments), relative to the scenario file; added to `numbers`.')),
};

/** A dated list may instead be a registry store, which dates each area code from its downloads. */
const storeSource = {
  store: z
    .string()
    .min(1)
    .optional()
    .meta(about('A registry store built with `dialsim registry import`, relative to the scenario file; each area code is dated by its download, and a number in an area code it does not hold is blocked. Replaces `syncedAt`.')),
};

const stepId = id('a step id').optional().meta(about('A name for the step, for `decision` expectations (`step: late-call`) and the timeline.'));
const stepLead = id('a lead id').meta(about('The id of a lead in `leads`.'));

const dialStep = z
  .strictObject({
    type: z.literal('dial').meta(about('Screen one call attempt to a lead and, if it is allowed, place it.')),
    id: stepId,
    lead: stepLead,
    at: momentSchema,
    method: enumOf(DIAL_METHODS)
      .optional()
      .meta(about('How the call is placed. Default: manual when there is no dialer or its mode is manual or preview, autodialer otherwise.')),
    purpose: enumOf(CALL_PURPOSES).optional().meta(about("The call's purpose; the scenario's `purpose` by default.")),
    answer: enumOf(['answered', 'no-answer', 'busy', 'answering-machine', 'not-in-service'] as const)
      .default('answered')
      .meta(about('What the line does if the call is allowed.')),
    agentWaitSeconds: z
      .number()
      .min(0, { error: 'must not be negative' })
      .default(0)
      .meta(about('Seconds the answered callee waits for an agent; more than 2 abandons the call (identification message played).')),
    outcome: enumOf(CALL_OUTCOMES)
      .default('rejected')
      .meta(about('How the conversation ends once an agent is on the line; do-not-call puts the number on the internal list at once.')),
  })
  .meta(about('Dial a lead at a moment.'));

const dncRequestStep = z
  .strictObject({
    type: z.literal('dnc-request').meta(about("The lead asks the seller, outside a call (a letter, an email), not to be called again.")),
    id: stepId,
    lead: stepLead,
    at: momentSchema,
  })
  .meta(about("A do-not-call request outside a call: the lead's number joins the internal list at `at`."));

const consentStep = z
  .strictObject({
    type: z.literal('consent').meta(about('The lead grants or revokes a consent to the seller.')),
    id: stepId,
    lead: stepLead,
    kind: enumOf(CONSENT_KINDS).meta(about('prior-express-written (PEWC) or prior-express (PEC).')),
    action: enumOf(['grant', 'revoke'] as const)
      .default('grant')
      .meta(about("grant adds a consent to the scenario's seller at `at`; revoke ends the lead's consents of this kind to that seller at `at`.")),
    at: momentSchema,
  })
  .meta(about('A consent granted or revoked at a moment.'));

export const stepSchema = z
  .discriminatedUnion('type', [dialStep, dncRequestStep, consentStep], {
    error: 'expected a step with type dial|dnc-request|consent',
  })
  .meta(about('A scripted step: dial, dnc-request or consent.'));

const bound = {
  equals: z.number().optional().meta(about('The count must be exactly this.')),
  atLeast: z.number().optional().meta(about('The count must be at least this.')),
  atMost: z.number().optional().meta(about('The count must be at most this.')),
};

export const COUNTABLE = [
  'attempts',
  'allowed',
  'blocked',
  'connects',
  'abandoned',
  'dnc-requests',
  'leads-reached',
  'leads-exhausted',
] as const;

export const NEVER_ALLOWED = [
  'national-registry-without-exemption',
  'outside-calling-hours',
  'internal-list',
  'wireless-autodial-without-consent',
] as const;

const decisionExpectation = z
  .strictObject({
    type: z.literal('decision').meta(about('The decision for one attempt: its verdict, the rules that blocked it, the exemptions.')),
    step: id('a step id').optional().meta(about('The id of the dial step whose attempt is meant.')),
    lead: id('a lead id').optional().meta(about('Or: a lead; the `nth` attempt to it (scripted or campaign) is meant.')),
    nth: z.number().int().min(1).default(1).meta(about('With `lead`: which attempt to the lead, counting from 1.')),
    verdict: enumOf(['allow', 'block'] as const).optional().meta(about('The verdict the attempt must get.')),
    rules: z.array(z.string()).optional().meta(about('Exactly these rule ids block the attempt (any order); [] means none.')),
    exemptions: z.array(z.string()).optional().meta(about('Exactly these rule ids applied but were lifted by an exemption (any order); [] means none.')),
  })
  .meta(about('The decision for one attempt, named by its step or by lead and nth.'));

const countExpectation = z
  .strictObject({
    type: z.literal('count').meta(about('A count over the whole run (steps and campaign) within bounds.')),
    of: enumOf(COUNTABLE).meta(about('What is counted.')),
    rule: z.string().optional().meta(about('With `of: blocked`: only the attempts this rule id blocked.')),
    ...bound,
  })
  .meta(about('A count of the run within bounds.'));

const outcomeExpectation = z
  .strictObject({
    type: z.literal('outcome').meta(about('The number of connected calls that ended with an outcome, within bounds.')),
    outcome: enumOf(CALL_OUTCOMES).meta(about('The call outcome counted.')),
    ...bound,
  })
  .meta(about('Calls ending in an outcome, within bounds.'));

const abandonmentExpectation = z
  .strictObject({
    type: z.literal('abandonment-rate').meta(about('The highest abandonment rate of any 30-day window (campaign), or over the scripted calls.')),
    atMost: z.number().min(0).max(1).optional().meta(about('The rate must be at most this share (0.03 is 3%, the federal limit).')),
    atLeast: z.number().min(0).max(1).optional().meta(about('The rate must be at least this share.')),
    jurisdiction: enumOf(['US', 'CA'] as const)
      .optional()
      .meta(about("Campaign runs: only the calls to this country's numbers, over its own windows (US: 30 days, cap 3%; CA: calendar months, cap 5%, window unconfirmed).")),
  })
  .meta(about('Bounds on the abandonment rate.'));

const neverExpectation = z
  .strictObject({
    type: z.literal('never-allowed').meta(about('No allowed attempt of a kind, re-checked from the records independently of the rules.')),
    what: enumOf(NEVER_ALLOWED).meta(about('The kind of attempt that must never be allowed.')),
  })
  .meta(about('An assertion that no attempt of a kind was allowed.'));

const breachExpectation = z
  .strictObject({
    type: z
      .literal('breach')
      .meta(about('A compliance breach the run is expected to show (every run checks the campaign-level obligations on its own; a breach no expectation names fails the run).')),
    rule: enumOf(BREACH_RULE_IDS).meta(about('The obligation breached: abandonment.rate, abandonment.two-second, abandonment.message, ring.duration or dnc.request-honoured.')),
    jurisdiction: enumOf(['US', 'CA'] as const)
      .optional()
      .meta(about("Only a breach of this country's law (calls to its numbers); any country when absent.")),
  })
  .meta(about('A breach of a campaign-level obligation that must be found, and is then reported as expected.'));

export const expectationSchema = z
  .discriminatedUnion('type', [decisionExpectation, countExpectation, outcomeExpectation, abandonmentExpectation, neverExpectation, breachExpectation], {
    error: 'expected an expectation with type decision|count|outcome|abandonment-rate|never-allowed|breach',
  })
  .meta(about('An expectation: decision, count, outcome, abandonment-rate, never-allowed or breach.'));

export const scenarioSchema = z
  .strictObject(
    {
      title: z.string({ error: 'expected a title' }).min(1).meta(about('A short title: the story in a line.')),
      notes: z.string().optional().meta(about('What the scenario teaches, for trainers; shown in the report.')),
      seller: id('the seller').meta(about('The seller the calls are made for: consents, relationships and do-not-call requests are per seller.')),
      callerKind: enumOf(['seller', 'broker-dealer'] as const)
        .default('seller')
        .meta(about("broker-dealer: a FINRA member firm, screened under FINRA Rule 3230 and the FCC's rules (the TSR does not reach it); its disclosure adds the firm's telephone number or address (`firmContact`) and that the call solicits securities.")),
      firmContact: z
        .string()
        .optional()
        .meta(about("The firm's telephone number or address, stated in a broker-dealer's disclosure; required for a broker-dealer campaign.")),
      subject: z
        .string()
        .min(1)
        .optional()
        .meta(about('What the calls are about ("solar panels"), for same-subject call caps (Florida, Oklahoma, Maryland: 3 in 24 hours); unknown, so every earlier call counts, when absent.')),
      purpose: enumOf(CALL_PURPOSES)
        .default('telemarketing')
        .meta(about('The purpose of every call unless a step says otherwise; informational calls are outside the hours and registry rules.')),
      seed: z.number().int().default(1).meta(about('Seeds the campaign\'s random draws: the same scenario and seed give the same run, byte for byte.')),
      clock: z
        .strictObject({
          start: instantText.meta(about('When the campaign starts: an ISO-8601 instant with an offset, e.g. 2026-03-02T08:00:00-05:00.')),
          days: z.number().int().min(1).max(366).default(30).meta(about('How many 24-hour days the campaign runs from `start`.')),
        })
        .meta(about("The campaign's clock. Scripted steps carry their own moments.")),
      dialer: z
        .strictObject({
          mode: enumOf(DIALING_MODES).meta(about('manual | preview (an agent dials) or progressive | predictive (autodialed).')),
          agents: agentsSchema.meta(about('The floor: how many agents, their shift, talk and wrap-up time.')),
          pacing: pacingSchema.optional().meta(about('Predictive pacing: the abandonment cap, lines per agent, whether it backs off.')),
          retry: retrySchema.optional().meta(about('When a lead is called again, and how often at most.')),
          batchSize: z.number().int().min(1).optional().meta(about('Leads taken from the list at a time (default 1000).')),
          filters: leadFilterSchema.optional().meta(about('Leads to skip before any attempt (state, line type, business, net worth...).')),
        })
        .optional()
        .meta(about('How calls are placed: the default method of dial steps, and the campaign run (required when `campaign: true`).')),
      leads: z
        .union(
          [
            z.array(leadSchema).min(1, { error: 'a scenario needs at least one lead' }),
            leadFileSchema,
          ],
          { error: 'expected a list of leads or { file: leads.csv }' },
        )
        .meta(about('The people called: a list, or { file: data/leads.csv } (columns named like the lead fields, or mapped with `columns` and `values`).')),
      registries: z
        .strictObject({
          national: z
            .strictObject({
              syncedAt: instantOrDateText
                .optional()
                .meta(about('When the seller obtained this copy (date or instant); it must be at most 31 days old at each call.')),
              ...numberSource,
              ...storeSource,
            })
            .refine(storeOrSyncedAt, STORE_OR_SYNCED_AT)
            .optional()
            .meta(about("The seller's copy of the National Do Not Call Registry. Without one, every telemarketing call to a residential line is blocked.")),
          states: z
            .record(
              stateCodeSchema,
              z.strictObject({
                syncedAt: instantOrDateText.optional().meta(about("When the seller obtained this copy of the state's list; it must be no older than the list's refresh period (31 days where the state names none).")),
                ...numberSource,
                ...storeSource,
              }).refine(storeOrSyncedAt, STORE_OR_SYNCED_AT),
            )
            .optional()
            .meta(about("The seller's copies of state do-not-call lists, by state code (FL, TX...). A state that keeps a list of its own blocks telemarketing calls to its residents without a current copy.")),
          canada: z
            .strictObject({
              syncedAt: instantOrDateText.meta(about('When the seller downloaded this copy of the DNCL (date or instant); it must be at most 31 days old at each call.')),
              ...numberSource,
            })
            .optional()
            .meta(about("The seller's copy of Canada's National Do Not Call List. Without one, every telemarketing call to a residential Canadian line is blocked.")),
          internal: z
            .strictObject(numberSource)
            .optional()
            .meta(about("The seller's own do-not-call list at the start; do-not-call requests during the run are added to it.")),
        })
        .optional()
        .meta(about("The seller's do-not-call data.")),
      consents: z
        .array(
          z.strictObject({
            lead: id('a lead id').meta(about('The id of the lead who gave the consent.')),
            kind: enumOf(CONSENT_KINDS).meta(about('prior-express-written (PEWC) or prior-express (PEC).')),
            seller: z.string().optional().meta(about("The seller the consent was given to; the scenario's seller by default.")),
            grantedAt: instantOrDateText.meta(about('When it was given (date or instant); a consent given after a call does not count for it.')),
            revokedAt: instantOrDateText.nullable().optional().meta(about('When it was revoked (date or instant); null or absent means never.')),
          }),
        )
        .optional()
        .meta(about('Consents on file when the scenario starts, by lead id (a consent step changes them during the run).')),
      relationships: z
        .array(
          z.strictObject({
            lead: id('a lead id').meta(about('The id of the lead.')),
            lastTransactionAt: instantOrDateText
              .nullable()
              .optional()
              .meta(about("The lead's last purchase or transaction with the seller: an established business relationship for 18 months.")),
            lastInquiryAt: instantOrDateText
              .nullable()
              .optional()
              .meta(about("The lead's last inquiry or application to the seller: an established business relationship for 3 months.")),
            personal: z
              .boolean()
              .optional()
              .meta(about("The caller knows the lead personally (family, friend, acquaintance): lifts a broker-dealer's national-registry rules (FINRA Rule 3230(b)(3)).")),
          }),
        )
        .optional()
        .meta(about("Each lead's relationship with the seller, by lead id (replaces a relationship given on the lead).")),
      outcomeModel: outcomeModelSchema
        .optional()
        .meta(about("What happens on the line and in the pitch during the campaign: a preset and overrides (default preset field-study).")),
      steps: z.array(stepSchema).optional().meta(about('Scripted steps, run in order before the campaign.')),
      campaign: z.boolean().default(false).meta(about('Run the dialer over every lead after the steps (needs `dialer`).')),
      packs: z
        .array(z.enum(BUILT_IN_PACK_IDS as [string, ...string[]], { error: `expected a pack id, one of ${BUILT_IN_PACK_IDS.join('|')}` }))
        .min(1, { error: 'names no pack: leave the field out to screen with the default packs' })
        .optional()
        .meta(about(`The built-in packs to screen with (${BUILT_IN_PACK_IDS.join(', ')}); every one of them by default. The rules every jurisdiction shares (number.invalid, jurisdiction.unsupported, dnc.internal) always apply.`)),
      policies: z
        .array(z.string().min(1, { error: 'must not be empty' }))
        .optional()
        .meta(about('Custom policy modules (JavaScript or TypeScript) to screen with besides the built-in packs, relative to the scenario file.')),
      expect: z.array(expectationSchema).default([]).meta(about('What must hold after the run; `dialsim run` fails when any does not.')),
    },
    { error: 'expected a scenario (a YAML mapping with title, seller, clock, leads...)' },
  )
  .meta(about('A dialsim scenario: a short story about a calling floor, with expectations that pin what the dialer must do.'));

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioStep = z.output<typeof stepSchema>;
export type Expectation = z.output<typeof expectationSchema>;
export type Moment = z.output<typeof momentSchema>;
