import { z } from 'zod';
import { CALL_PURPOSES, CALLER_KINDS, CONSENT_KINDS, DIAL_METHODS, LINE_TYPES, type CallAttempt, type Consent, type Relationship } from './attempt.js';
import { parseInstantOrDate } from './instant.js';
import { instantOrDateText, instantText } from './instant-schema.js';
import { InputError, problemsFromZod } from './input-error.js';
import { knownKeysAt } from './schema-keys.js';
import { subdivision, unknownSubdivisionMessage } from './jurisdiction-codes.js';

/**
 * The `dialsim check` request (../shared/check-contract.md), validated at the edge with zod. Every object is
 * strict: a misspelt field in a compliance input must be an error, never silently ignored.
 */

const instant = instantText;
const instantOrDate = instantOrDateText;

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of ${values.join('|')}` });
}

const phoneNumber = z
  .string({ error: 'expected a string: write phone numbers in quotes, e.g. "+13035550123"' })
  .min(1, { error: 'must not be empty' });

const nonEmptyString = (what: string) =>
  z.string({ error: `expected a string (${what})` }).min(1, { error: `must not be empty (${what})` });

const numberList = z.array(phoneNumber, { error: 'expected an array of phone numbers as strings' });

export const nationalRegistrySchema = z.strictObject({
  syncedAt: instantOrDate.optional(),
  numbers: numberList.optional(),
});

export const internalListSchema = z.strictObject({ numbers: numberList.optional() });

/** A state, territory or province code: `FL`, `PR`, `ON`; an unknown one names the codes that exist. */
export const stateCodeSchema = z
  .string({ error: 'expected a state code as a string, e.g. "FL"' })
  .refine((code) => subdivision(code) !== undefined, { error: (issue) => unknownSubdivisionMessage(String(issue.input)) });

/** Copies of state do-not-call lists, by state code: the same shape as the national copy. */
export const stateRegistriesSchema = z.record(stateCodeSchema, nationalRegistrySchema, {
  error: (issue) =>
    issue.code === 'invalid_key'
      ? `${unknownSubdivisionMessage(String(issue.input))}; a copy is keyed by the state's code`
      : issue.code === 'invalid_type'
        ? 'expected an object of state list copies by state code, e.g. {"FL": {"syncedAt": "2026-03-01", "numbers": []}}'
        : undefined,
});

/**
 * The seller's copy of Canada's National DNCL. Its download date is required: a DNCL copy is only usable within 31
 * days of it, and a copy without one is a mistake in the input rather than a fact to screen.
 */
export const canadaRegistrySchema = z.strictObject({
  syncedAt: instantOrDate,
  numbers: numberList.optional(),
});

export const registriesSchema = z.strictObject({
  national: nationalRegistrySchema.optional(),
  internal: internalListSchema.optional(),
  states: stateRegistriesSchema.optional(),
  canada: canadaRegistrySchema.optional(),
});

/** What a call is about, for same-subject frequency caps ("solar panels"). */
export const subjectSchema = z.string({ error: 'expected a string: what the call is about, e.g. "solar panels"' });

/** One earlier attempt by this seller to this callee (on any of the callee's numbers). */
export const historyEntrySchema = z.strictObject({
  at: instantOrDate,
  subject: subjectSchema.optional(),
});

export const consentSchema = z.strictObject({
  kind: oneOf(CONSENT_KINDS),
  seller: nonEmptyString('the seller the consent was given to'),
  grantedAt: instantOrDate,
  revokedAt: instantOrDate.nullable().optional(),
});

export const relationshipSchema = z.strictObject({
  lastTransactionAt: instantOrDate.nullable().optional(),
  lastInquiryAt: instantOrDate.nullable().optional(),
  personal: z.boolean({ error: 'expected true or false: the caller knows the callee personally' }).optional(),
});

export const lineTypeSchema = oneOf(LINE_TYPES);

export const ianaZoneSchema = z
  .string({ error: 'expected an IANA time zone name such as "America/Denver"' })
  .refine(isIanaZone, { error: 'is not an IANA time zone name (e.g. "America/Denver")' });

const extensionValue = z.union(
  [z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))],
  { error: 'expected a string, a number, true or false, null, or an array of strings and numbers' },
);

/** Facts for custom policies, by name (`{"postalCode": "70112"}`); which ones a policy reads, it declares. */
export const extensionsSchema = z.record(
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  extensionValue,
  {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? 'expected an object of facts by name, e.g. {"postalCode": "70112"}'
        : issue.code === 'invalid_key'
          ? 'a fact name is letters, digits and _, e.g. "postalCode"'
          : undefined,
  },
);

/**
 * The built-in packs a request chooses. The list of packs lives in policies/, above core, so whether each id names
 * one is checked where the packs are put together (`packsInForce`), with the same `packs[i]` path.
 */
export const packsSchema = z
  .array(nonEmptyString('a pack id'), { error: 'expected an array of pack ids, e.g. ["us-federal", "us-states"]' })
  .min(1, { error: 'names no pack: leave "packs" out to screen with the default packs' });

