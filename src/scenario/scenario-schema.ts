import { z } from 'zod';
import { CALL_PURPOSES, CONSENT_KINDS, DIAL_METHODS } from '../core/attempt.js';
import { ianaZoneSchema } from '../core/check-request.js';
import { instantOrDateText, instantText } from '../core/instant-schema.js';
import { agentsSchema, DIALING_MODES, leadFilterSchema, leadSchema, outcomeModelSchema, pacingSchema, retrySchema } from '../dialer/campaign-config.js';
import { CALL_OUTCOMES } from '../lifecycle/call-machine.js';

/**
 * A scenario file (YAML): a short story about a calling floor, with the expectations that pin what the dialer
 * must do. Every object is strict and the step and expectation lists are discriminated on `type`, so a typo is an
 * error that names its line, never a silently ignored field. scenarios/schema.json is generated from this schema.
 */

const id = (what: string) => z.string({ error: `expected ${what} (a string)` }).min(1, { error: 'must not be empty' });

const enumOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.join('|')}` });

/** A moment: an ISO-8601 instant with an offset, or a local wall-clock time in a named zone. */
export const momentSchema = z.union(
  [
    instantText,
    z.strictObject({
      local: z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/, { error: 'expected "YYYY-MM-DD HH:MM" (local time)' }),
      zone: ianaZoneSchema,
    }),
  ],
  { error: 'expected an ISO-8601 instant with an offset (2026-03-10T20:58:00-05:00) or { local: "2026-03-10 20:58", zone: "America/New_York" }' },
);

const numberSource = {
  numbers: z.array(z.string({ error: 'expected a phone number as a string' })).optional(),
  /** A text file, one number per line, relative to the scenario file. */
  file: z.string().min(1).optional(),
};

const dialStep = z.strictObject({
  type: z.literal('dial'),
  /** A name for the step, for expectations (`decision: { step: late-call }`) and the timeline. */
  id: id('a step id').optional(),
  lead: id('a lead id'),
  at: momentSchema,
  /** How the call is placed; by default the dialer's: manual for manual and preview, autodialer otherwise. */
  method: enumOf(DIAL_METHODS).optional(),
  purpose: enumOf(CALL_PURPOSES).optional(),
  /** What the line does if the call is allowed. */
  answer: enumOf(['answered', 'no-answer', 'busy', 'answering-machine', 'not-in-service'] as const).default('answered'),
  /** Seconds the answered callee waits for an agent; more than 2 abandons the call. */
  agentWaitSeconds: z.number().min(0, { error: 'must not be negative' }).default(0),
  /** How the conversation ends when an agent connects. */
  outcome: enumOf(CALL_OUTCOMES).default('rejected'),
});

const dncRequestStep = z.strictObject({
  type: z.literal('dnc-request'),
  id: id('a step id').optional(),
  lead: id('a lead id'),
  at: momentSchema,
});

const consentStep = z.strictObject({
  type: z.literal('consent'),
  id: id('a step id').optional(),
  lead: id('a lead id'),
  kind: enumOf(CONSENT_KINDS),
  /** Granted by default; `revoke` ends the lead's consents of that kind for this seller. */
  action: enumOf(['grant', 'revoke'] as const).default('grant'),
  at: momentSchema,
});

export const stepSchema = z.discriminatedUnion('type', [dialStep, dncRequestStep, consentStep], {
  error: 'expected a step with type dial|dnc-request|consent',
});

const bound = {
  equals: z.number().optional(),
  atLeast: z.number().optional(),
  atMost: z.number().optional(),
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

const decisionExpectation = z.strictObject({
  type: z.literal('decision'),
  /** The step whose attempt is meant, by its id... */
  step: id('a step id').optional(),
  /** ...or the nth attempt (from 1) to a lead. */
  lead: id('a lead id').optional(),
  nth: z.number().int().min(1).default(1),
  verdict: enumOf(['allow', 'block'] as const).optional(),
  /** Exactly these rules block (order does not matter); [] means none. */
  rules: z.array(z.string()).optional(),
  /** Exactly these rules were lifted by an exemption. */
  exemptions: z.array(z.string()).optional(),
});

const countExpectation = z.strictObject({
  type: z.literal('count'),
  of: enumOf(COUNTABLE),
  /** With `of: blocked`: only attempts this rule blocked. */
  rule: z.string().optional(),
  ...bound,
});

const outcomeExpectation = z.strictObject({ type: z.literal('outcome'), outcome: enumOf(CALL_OUTCOMES), ...bound });

const abandonmentExpectation = z.strictObject({
  type: z.literal('abandonment-rate'),
  /** The highest rate of any 30-day window, as a share (0.03 is 3%). */
  atMost: z.number().min(0).max(1).optional(),
  atLeast: z.number().min(0).max(1).optional(),
});

const neverExpectation = z.strictObject({
  type: z.literal('never-allowed'),
  what: enumOf(NEVER_ALLOWED),
});

export const expectationSchema = z.discriminatedUnion(
  'type',
  [decisionExpectation, countExpectation, outcomeExpectation, abandonmentExpectation, neverExpectation],
  { error: 'expected an expectation with type decision|count|outcome|abandonment-rate|never-allowed' },
);

export const scenarioSchema = z.strictObject(
  {
    title: z.string({ error: 'expected a title' }).min(1),
    /** What the scenario teaches, for trainers; shown in the report. */
    notes: z.string().optional(),
    seller: id('the seller'),
    callerKind: enumOf(['seller', 'broker-dealer'] as const).default('seller'),
    firmContact: z.string().optional(),
    purpose: enumOf(CALL_PURPOSES).default('telemarketing'),
    seed: z.number().int().default(1),
    clock: z.strictObject({ start: instantText, days: z.number().int().min(1).max(366).default(30) }),
    dialer: z
      .strictObject({
        mode: enumOf(DIALING_MODES),
        agents: agentsSchema,
        pacing: pacingSchema.optional(),
        retry: retrySchema.optional(),
        batchSize: z.number().int().min(1).optional(),
        filters: leadFilterSchema.optional(),
      })
      .optional(),
    leads: z.union([z.array(leadSchema).min(1, { error: 'a scenario needs at least one lead' }), z.strictObject({ file: z.string().min(1) })], {
      error: 'expected a list of leads or { file: leads.csv }',
    }),
    registries: z
      .strictObject({
        national: z.strictObject({ syncedAt: instantOrDateText.optional(), ...numberSource }).optional(),
        internal: z.strictObject(numberSource).optional(),
      })
      .optional(),
    consents: z
      .array(
        z.strictObject({
          lead: id('a lead id'),
          kind: enumOf(CONSENT_KINDS),
          /** The seller the consent was given to; the scenario's seller by default. */
          seller: z.string().optional(),
          grantedAt: instantOrDateText,
          revokedAt: instantOrDateText.nullable().optional(),
        }),
      )
      .optional(),
    relationships: z
      .array(
        z.strictObject({
          lead: id('a lead id'),
          lastTransactionAt: instantOrDateText.nullable().optional(),
          lastInquiryAt: instantOrDateText.nullable().optional(),
        }),
      )
      .optional(),
    outcomeModel: outcomeModelSchema.optional(),
    steps: z.array(stepSchema).optional(),
    /** Run the dialer over every lead after the steps (needs `dialer`). */
    campaign: z.boolean().default(false),
    expect: z.array(expectationSchema).default([]),
  },
  { error: 'expected a scenario (a YAML mapping with title, seller, clock, leads...)' },
);

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioStep = z.output<typeof stepSchema>;
export type Expectation = z.output<typeof expectationSchema>;
export type Moment = z.output<typeof momentSchema>;
