import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearMisses, type Json } from '../../bench/near-miss-requests.js';
import { parseCheckRequest } from '../../src/core/check-request.js';
import { fastCheckRequest } from '../../src/core/fast-check-request.js';
import { InputError } from '../../src/core/input-error.js';
import { screen } from '../../src/engine/screen.js';
import { arbitraryNumber } from '../support/arbitrary-request.js';

const START = Date.parse('2025-06-01T00:00:00Z');
const END = Date.parse('2027-06-01T00:00:00Z');

/** An instant as text in any form the schema takes: Z or an offset, with or without seconds and fractions. */
const instantText = fc
  .tuple(fc.integer({ min: START, max: END }), fc.constantFrom('Z', '-07:00', '+05:30', '-10:00'), fc.constantFrom('seconds', 'minutes', 'millis', 'nanos'))
  .map(([ms, offset, precision]) => {
    const minutes = offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
    const local = new Date(ms + minutes * 60_000).toISOString();
    const clock = precision === 'minutes' ? local.slice(0, 16) : precision === 'seconds' ? local.slice(0, 19) : precision === 'millis' ? local.slice(0, 23) : `${local.slice(0, 23)}456789`;
    return `${clock}${offset}`;
  });
const instantOrDate = fc.oneof(instantText, fc.integer({ min: START, max: END }).map((ms) => new Date(ms).toISOString().slice(0, 10)));
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });

/** Well-formed requests over every field the fast path builds itself. */
const request = fc
  .record(
    {
      at: instantText,
      to: fc.oneof(arbitraryNumber, fc.constantFrom('(303) 555-0123', '212-555-0147', '1 416 555 0100', 'not a number')),
      method: fc.constantFrom('manual', 'autodialer', 'prerecorded'),
      purpose: fc.constantFrom('telemarketing', 'informational'),
      caller: fc.record({ seller: fc.constantFrom('acme', 'globex'), kind: fc.constantFrom('seller', 'broker-dealer') }, { requiredKeys: ['seller'] }),
      callee: fc.record(
        {
          lineType: fc.constantFrom('mobile', 'landline', 'unknown'),
          business: fc.boolean(),
          timeZone: fc.constantFrom('America/Denver', 'Pacific/Honolulu', 'UTC'),
          state: fc.constantFrom('FL', 'CO', 'ON', 'PR'),
        },
        { requiredKeys: [] },
      ),
      subject: fc.constantFrom('solar panels', '', 'insurance – “quoted”'),
      history: fc.array(fc.record({ at: instantOrDate, subject: optional(fc.constantFrom('solar panels', 'roofing')) }).map(withoutUndefined), { maxLength: 3 }),
      consents: fc.array(
        fc
          .record({ kind: fc.constantFrom('prior-express-written', 'prior-express'), seller: fc.constantFrom('acme', 'globex'), grantedAt: instantOrDate, revokedAt: optional(fc.option(instantOrDate, { nil: null })) })
          .map(withoutUndefined),
        { maxLength: 2 },
      ),
      relationship: fc.record({ lastTransactionAt: fc.option(instantOrDate, { nil: null }), lastInquiryAt: fc.option(instantOrDate, { nil: null }), personal: fc.boolean() }, { requiredKeys: [] }),
      packs: fc.constantFrom(['us-federal'], ['us-federal', 'us-states'], ['finra']),
    },
    { requiredKeys: ['at', 'to', 'method', 'caller'] },
  )
  .map((value) => value as unknown as Json);

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** The reference: zod's attempt, or the problems it reports. */
function reference(value: unknown): ReturnType<typeof parseCheckRequest> | { problems: unknown } {
  try {
    return parseCheckRequest(value);
  } catch (error) {
    if (error instanceof InputError) return { problems: error.problems };
    throw error;
  }
}

/** The decision, or the input problems screening found (a state of the other country, an unknown pack). */
function decisionOf(attempt: ReturnType<typeof parseCheckRequest>): ReturnType<typeof screen> | { problems: unknown } {
  try {
    return screen(attempt);
  } catch (error) {
    if (error instanceof InputError) return { problems: error.problems };
    throw error;
  }
}

/** The fast path either stands aside or gives exactly zod's attempt, and the decisions on the two are the same. */
function expectSameAsReference(value: unknown): 'fast' | 'reference' {
  const fast = fastCheckRequest(value);
  const expected = reference(value);
  if (fast === undefined) return 'reference';
  expect(fast).toStrictEqual(expected);
  expect(decisionOf(fast)).toStrictEqual(decisionOf(expected as ReturnType<typeof parseCheckRequest>));
  return 'fast';
}