export const checkRequestSchema = z
  .strictObject({
    at: instant,
    to: phoneNumber,
    method: oneOf(DIAL_METHODS),
    purpose: oneOf(CALL_PURPOSES).optional(),
    caller: z.strictObject({ seller: nonEmptyString('the seller on whose behalf the call is made'), kind: oneOf(CALLER_KINDS).optional() }),
    callee: z
      .strictObject({
        lineType: lineTypeSchema.optional(),
        business: z.boolean({ error: 'expected true or false' }).optional(),
        timeZone: ianaZoneSchema.optional(),
        state: stateCodeSchema.optional(),
      })
      .optional(),
    subject: subjectSchema.optional(),
    history: z.array(historyEntrySchema, { error: 'expected an array of earlier calls, e.g. [{"at": "2026-03-10T10:00:00-05:00"}]' }).optional(),
    consents: z.array(consentSchema, { error: 'expected an array of consents' }).optional(),
    relationship: relationshipSchema.optional(),
    registries: registriesSchema.optional(),
    packs: packsSchema.optional(),
    extensions: extensionsSchema.optional(),
  }, { error: 'expected a JSON object: a check request' });

type ValidRequest = z.output<typeof checkRequestSchema>;

/** Instants already validated by the schema, as epoch milliseconds. */
function epochMs(text: string): number {
  return parseInstantOrDate(text) as number;
}

function optionalEpochMs(text: string | null | undefined): number | null {
  return text == null ? null : epochMs(text);
}

export function toConsent(consent: z.output<typeof consentSchema>): Consent {
  return {
    kind: consent.kind,
    seller: consent.seller,
    grantedAt: epochMs(consent.grantedAt),
    revokedAt: optionalEpochMs(consent.revokedAt),
  };
}

export function toRelationship(relationship: z.output<typeof relationshipSchema> | undefined): Relationship {
  return {
    lastTransactionAt: optionalEpochMs(relationship?.lastTransactionAt),
    lastInquiryAt: optionalEpochMs(relationship?.lastInquiryAt),
    ...(relationship?.personal !== undefined && { personal: relationship.personal }),
  };
}

/** The validated request as the attempt dialsim screens: defaults filled in, instants as epoch milliseconds. */
function toCallAttempt(request: ValidRequest): CallAttempt {
  return {
    at: epochMs(request.at),
    to: request.to,
    method: request.method,
    purpose: request.purpose ?? 'telemarketing',
    caller: { seller: request.caller.seller, kind: request.caller.kind ?? 'seller' },
    callee: {
      lineType: request.callee?.lineType ?? 'unknown',
      business: request.callee?.business ?? false,
      timeZone: request.callee?.timeZone ?? null,
      state: request.callee?.state ?? null,
    },
    subject: request.subject ?? null,
    history: (request.history ?? []).map((entry) => ({ at: epochMs(entry.at), subject: entry.subject ?? null })),
    consents: (request.consents ?? []).map(toConsent),
    relationship: toRelationship(request.relationship),
    ...(request.extensions && { extensions: request.extensions }),
    ...(request.packs && { packs: request.packs }),
    registries: {
      national: request.registries?.national
        ? {
            syncedAt: optionalEpochMs(request.registries.national.syncedAt),
            numbers: request.registries.national.numbers ?? [],
          }
        : null,
      internal: request.registries?.internal ? { numbers: request.registries.internal.numbers ?? [] } : null,
      states: Object.entries(request.registries?.states ?? {}).map(([state, copy]) => ({
        state,
        syncedAt: optionalEpochMs(copy.syncedAt),
        numbers: copy.numbers ?? [],
      })),
      canada: request.registries?.canada
        ? { syncedAt: optionalEpochMs(request.registries.canada.syncedAt), numbers: request.registries.canada.numbers ?? [] }
        : null,
    },
  };
}

/** A request as written in JSON (before validation), e.g. for building examples and tests. */
export type CheckRequestInput = z.input<typeof checkRequestSchema>;

const zoneValidity = new Map<string, boolean>();

/** True for names the runtime's IANA database knows ("America/Denver"); offsets and abbreviations are refused. */
export function isIanaZone(name: string): boolean {
  let known = zoneValidity.get(name);
  if (known === undefined) {
    try {
      // Intl canonicalises known zone names and throws a RangeError for any other string.
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = name.includes('/') || name === 'UTC';
    } catch {
      known = false;
    }
    zoneValidity.set(name, known);
  }
  return known;
}

/**
 * Validates one request (already parsed from JSON) and returns the attempt, or throws an `InputError` whose
 * problems name each field path ("callee.lineType: expected one of mobile|landline|unknown").
 */
export function parseCheckRequest(value: unknown): CallAttempt {
  // reportInput (which lets an error tell a missing field from a wrong one) doubles the cost: only on failure.
  const result = checkRequestSchema.safeParse(value);
  if (result.success) return toCallAttempt(result.data);
  throw new InputError(problemsFromZod(checkRequestSchema.safeParse(value, { reportInput: true }).error!, (path) => knownKeysAt(checkRequestSchema, path)));
}
