import { CALL_PURPOSES, CALLER_KINDS, CONSENT_KINDS, DIAL_METHODS, LINE_TYPES, type CallAttempt, type Consent, type EarlierCall, type Relationship } from './attempt.js';
import { isIanaZone } from './check-request.js';
import { parseInstant, parseInstantOrDate } from './instant.js';
import { subdivision } from './jurisdiction-codes.js';

/**
 * A hand-written validator for the common, well-formed check request: it builds the attempt straight from the parsed
 * JSON value, parsing each instant once, where zod validates and `toCallAttempt` then parses every instant again.
 * It accepts only what `checkRequestSchema` accepts and returns exactly what `parseCheckRequest` returns; for anything
 * unusual (a wrong type, an unknown field, an empty string, shared-registry entries, extensions) it returns
 * undefined, so that zod, the reference, takes over and every error message stays exactly as it is. Property tests
 * (test/core/fast-check-request.test.ts) and `node dist/bench/check-fast-path-audit.js` hold it to the reference.
 */
export function fastCheckRequest(value: unknown): CallAttempt | undefined {
  if (!isPlainObject(value)) return undefined;
  const { at, to, method, purpose, caller, callee, subject, history, consents, relationship, packs } = value as Record<string, unknown>;
  let expectedKeys = 4;
  if (typeof to !== 'string' || to.length === 0 || !isOneOf(method, DIAL_METHODS)) return undefined;
  const epochMs = typeof at === 'string' ? fastInstant(at, false) : undefined;
  if (typeof epochMs !== 'number') return undefined;

  if (purpose !== undefined) expectedKeys++;
  if (purpose !== undefined && !isOneOf(purpose, CALL_PURPOSES)) return undefined;

  if (!isPlainObject(caller)) return undefined;
  const { seller, kind } = caller as Record<string, unknown>;
  if (typeof seller !== 'string' || seller.length === 0 || (kind !== undefined && !isOneOf(kind, CALLER_KINDS))) return undefined;
  if (countKeys(caller) !== (kind === undefined ? 1 : 2)) return undefined;

  let attemptCallee: CallAttempt['callee'] = UNKNOWN_CALLEE;
  if (callee !== undefined) {
    expectedKeys++;
    attemptCallee = calleeOf(callee)!;
    if (attemptCallee === undefined) return undefined;
  }
  if (subject !== undefined) {
    expectedKeys++;
    if (typeof subject !== 'string') return undefined;
  }
  let earlier: readonly EarlierCall[] = NONE;
  if (history !== undefined) {
    expectedKeys++;
    earlier = historyOf(history)!;
    if (earlier === undefined) return undefined;
  }
  let given: readonly Consent[] = NONE;
  if (consents !== undefined) {
    expectedKeys++;
    given = consentsOf(consents)!;
    if (given === undefined) return undefined;
  }
  let related: Relationship = NO_RELATIONSHIP;
  if (relationship !== undefined) {
    expectedKeys++;
    related = relationshipOf(relationship)!;
    if (related === undefined) return undefined;
  }
  let packIds: string[] | undefined;
  if (packs !== undefined) {
    expectedKeys++;
    packIds = packsOf(packs);
    if (packIds === undefined) return undefined;
  }
  // Registries and extensions (and any misspelt field) are left to zod: rare in a stream, and their shapes are many.
  if (countKeys(value) !== expectedKeys) return undefined;

  return {
    at: epochMs,
    to,
    method: method as CallAttempt['method'],
    purpose: (purpose ?? 'telemarketing') as CallAttempt['purpose'],
    caller: { seller, kind: (kind ?? 'seller') as NonNullable<CallAttempt['caller']['kind']> },
    callee: attemptCallee,
    subject: (subject as string | undefined) ?? null,
    history: earlier,
    consents: given,
    relationship: related,
    ...(packIds && { packs: packIds }),
    registries: NO_REGISTRIES,
  };
}

/** A request the fast path takes names no registries of its own: one frozen answer for all of them. */
const NO_REGISTRIES: CallAttempt['registries'] = Object.freeze({ national: null, internal: null, states: Object.freeze([]), canada: null });

