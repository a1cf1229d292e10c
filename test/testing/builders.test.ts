import { describe, expect, it } from 'vitest';
import { parseCheckRequest } from '../../src/core/check-request.js';
import { parseLead } from '../../src/dialer/campaign-config.js';
import { screen } from '../../src/engine/screen.js';
import { aCheckRequest } from '../../src/testing/a-check-request.js';
import { aBrokerDealer } from '../../src/testing/a-broker-dealer.js';
import { aCallHistory } from '../../src/testing/a-call-history.js';
import { aConsent } from '../../src/testing/a-consent.js';
import { aLead } from '../../src/testing/a-lead.js';
import { aRegistry } from '../../src/testing/a-registry.js';
import { aRelationship } from '../../src/testing/a-relationship.js';
import { anAttempt } from '../../src/testing/an-attempt.js';

describe('builders: sensible defaults, overridden field by field, valid as built', () => {
  it('anAttempt is the default check request, validated: a manual call to Chicago at 14:00 that every rule allows', () => {
    const attempt = anAttempt();
    expect(attempt).toEqual(parseCheckRequest(aCheckRequest()));
    expect(attempt).toMatchObject({ at: Date.parse('2026-03-10T14:00:00-05:00'), to: '+1 312 555 0188', method: 'manual', caller: { seller: 'acme' } });
    expect(screen(attempt)).toBeAllowed();
  });

  it('anAttempt refuses an override the check contract does not know, naming the field', () => {
    expect(() => anAttempt({ callee: { lineType: 'cell' } as never })).toThrow('callee.lineType: expected one of mobile|landline|unknown (got "cell")');
  });

  it('aConsent is prior express written consent to acme, not revoked: it lifts the autodialer rule for a mobile', () => {
    expect(aConsent()).toEqual({ kind: 'prior-express-written', seller: 'acme', grantedAt: '2025-01-02T00:00:00Z' });
    const autodialed = { method: 'autodialer' as const, callee: { lineType: 'mobile' as const } };
    expect(screen(anAttempt({ ...autodialed, consents: [aConsent()] }))).toHaveExemption('consent.autodial-wireless', { messageId: 'consented' });
    expect(screen(anAttempt({ ...autodialed, consents: [aConsent({ revokedAt: '2026-03-01' })] }))).toBeBlockedBy('consent.autodial-wireless', { messageId: 'revoked' });
  });

  it('aRelationship is a purchase six months before the default call: it lifts dnc.national', () => {
    expect(aRelationship()).toEqual({ lastTransactionAt: '2025-09-10', lastInquiryAt: null });
    const listed = { registries: aRegistry({ national: ['312-555-0188'] }) };
    expect(screen(anAttempt({ ...listed, relationship: aRelationship() }))).toHaveExemption('dnc.national', { messageId: 'transaction', data: { date: '2025-09-10' } });
    expect(screen(anAttempt({ ...listed, relationship: aRelationship({ lastTransactionAt: null }) }))).toBeBlockedBy('dnc.national', { only: true });
  });

  it('aRegistry is a fresh national copy holding the numbers given, an internal list when given, or no copy at all', () => {
    expect(aRegistry()).toEqual({ national: { syncedAt: '2026-03-01', numbers: [] } });
    expect(aRegistry({ national: ['303-555-0123'], internal: ['212-555-0147'], syncedAt: '2026-02-20' })).toEqual({
      national: { syncedAt: '2026-02-20', numbers: ['303-555-0123'] },
      internal: { numbers: ['212-555-0147'] },
    });
    expect(screen(anAttempt({ registries: aRegistry({ national: null }) }))).toBeBlockedBy('dnc.registry-stale', { only: true });
  });

  it("aRegistry's states and canada: copies synced with the national one, which lift or trigger the state and DNCL rules", () => {
    expect(aRegistry({ states: { FL: ['305-555-0123'] }, canada: [] })).toEqual({
      national: { syncedAt: '2026-03-01', numbers: [] },
      states: { FL: { syncedAt: '2026-03-01', numbers: ['305-555-0123'] } },
      canada: { syncedAt: '2026-03-01', numbers: [] },
    });
    const miami = { to: '(305) 555-0123', at: '2026-03-10T14:00:00-04:00' };
    expect(screen(anAttempt({ ...miami, registries: aRegistry({ states: { FL: ['305-555-0123'] } }) }))).toBeBlockedBy('dnc.state', { only: true });
    expect(screen(anAttempt({ ...miami, registries: aRegistry({ states: { FL: [] } }) }))).toBeAllowed();
    expect(screen(anAttempt({ to: '+1 416 555 0199', at: '2026-03-10T14:00:00-04:00', registries: aRegistry({ canada: ['416-555-0199'] }) }))).toBeBlockedBy('dnc.canada', { only: true });
  });

  it('aCallHistory: earlier calls on a subject, or on none (which counts as the same one)', () => {
    const calls = ['2026-03-10T09:00:00-05:00', '2026-03-10T11:00:00-05:00', '2026-03-10T13:00:00-05:00'];
    expect(aCallHistory(calls.slice(0, 1), { subject: 'solar panels' })).toEqual([{ at: '2026-03-10T09:00:00-05:00', subject: 'solar panels' }]);
    expect(aCallHistory(calls.slice(0, 1))).toEqual([{ at: '2026-03-10T09:00:00-05:00' }]);
    // Baltimore (Maryland: 3 calls in 24 hours on the same subject).
    const baltimore = { to: '(410) 555-0123', at: '2026-03-10T16:00:00-05:00', subject: 'solar panels' };
    expect(screen(anAttempt({ ...baltimore, history: aCallHistory(calls, { subject: 'solar panels' }) }))).toBeBlockedBy('frequency.state', { only: true });
    expect(screen(anAttempt({ ...baltimore, history: aCallHistory(calls, { subject: 'roofing' }) }))).toBeAllowed();
  });

  it("aBrokerDealer: a FINRA member firm's caller, whose customer may be called after 21:00 where no state forbids it", () => {
    expect(aBrokerDealer()).toEqual({ seller: 'lakeshore-securities', kind: 'broker-dealer' });
    const late = { to: '(614) 555-0188', at: '2026-03-10T21:30:00-04:00' };
    expect(screen(anAttempt({ ...late, caller: aBrokerDealer(), relationship: aRelationship() }))).toBeAllowed();
    expect(screen(anAttempt({ ...late, relationship: aRelationship() }))).toBeBlockedBy('hours.federal', { only: true });
  });

  it('aLead is a valid lead for campaigns: the default request number, a landline in Chicago', () => {
    expect(parseLead(aLead(), 'aLead()')).toMatchObject({ id: 'lead-1', phone: '+1 312 555 0188', lineType: 'landline', timeZone: 'America/Chicago' });
    expect(parseLead(aLead({ id: 'lead-2', postalCode: '70112' }), 'aLead()')).toMatchObject({ id: 'lead-2', postalCode: '70112' });
  });
});
