import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCheckRequest } from '../../src/core/check-request.js';
import { screen } from '../../src/engine/screen.js';
import { arbitraryRequest } from '../support/arbitrary-request.js';

const RUNS = 1500;

/** Canadian area codes: one zone and several (867), no DST (306), non-geographic (600). */
const CANADIAN_AREA_CODES = ['416', '604', '514', '306', '867', '709', '600'];

const canadianNumber = fc
  .tuple(fc.constantFrom(...CANADIAN_AREA_CODES), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([areaCode, first, rest]) => `+1${areaCode}${first}${String(rest).padStart(6, '0')}`);

/** Any request, sent to a Canadian number, with a DNCL copy of any age that may list it. */
const canadianRequest = fc
  .tuple(arbitraryRequest, canadianNumber, fc.option(fc.record({ ageHours: fc.integer({ min: 0, max: 900 }), listed: fc.boolean() }), { nil: undefined }))
  .map(([request, to, dncl]) => ({
    ...request,
    to,
    registries: {
      ...request.registries,
      internal: { numbers: [] },
      ...(dncl && { canada: { syncedAt: new Date(Date.parse(request.at) - dncl.ageHours * 3_600_000).toISOString(), numbers: dncl.listed ? [to] : [] } }),
    },
  }));

/** The rules that may speak to a Canadian number, from the check contract (not from the packs, which could drift). */
const CANADIAN_OR_COMMON = new Set(['number.invalid', 'jurisdiction.unsupported', 'timezone.unknown', 'dnc.internal', 'hours.canada', 'dnc.canada', 'dnc.canada-stale', 'consent.adad-canada']);
const CANADIAN_RULES = ['hours.canada', 'dnc.canada', 'dnc.canada-stale', 'consent.adad-canada'];

describe('jurisdiction properties', () => {
  it('no Canadian number is ever screened by a US-only rule (federal, state or FINRA)', () => {
    let canadianFindings = 0;
    fc.assert(
      fc.property(canadianRequest, fc.boolean(), (request, broker) => {
        const decision = screen(parseCheckRequest(broker ? { ...request, caller: { ...request.caller, kind: 'broker-dealer' } } : request));
        const rules = [...decision.violations, ...decision.exemptions].map((found) => found.rule);
        for (const rule of rules) expect(CANADIAN_OR_COMMON.has(rule), `${rule} screened ${request.to}`).toBe(true);
        if (rules.some((rule) => CANADIAN_RULES.includes(rule))) canadianFindings++;
      }),
      { numRuns: RUNS },
    );
    // The property means something only if Canada's own rules do speak.
    expect(canadianFindings).toBeGreaterThan(RUNS / 4);
  });

  it('no broker-dealer decision cites the Telemarketing Sales Rule (16 CFR 310)', () => {
    let cited = 0;
    fc.assert(
      fc.property(arbitraryRequest, (request) => {
        const decision = screen(parseCheckRequest({ ...request, caller: { ...request.caller, kind: 'broker-dealer' } }));
        for (const found of [...decision.violations, ...decision.exemptions]) {
          cited++;
          expect(found.citation, `${found.rule} for a broker-dealer`).not.toMatch(/16 CFR 310/);
        }
      }),
      { numRuns: RUNS },
    );
    expect(cited).toBeGreaterThan(RUNS);
  });

  it('the same requests from an ordinary seller do cite the TSR: the property above can fail', () => {
    const tsr = fc.sample(arbitraryRequest, 300).some((request) =>
      screen(parseCheckRequest(request)).violations.some((found) => /16 CFR 310/.test(found.citation)),
    );
    expect(tsr).toBe(true);
  });

  it('a prerecorded call to a Canadian number is never allowed without express consent to this seller valid at that instant', () => {
    let allowed = 0;
    fc.assert(
      fc.property(canadianRequest, (request) => {
        const decision = screen(parseCheckRequest({ ...request, method: 'prerecorded' }));
        if (decision.verdict !== 'allow') return;
        allowed++;
        const at = Date.parse(request.at);
        const valid = (request.consents ?? []).some(
          (consent) => consent.seller === request.caller.seller && Date.parse(consent.grantedAt) <= at && (consent.revokedAt == null || Date.parse(consent.revokedAt) > at),
        );
        expect(valid).toBe(true);
      }),
      { numRuns: RUNS },
    );
    // The property means something only if allowed prerecorded calls are reached often enough.
    expect(allowed).toBeGreaterThan(RUNS / 50);
  });
});