describe('fastCheckRequest', () => {
  it('builds exactly the attempt zod builds for every well-formed request, and the same decision', () => {
    fc.assert(
      fc.property(request, (value) => {
        expect(expectSameAsReference(value)).toBe('fast');
      }),
      { numRuns: 1500 },
    );
  });

  it('stands aside or agrees with zod for every near miss: each field absent, of a wrong type or value, or beside an extra field', () => {
    const paths = { fast: 0, reference: 0 };
    fc.assert(
      fc.property(request, (value) => {
        for (const miss of nearMisses(value)) paths[expectSameAsReference(miss)]++;
      }),
      { numRuns: 60 },
    );
    // Both sides were reached: removing an optional field keeps a request valid, a wrong type never does.
    expect(paths.fast).toBeGreaterThan(100);
    expect(paths.reference).toBeGreaterThan(1000);
  });

  it('leaves anything that is not a plain object to zod', () => {
    for (const value of [null, [], 'x', 3, Object.create({ at: '2026-03-10T12:00:00Z' }), new Date(0)]) {
      expect(fastCheckRequest(value)).toBeUndefined();
      expect(reference(value)).toHaveProperty('problems');
    }
  });

  it('leaves requests with registries or extensions to zod, which builds them', () => {
    const base = { at: '2026-03-10T12:00:00-07:00', to: '+13035550123', method: 'manual', caller: { seller: 'acme' } };
    expect(fastCheckRequest(base)).toBeDefined();
    expect(fastCheckRequest({ ...base, registries: { national: { syncedAt: '2026-03-01' } } })).toBeUndefined();
    expect(fastCheckRequest({ ...base, extensions: { postalCode: '70112' } })).toBeUndefined();
  });

  it('refuses a key JSON.parse makes own, such as "__proto__", as the strict schema does', () => {
    const value = JSON.parse('{"at":"2026-03-10T12:00:00Z","to":"+13035550123","method":"manual","caller":{"seller":"acme"},"__proto__":{}}');
    expect(fastCheckRequest(value)).toBeUndefined();
    expect(reference(value)).toHaveProperty('problems');
  });
});

describe('fastCheckRequest instants', () => {
  /** Instant-shaped text with each character sometimes swapped for a near one: a digit, a separator, a letter. */
  const instantLike = fc
    .tuple(
      fc.integer({ min: Date.parse('1899-12-31T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }),
      fc.constantFrom('Z', '-07:00', '+05:30', '+23:59', '-24:00', '+00:60', 'z', '-0700'),
      fc.array(fc.tuple(fc.nat(30), fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '9', ':', '-', 'T', ' ', 'Z', '+')), { maxLength: 2 }),
      fc.boolean(),
      fc.constantFrom(19, 21, 22, 23),
    )
    .map(([ms, offset, swaps, dateOnly, clockEnd]) => {
      // 19 characters end at the seconds; 21 to 23 keep a fraction of 1 to 3 digits (the fast path reads 3).
      let text = dateOnly ? new Date(ms).toISOString().slice(0, 10) : `${new Date(ms).toISOString().slice(0, clockEnd)}${offset}`;
      for (const [at, character] of swaps) if (at < text.length) text = text.slice(0, at) + character + text.slice(at + 1);
      return text;
    });

  /** Instants built from fields at and beyond their bounds: month 13, 30 February, hour 24, second 60, offset +24:00. */
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const boundaryInstant = fc
    .record({
      year: fc.constantFrom(1899, 1900, 2000, 2024, 2026, 2100),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.constantFrom(0, 30, 59, 60, 61),
      second: fc.constantFrom(0, 1, 59, 60, 61),
      offset: fc.constantFrom('Z', '+00:00', '-23:59', '+24:00', '-05:60', '-05:00'),
      fraction: fc.constantFrom('', '.000', '.001', '.289', '.999', '.5', '.1234'),
      dateOnly: fc.boolean(),
    })
    .map(({ year, month, day, hour, minute, second, offset, fraction, dateOnly }) => {
      const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
      return dateOnly ? date : `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${offset}`;
    });

  it('reads every millisecond from .000 to .999, after Z or an offset, as the reference parser does', () => {
    const base = { to: '+13035550123', method: 'manual', caller: { seller: 'acme' } };
    for (let millis = 0; millis < 1000; millis++) {
      for (const zone of ['Z', '-07:00']) expect(expectSameAsReference({ ...base, at: `2026-03-10T20:30:59.${String(millis).padStart(3, '0')}${zone}` })).toBe('fast');
    }
  });

  it('counts the days of every year it reads, 1900 to 9999, as the reference parser does (leap centuries too)', () => {
    const base = { to: '+13035550123', method: 'manual', caller: { seller: 'acme' } };
    // Every fifth day over five centuries, across 1900, 2000, 2100, 2400 and each February's end.
    for (let ms = Date.UTC(1900, 0, 1); ms < Date.UTC(2401, 0, 1); ms += 5 * 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      expect(expectSameAsReference({ ...base, at: `${date}T23:59:59.999-07:00`, consents: [{ kind: 'prior-express', seller: 'acme', grantedAt: date }] })).toBe('fast');
    }
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        expectSameAsReference({ ...base, at: `${date}T00:00:00+05:30`, history: [{ at: date }] });
      }),
      { numRuns: 3000 },
    );
  });

  it('reads "at", history and consent instants exactly as the reference parser does, valid or not', () => {
    const base = { to: '+13035550123', method: 'manual', caller: { seller: 'acme' } };
    fc.assert(
      fc.property(fc.oneof(instantLike, boundaryInstant), (text) => {
        for (const value of [{ ...base, at: text }, { ...base, at: '2026-03-10T12:00:00Z', history: [{ at: text }] }, { ...base, at: '2026-03-10T12:00:00Z', consents: [{ kind: 'prior-express', seller: 'acme', grantedAt: text }] }]) {
          expectSameAsReference(value);
        }
      }),
      { numRuns: 8000 },
    );
  });
});
