import fc from 'fast-check';
import type { CheckRequestInput } from '../../src/core/check-request.js';
import { resolveNumberDirect } from '../../src/resolve/phone-number.js';

/** Area codes that cover the interesting cases: multi-zone, no DST, territories, non-geographic, Canada. */
const AREA_CODES = ['212', '303', '208', '907', '928', '602', '808', '787', '671', '312', '850', '800', '888', '500', '900', '416', '689'];

const SELLERS = ['acme', 'Acme', 'globex'];

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

export const arbitraryNumber = fc
  .tuple(fc.constantFrom(...AREA_CODES), fc.integer({ min: 2, max: 9 }), digits(6))
  .map(([areaCode, first, rest]) => `+1${areaCode}${first}${rest}`);

const START = Date.parse('2025-06-01T00:00:00Z');
const END = Date.parse('2027-06-01T00:00:00Z');

export const arbitraryInstantMs = fc.integer({ min: START, max: END });
const iso = (ms: number) => new Date(ms).toISOString();

const consent = fc.record({
  kind: fc.constantFrom('prior-express-written' as const, 'prior-express' as const),
  seller: fc.constantFrom(...SELLERS),
  grantedAt: arbitraryInstantMs.map(iso),
  revokedAt: fc.option(arbitraryInstantMs.map(iso), { nil: null }),
});

/** Any well-formed check request: the space the property tests quantify over. */
export const arbitraryRequest: fc.Arbitrary<CheckRequestInput & { to: string; at: string }> = fc
  .record({
    atMs: arbitraryInstantMs,
    to: arbitraryNumber,
    method: fc.constantFrom('manual' as const, 'autodialer' as const, 'prerecorded' as const),
    purpose: fc.constantFrom('telemarketing' as const, 'informational' as const),
    seller: fc.constantFrom(...SELLERS),
    lineType: fc.constantFrom('mobile' as const, 'landline' as const, 'unknown' as const, undefined),
    business: fc.boolean(),
    timeZone: fc.option(fc.constantFrom('America/Denver', 'Pacific/Honolulu', 'America/New_York'), { nil: undefined }),
    consents: fc.array(consent, { maxLength: 3 }),
    lastTransactionAt: fc.option(arbitraryInstantMs.map(iso), { nil: null }),
    lastInquiryAt: fc.option(arbitraryInstantMs.map(iso), { nil: null }),
    personal: fc.option(fc.boolean(), { nil: undefined }),
    // Copies mostly a few days old, sometimes past 31 days or missing, so every registry rule is reached.
    national: fc.option(fc.record({ ageHours: fc.integer({ min: 0, max: 900 }), listed: fc.boolean() }), {
      nil: undefined,
      freq: 8,
    }),
    internalListed: fc.boolean(),
  })
  .map((r) => {
    // A registry entry must be a real number (an invalid one is an input error), so only dialable numbers are listed.
    const listable = resolveNumberDirect(r.to).e164 !== null;
    return {
    at: iso(r.atMs),
    to: r.to,
    method: r.method,
    purpose: r.purpose,
    caller: { seller: r.seller },
    callee: { ...(r.lineType && { lineType: r.lineType }), business: r.business, ...(r.timeZone && { timeZone: r.timeZone }) },
    consents: r.consents,
    relationship: { lastTransactionAt: r.lastTransactionAt, lastInquiryAt: r.lastInquiryAt, ...(r.personal !== undefined && { personal: r.personal }) },
    registries: {
      ...(r.national && { national: { syncedAt: iso(r.atMs - r.national.ageHours * 3_600_000), numbers: r.national.listed && listable ? [r.to] : [] } }),
      internal: { numbers: r.internalListed && listable ? [r.to] : [] },
    },
  };
  });
