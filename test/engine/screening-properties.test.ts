import { US_REGIONS } from '../../policies/us-federal/index.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCheckRequest } from '../../src/core/check-request.js';
import { screen } from '../../src/engine/screen.js';
import { resolveNumberDirect } from '../../src/resolve/phone-number.js';
import { arbitraryRequest } from '../support/arbitrary-request.js';

const RUNS = 3000;

/** The local wall-clock hour read straight from the ISO text, independent of the engine's own arithmetic. */
const localHour = (iso: string) => Number(iso.slice(11, 13));

describe('screening properties', () => {
  it('blocks if and only if there is a violation', () => {
    fc.assert(
      fc.property(arbitraryRequest, (request) => {
        const decision = screen(parseCheckRequest(request));
        expect(decision.verdict === 'block').toBe(decision.violations.length > 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('never allows a residential telemarketing call while any candidate zone is outside 08:00-21:00', () => {
    let checked = 0;
    fc.assert(
      // Manual dialing, so that the consent rules (which block most robocalls) leave enough allowed calls to check.
      fc.property(arbitraryRequest.map((request) => ({ ...request, method: 'manual' as const })), (request) => {
        const decision = screen(parseCheckRequest(request), { packs: ['us-federal'] });
        const residentialTelemarketing = request.purpose !== 'informational' && request.callee?.business !== true;
        if (decision.verdict !== 'allow' || !residentialTelemarketing) return;
        checked++;
        expect(decision.callee.localTimes.length).toBeGreaterThan(0);
        for (const local of decision.callee.localTimes) {
          expect(localHour(local)).toBeGreaterThanOrEqual(8);
          expect(localHour(local)).toBeLessThan(21);
        }
      }),
      { numRuns: RUNS },
    );
    // The property means something only if the generator reaches allowed calls often enough.
    expect(checked).toBeGreaterThan(RUNS / 100);
  });

  it('never allows a call to a number on the internal list, whatever else holds', () => {
    fc.assert(
      fc.property(arbitraryRequest.filter((request) => resolveNumberDirect(request.to).e164 !== null), (request) => {
        const listed = { ...request, registries: { ...request.registries, internal: { numbers: [request.to] } } };
        const decision = screen(parseCheckRequest(listed));
        expect(decision.verdict).toBe('block');
        const valid = decision.callee.e164 !== null && !decision.violations.some((v) => v.rule === 'jurisdiction.unsupported');
        if (valid) expect(decision.violations.map((v) => v.rule)).toContain('dnc.internal');
      }),
      { numRuns: RUNS },
    );
  });

  it('never allows an autodialed or prerecorded call to a US mobile or unknown line without a consent valid at that instant', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbitraryRequest, (request) => {
        const decision = screen(parseCheckRequest(request));
        // Canada's rule is about prerecorded calls alone (consent.adad-canada, its own properties).
        if (!US_REGIONS.includes(resolveNumberDirect(request.to).region ?? '')) return;
        const robocall = request.method !== 'manual';
        const wireless = request.callee?.lineType !== 'landline';
        if (decision.verdict !== 'allow' || !robocall || !wireless) return;
        checked++;
        const at = Date.parse(request.at);
        const accepted = request.purpose === 'informational' ? ['prior-express-written', 'prior-express'] : ['prior-express-written'];
        const validConsent = (request.consents ?? []).some(
          (consent) =>
            accepted.includes(consent.kind) &&
            consent.seller === request.caller.seller &&
            Date.parse(consent.grantedAt) <= at &&
            (consent.revokedAt == null || Date.parse(consent.revokedAt) > at),
        );
        expect(validConsent).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBeGreaterThan(RUNS / 200);
  });

  it('never allows a residential telemarketing call to a number on the national registry without an exemption it reports', () => {
    fc.assert(
      fc.property(arbitraryRequest, (request) => {
        const onRegistry = (request.registries?.national?.numbers ?? []).length > 0;
        const residentialTelemarketing = request.purpose !== 'informational' && request.callee?.business !== true;
        const decision = screen(parseCheckRequest(request));
        if (decision.verdict !== 'allow' || !onRegistry || !residentialTelemarketing) return;
        expect(decision.exemptions.map((exemption) => exemption.rule)).toContain('dnc.national');
      }),
      { numRuns: RUNS },
    );
  });
});