/** No earlier calls, no consents: shared, as an attempt's lists are read-only. */
const NONE: readonly never[] = Object.freeze([]);
// Shared as they are, not spread into copies: an attempt is read-only, and a spread of a frozen object takes V8's
// slow path (a sixth of this function's time).
const UNKNOWN_CALLEE: CallAttempt['callee'] = Object.freeze({ lineType: 'unknown', business: false, timeZone: null, state: null });
const NO_RELATIONSHIP: Relationship = Object.freeze({ lastTransactionAt: null, lastInquiryAt: null });

/** What zod's object schemas accept and JSON.parse makes; anything more exotic goes to zod. */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Own enumerable keys, as a strict object schema counts them, without allocating their array. */
function countKeys(value: object): number {
  let count = 0;
  for (const key in value) if (Object.hasOwn(value, key)) count++;
  return count;
}

function isOneOf(value: unknown, values: readonly string[]): value is string {
  return typeof value === 'string' && values.includes(value);
}

/** An instant or a date as `instantOrDateText` accepts it, as epoch milliseconds; undefined when it does not. */
function instantOrDate(value: unknown): number | undefined {
  return typeof value === 'string' ? fastInstant(value, true) : undefined;
}

/** The value of two digits' character codes, or -1 when either is another character. */
function twoDigitsAt(text: string, index: number): number {
  const tens = text.charCodeAt(index) - 48;
  const units = text.charCodeAt(index + 1) - 48;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

const DAY_MS = 86_400_000;

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, as `Date.UTC` counts them (H. Hinnant's
 * days_from_civil), in arithmetic rather than a call into the runtime: the fast path's years are 1900 to 9999.
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function referenceInstant(text: string, dateAllowed: boolean): number | undefined {
  const parsed = dateAllowed ? parseInstantOrDate(text) : parseInstant(text);
  return typeof parsed === 'number' ? parsed : undefined;
}

/**
 * The epoch milliseconds of the commonest forms, `2026-03-10T20:30:00Z` and `2026-03-10T20:30:00-07:00`, each also
 * with milliseconds (`20:30:00.250Z`, as `Date#toISOString` writes them), and, with `dateAllowed`, `2026-03-01`,
 * read from the character codes; any other text, and any text out of range, is left to
 * `parseInstant`/`parseInstantOrDate`, the reference, which this agrees with on every input.
 */
function fastInstant(text: string, dateAllowed: boolean): number | undefined {
  const length = text.length;
  // Three digits of milliseconds after the seconds move the zone designator on by four characters.
  const fraction = (length === 24 || length === 29) && text.charCodeAt(19) === 46 ? 4 : 0;
  if ((length - fraction !== 20 && length - fraction !== 25 && !(dateAllowed && length === 10)) || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return referenceInstant(text, dateAllowed);
  const century = twoDigitsAt(text, 0);
  const yearInCentury = twoDigitsAt(text, 2);
  if (century < 0 || yearInCentury < 0) return referenceInstant(text, dateAllowed);
  const year = century * 100 + yearInCentury;
  const month = twoDigitsAt(text, 5);
  const day = twoDigitsAt(text, 8);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return referenceInstant(text, dateAllowed);
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (leap ? 29 : DAYS_IN_MONTH[month]!)) return referenceInstant(text, dateAllowed);
  if (length === 10) return daysSinceEpoch(year, month, day) * DAY_MS;
  if (text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return referenceInstant(text, dateAllowed);
  const hour = twoDigitsAt(text, 11);
  const minute = twoDigitsAt(text, 14);
  const second = twoDigitsAt(text, 17);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return referenceInstant(text, dateAllowed);
  let millis = 0;
  if (fraction !== 0) {
    const hundreds = text.charCodeAt(20) - 48;
    const rest = twoDigitsAt(text, 21);
    if (hundreds < 0 || hundreds > 9 || rest < 0) return referenceInstant(text, dateAllowed);
    // As the reference reads a fraction: Math.floor(Number(`0.${digits}`) * 1000). Dividing by 1000 gives the same
    // double as reading the text, since both round the same exact value to the nearest double.
    millis = Math.floor(((hundreds * 100 + rest) / 1000) * 1000);
  }
  const zone = 19 + fraction;
  let offsetMinutes = 0;
  if (length - fraction === 20) {
    if (text.charCodeAt(zone) !== 90) return referenceInstant(text, dateAllowed);
  } else {
    const sign = text.charCodeAt(zone);
    const offsetHours = twoDigitsAt(text, zone + 1);
    const offsetMins = twoDigitsAt(text, zone + 4);
    if ((sign !== 43 && sign !== 45) || text.charCodeAt(zone + 3) !== 58 || offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return referenceInstant(text, dateAllowed);
    offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  return daysSinceEpoch(year, month, day) * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

/** The same for a field that may also be null (or absent: undefined means "absent", null "none"). */
function nullableInstantOrDate(value: unknown): number | null | undefined {
  return value === null || value === undefined ? null : instantOrDate(value);
}

function calleeOf(value: unknown): CallAttempt['callee'] | undefined {
  if (!isPlainObject(value)) return undefined;
  const { lineType, business, timeZone, state } = value as Record<string, unknown>;
  let keys = 0;
  if (lineType !== undefined && (keys++, !isOneOf(lineType, LINE_TYPES))) return undefined;
  if (business !== undefined && (keys++, typeof business !== 'boolean')) return undefined;
  if (timeZone !== undefined && (keys++, typeof timeZone !== 'string' || !isIanaZone(timeZone))) return undefined;
  if (state !== undefined && (keys++, typeof state !== 'string' || subdivision(state) === undefined)) return undefined;
  if (countKeys(value) !== keys) return undefined;
  return {
    lineType: (lineType ?? 'unknown') as CallAttempt['callee']['lineType'],
    business: (business as boolean | undefined) ?? false,
    timeZone: (timeZone as string | undefined) ?? null,
    state: (state as string | undefined) ?? null,
  };
}

function historyOf(value: unknown): EarlierCall[] | undefined {
  if (!Array.isArray(value)) return undefined;
  // Sized at once: an array grown by push from empty takes room for 17 entries, and most requests have one or two.
  const calls: EarlierCall[] = new Array(value.length);
  for (let index = 0; index < value.length; index++) {
    const entry: unknown = value[index];
    if (!isPlainObject(entry)) return undefined;
    const { at, subject } = entry as Record<string, unknown>;
    const epochMs = instantOrDate(at);
    if (epochMs === undefined || (subject !== undefined && typeof subject !== 'string')) return undefined;
    if (countKeys(entry) !== (subject === undefined ? 1 : 2)) return undefined;
    calls[index] = { at: epochMs, subject: (subject as string | undefined) ?? null };
  }
  return calls;
}

function consentsOf(value: unknown): Consent[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const consents: Consent[] = new Array(value.length);
  for (let index = 0; index < value.length; index++) {
    const entry: unknown = value[index];
    if (!isPlainObject(entry)) return undefined;
    const { kind, seller, grantedAt, revokedAt } = entry as Record<string, unknown>;
    if (!isOneOf(kind, CONSENT_KINDS) || typeof seller !== 'string' || seller.length === 0) return undefined;
    const granted = instantOrDate(grantedAt);
    const revoked = nullableInstantOrDate(revokedAt);
    if (granted === undefined || revoked === undefined) return undefined;
    if (countKeys(entry) !== (revokedAt === undefined ? 3 : 4)) return undefined;
    consents[index] = { kind: kind as Consent['kind'], seller, grantedAt: granted, revokedAt: revoked };
  }
  return consents;
}

function relationshipOf(value: unknown): Relationship | undefined {
  if (!isPlainObject(value)) return undefined;
  const { lastTransactionAt, lastInquiryAt, personal } = value as Record<string, unknown>;
  const transaction = nullableInstantOrDate(lastTransactionAt);
  const inquiry = nullableInstantOrDate(lastInquiryAt);
  if (transaction === undefined || inquiry === undefined || (personal !== undefined && typeof personal !== 'boolean')) return undefined;
  const keys = (lastTransactionAt === undefined ? 0 : 1) + (lastInquiryAt === undefined ? 0 : 1) + (personal === undefined ? 0 : 1);
  if (countKeys(value) !== keys) return undefined;
  return { lastTransactionAt: transaction, lastInquiryAt: inquiry, ...(personal !== undefined && { personal: personal as boolean }) };
}

function packsOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  for (const id of value) if (typeof id !== 'string' || id.length === 0) return undefined;
  return [...(value as string[])];
}
