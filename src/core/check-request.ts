import { z } from 'zod';
import { CALL_PURPOSES, CONSENT_KINDS, DIAL_METHODS, LINE_TYPES, type CallAttempt } from './attempt.js';
import { parseInstant, parseInstantOrDate, type InstantProblem } from './instant.js';
import { InputError, problemsFromZod } from './input-error.js';
import { knownKeysAt } from './schema-keys.js';

/**
 * The `dialsim check` request (../shared/check-contract.md), validated at the edge with zod. Every object is
 * strict: a misspelt field in a compliance input must be an error, never silently ignored.
 */

const INSTANT_HINT = 'e.g. 2026-03-10T20:30:00-07:00';

function instantProblemMessage(problem: InstantProblem, dateAllowed: boolean): string {
  switch (problem) {
    case 'no-offset':
      return `expected an ISO-8601 instant with an offset or Z (${INSTANT_HINT}); a time without an offset names no instant`;
    case 'out-of-range':
      return 'is not a real date and time (a month, day, hour, minute or offset is out of range)';
    case 'format':
      return dateAllowed
        ? `expected an ISO-8601 instant with an offset or Z (${INSTANT_HINT}) or a date (2026-03-01)`
        : `expected an ISO-8601 instant with an offset or Z (${INSTANT_HINT})`;
  }
}

function instantSchema(dateAllowed: boolean) {
  const parse = dateAllowed ? parseInstantOrDate : parseInstant;
  return z.string({ error: `expected a string (${INSTANT_HINT})` }).transform((text, ctx) => {
    const parsed = parse(text);
    if (typeof parsed === 'number') return parsed;
    ctx.issues.push({ code: 'custom', message: instantProblemMessage(parsed, dateAllowed), input: text });
    return z.NEVER;
  });
}

const instant = instantSchema(false);
const instantOrDate = instantSchema(true);

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

export const registriesSchema = z.strictObject({
  national: nationalRegistrySchema.optional(),
  internal: internalListSchema.optional(),
});

const consentSchema = z.strictObject({
  kind: oneOf(CONSENT_KINDS),
  seller: nonEmptyString('the seller the consent was given to'),
  grantedAt: instantOrDate,
  revokedAt: instantOrDate.nullable().optional(),
});

export const checkRequestSchema = z
  .strictObject({
    at: instant,
    to: phoneNumber,
    method: oneOf(DIAL_METHODS),
    purpose: oneOf(CALL_PURPOSES).optional(),
    caller: z.strictObject({ seller: nonEmptyString('the seller on whose behalf the call is made') }),
    callee: z
      .strictObject({
        lineType: oneOf(LINE_TYPES).optional(),
        business: z.boolean({ error: 'expected true or false' }).optional(),
        timeZone: z
          .string({ error: 'expected an IANA time zone name such as "America/Denver"' })
          .refine(isIanaZone, { error: 'is not an IANA time zone name (e.g. "America/Denver")' })
          .optional(),
      })
      .optional(),
    consents: z.array(consentSchema, { error: 'expected an array of consents' }).optional(),
    relationship: z
      .strictObject({
        lastTransactionAt: instantOrDate.nullable().optional(),
        lastInquiryAt: instantOrDate.nullable().optional(),
      })
      .optional(),
    registries: registriesSchema.optional(),
  }, { error: 'expected a JSON object: a check request' })
  .transform(
    (request): CallAttempt => ({
      at: request.at,
      to: request.to,
      method: request.method,
      purpose: request.purpose ?? 'telemarketing',
      caller: { seller: request.caller.seller },
      callee: {
        lineType: request.callee?.lineType ?? 'unknown',
        business: request.callee?.business ?? false,
        timeZone: request.callee?.timeZone ?? null,
      },
      consents: (request.consents ?? []).map((consent) => ({
        kind: consent.kind,
        seller: consent.seller,
        grantedAt: consent.grantedAt,
        revokedAt: consent.revokedAt ?? null,
      })),
      relationship: {
        lastTransactionAt: request.relationship?.lastTransactionAt ?? null,
        lastInquiryAt: request.relationship?.lastInquiryAt ?? null,
      },
      registries: {
        national: request.registries?.national
          ? {
              syncedAt: request.registries.national.syncedAt ?? null,
              numbers: request.registries.national.numbers ?? [],
            }
          : null,
        internal: request.registries?.internal ? { numbers: request.registries.internal.numbers ?? [] } : null,
      },
    }),
  );

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
  const result = checkRequestSchema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new InputError(problemsFromZod(result.error, (path) => knownKeysAt(checkRequestSchema, path)));
}
