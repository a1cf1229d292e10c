import { definePack, definePolicy, packsInForce, pass, screen, type CheckRequestInput } from 'dialsim';
import { aRegistry, aRelationship, anAttempt, instantIn } from 'dialsim/testing';
import { describe, expect, it } from 'vitest';
import acmePack from '../policies/index.js';

const pack = packsInForce({ custom: [acmePack] });
const NEW_YORK = '+1 212 555 0147';

/** A sales call to a New York lead at a New York local time, with the facts Acme's rules read. */
function call(local: string, overrides: Partial<CheckRequestInput> = {}): CheckRequestInput {
  const at = instantIn(local, 'America/New_York');
  return {
    at,
    to: NEW_YORK,
    method: 'manual',
    caller: { seller: 'acme' },
    registries: aRegistry({ syncedAt: at.slice(0, 10) }),
    extensions: { postalCode: '10001', recentCalls: [] },
    ...overrides,
  };
}

describe("Acme's rules next to the built-in ones (packsInForce({ custom: [acmePack] }))", () => {
  it('10:00 on an ordinary Tuesday, outside any declaration, a first call: allowed', () => {
    expect(screen(anAttempt(call('2026-03-10 10:00')), { pack })).toBeAllowed();
  });

  it('21:30 on Friday 3 July (Independence Day observed) is blocked by hours.federal and by acme.company-holidays', () => {
    const decision = screen(anAttempt(call('2026-07-03 21:30')), { pack });
    expect(decision).toBeBlockedBy('hours.federal', { messageId: 'afterWindow' });
    expect(decision).toBeBlockedBy('acme.company-holidays', { messageId: 'holiday' });
    expect(decision).not.toBeBlockedBy('acme.attempt-cap');
  });

  it('a registered number with a purchase a year ago: dnc.national is lifted, the attempt cap still blocks', () => {
    const decision = screen(
      anAttempt(
        call('2026-03-10 15:00', {
          registries: aRegistry({ national: [NEW_YORK], syncedAt: '2026-03-10' }),
          relationship: aRelationship({ lastTransactionAt: '2025-03-15' }),
          extensions: { postalCode: '10001', recentCalls: ['2026-03-10T09:00:00-04:00', '2026-03-10T11:00:00-04:00', '2026-03-10T13:00:00-04:00'] },
        }),
      ),
      { pack },
    );
    expect(decision).toHaveExemption('dnc.national', { messageId: 'transaction', data: { date: '2025-03-15' } });
    expect(decision).toBeBlockedBy('acme.attempt-cap', { messageId: 'capReached', only: true });
  });

  it('a custom rule cannot take a built-in id: packsInForce throws and names both packs', () => {
    const shadow = definePack({
      id: 'acme-hours',
      title: 'Our own calling hours',
      policies: [definePolicy({ id: 'hours.federal', title: 'Calls 09:00-20:00', citation: 'Acme calling policy §2', messages: { outside: 'outside 09:00-20:00' }, evaluate: () => pass })],
    });
    expect(() => packsInForce({ custom: [shadow] })).toThrow('rule id "hours.federal" is declared by both pack us-federal and pack acme-hours');
  });
});
