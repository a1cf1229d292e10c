import { describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { screen } from '../../../src/engine/screen.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { writtenConsent } from '../../support/consents.js';

// The federal rules for a broker-dealer's call (../shared/check-contract.md, "Broker-dealers"): cited under 47 CFR
// 64.1200 alone, with the FCC's exemptions. Columbus, Ohio (614) has no state rules, so only the federal rules speak.
const BROKER = { seller: 'lakeshore', kind: 'broker-dealer' as const };
const SELLER = { seller: 'lakeshore' };
const COLUMBUS = '+1 614 555 0188';
const LATE = '2026-03-10T21:30:00-04:00';

function federal(overrides: Partial<CheckRequestInput>): Decision {
  return screen(anAttempt({ to: COLUMBUS, ...overrides }), { packs: ['us-federal'] });
}

const rules = (decision: Decision) => decision.violations.map((found) => found.rule);
const lifted = (decision: Decision) => decision.exemptions.map((found) => [found.rule, found.messageId]);

describe('hours.federal for a broker-dealer', () => {
  it('is lifted by an established business relationship, and reported as an exemption citing the FCC alone', () => {
    const decision = federal({ at: LATE, caller: BROKER, relationship: { lastTransactionAt: '2025-11-02' } });
    expect(decision.verdict).toBe('allow');
    expect(lifted(decision)).toEqual([['hours.federal', 'brokerDealerRelationship']]);
    expect(decision.exemptions[0]!.citation).toBe('47 CFR 64.1200(c)(1)');
  });

  it("is lifted by the callee's prior express consent of either kind", () => {
    const oral = federal({ at: LATE, caller: BROKER, consents: [{ kind: 'prior-express', seller: 'lakeshore', grantedAt: '2025-05-01T00:00:00Z' }] });
    const written = federal({ at: LATE, caller: BROKER, consents: [writtenConsent('lakeshore', '2025-05-01T00:00:00Z')] });
    expect([oral.verdict, written.verdict]).toEqual(['allow', 'allow']);
    expect(lifted(oral)).toEqual([['hours.federal', 'brokerDealerConsent']]);
    expect(lifted(written)).toEqual([['hours.federal', 'brokerDealerConsent']]);
    expect([oral.exemptions[0]!.data.consentKind, written.exemptions[0]!.data.consentKind]).toEqual(['prior express consent', 'prior express written consent']);
  });

  it('blocks a prospect, citing 47 CFR 64.1200(c)(1) without the TSR', () => {
    const decision = federal({ at: LATE, caller: BROKER });
    expect(decision.violations.map((found) => [found.rule, found.citation])).toEqual([['hours.federal', '47 CFR 64.1200(c)(1)']]);
  });

  it("is not lifted for an ordinary seller's existing customer: the TSR's window yields to neither", () => {
    const customer = federal({ at: LATE, caller: SELLER, relationship: { lastTransactionAt: '2025-11-02' } });
    const consented = federal({ at: LATE, caller: SELLER, consents: [writtenConsent('lakeshore', '2025-05-01T00:00:00Z')] });
    expect([rules(customer), rules(consented)]).toEqual([['hours.federal'], ['hours.federal']]);
    expect(customer.violations[0]!.citation).toBe('47 CFR 64.1200(c)(1); 16 CFR 310.4(c)');
  });
});

describe('dnc.national for a broker-dealer', () => {
  const listed = { national: { syncedAt: '2026-03-01', numbers: ['614-555-0188'] } };

  it('is lifted by a personal relationship of the caller (47 CFR 64.1200(c)(2)(iii))', () => {
    const decision = federal({ caller: BROKER, relationship: { personal: true }, registries: listed });
    expect(decision.verdict).toBe('allow');
    expect(lifted(decision)).toEqual([['dnc.national', 'personal']]);
    expect(decision.exemptions[0]!.citation).toBe('47 CFR 64.1200(c)(2)');
  });

  it('is not lifted by a personal relationship for an ordinary seller (the TSR has no such exemption)', () => {
    const decision = federal({ caller: SELLER, relationship: { personal: true }, registries: listed });
    expect(rules(decision)).toEqual(['dnc.national']);
    expect(decision.violations[0]!.citation).toBe('47 CFR 64.1200(c)(2); 16 CFR 310.4(b)(1)(iii)(B)');
  });
});

describe('every federal citation of a broker-dealer decision is the FCC rule alone', () => {
  it.each<[string, Partial<CheckRequestInput>, string, string]>([
    ['a stale registry copy: dnc.registry-stale', { registries: { national: { syncedAt: '2026-01-01', numbers: [] } } }, 'dnc.registry-stale', '47 CFR 64.1200(c)(2)(i)'],
    ['a prerecorded call to a landline: consent.prerecorded-residential', { method: 'prerecorded', callee: { lineType: 'landline' } }, 'consent.prerecorded-residential', '47 CFR 64.1200(a)(3)'],
    ['the internal list: dnc.internal', { registries: { national: { syncedAt: '2026-03-01', numbers: [] }, internal: { numbers: ['614-555-0188'] } } }, 'dnc.internal', '47 CFR 64.1200(d)'],
    ['a toll-free number: timezone.unknown', { to: '+1 800 555 0100' }, 'timezone.unknown', '47 CFR 64.1200(c)(1)'],
  ])('%s', (_name, overrides, rule, citation) => {
    const decision = federal({ caller: BROKER, ...overrides });
    expect(decision.violations.find((found) => found.rule === rule)?.citation).toBe(citation);
  });
});
