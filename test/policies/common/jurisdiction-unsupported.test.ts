import { describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { packsInForce } from '../../../src/engine/packs-in-force.js';
import { screen } from '../../../src/engine/screen.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { testPolicy } from '../../../src/testing/test-policy.js';
import { jurisdictionUnsupported } from '../../../policies/common/index.js';
import { writtenConsent } from '../../support/consents.js';
import { violationOf } from '../../support/decision-helpers.js';

// The default call is a manual telemarketing call on 2026-03-10 at 19:00Z; each case sets `to`.

const outside = (e164: string, region: string) => ({ messageId: 'outside' as const, data: { e164, region } });

/**
 * A number is unsupported when no pack in force covers its region, so the rule is tested in the pack it runs in: the
 * common rules and the US federal pack, pinned (a pack alone that names no regions refuses no number). The rule is
 * terminal, so its blocked cases list it alone; the allowed cases pass every rule of the pack.
 */
const usFederal = packsInForce({ packs: ['us-federal'] });

testPolicy(
  jurisdictionUnsupported,
  {
    allowed: [
      { name: '+1 787 555 0100 (Puerto Rico) at 15:00 AST is screened and allowed', request: { to: '+1 787 555 0100', at: '2026-03-10T15:00:00-04:00' } },
      { name: '+1 671 555 0100 (Guam) at 14:00 ChST (UTC+10) is screened and allowed', request: { to: '+1 671 555 0100', at: '2026-03-10T14:00:00+10:00' } },
      { name: '+1 340 555 0100 (US Virgin Islands) is supported', request: { to: '+1 340 555 0100', at: '2026-03-10T15:00:00-04:00' } },
    ],
    blocked: [
      { name: '+1 416 555 0199 (Toronto) shares +1 but is Canadian', request: { to: '+1 416 555 0199' }, findings: [outside('+14165550199', 'CA')] },
      { name: '"(416) 555-0199" with no country code is still Canadian', request: { to: '(416) 555-0199' }, findings: [outside('+14165550199', 'CA')] },
      { name: '+1 876 555 0100 (Jamaica, in the Caribbean) is unsupported', request: { to: '+1 876 555 0100' }, findings: [outside('+18765550100', 'JM')] },
      { name: '+44 20 7946 0000 (London) is unsupported', request: { to: '+44 20 7946 0000' }, findings: [outside('+442079460000', 'GB')] },
      {
        name: 'it ends the screening: a Toronto number at 23:00, autodialed, on the internal list, with no registry copy, has this one finding',
        request: {
          to: '+1 416 555 0199',
          at: '2026-03-10T23:00:00-05:00',
          method: 'autodialer',
          callee: { lineType: 'mobile' },
          consents: [writtenConsent('acme', '2025-01-02')],
          registries: { internal: { numbers: ['+14165550199'] } },
        },
        findings: [outside('+14165550199', 'CA')],
      },
      {
        name: 'the US hours apply in Guam: 22:00 ChST is blocked by hours.federal',
        request: { to: '+1 671 555 0100', at: '2026-03-10T22:00:00+10:00' },
        findings: [{ rule: 'hours.federal', messageId: 'afterWindow', data: { localTime: '22:00', zone: 'Pacific/Guam' } }],
      },
    ],
  },
  { pack: usFederal },
);

/** Screens `overrides` of the default request with the common rules and the US federal pack, pinned. */
function check(overrides: Partial<CheckRequestInput>): Decision {
  return screen(anAttempt(overrides), { packs: ['us-federal'] });
}

describe('jurisdiction.unsupported messages', () => {
  it('outside names the number and its region, with the rule citation', () => {
    // With packs: [us-federal], Canada is not covered: the Canadian number is refused as any other country's.
    const violation = violationOf(check({ to: '+1 416 555 0199' }), 'jurisdiction.unsupported');
    expect(violation.message).toMatchInlineSnapshot(`"+14165550199 is in CA, a country none of the packs in force covers"`);
    expect(violation.citation).toBe('dialsim fail-closed rule: a number is screened only under the rules of a pack that covers its country');
  });

  it('a Jamaican number is outside every built-in pack', () => {
    const decision = screen(anAttempt({ to: '+1 876 555 0199' }));
    expect(decision.violations.map((found) => [found.rule, found.message])).toEqual([['jurisdiction.unsupported', '+18765550199 is in JM, a country none of the packs in force covers']]);
  });
});

describe('jurisdiction.unsupported: US territories are screened in their own zones', () => {
  it('+1 787 555 0100 (Puerto Rico) is judged in America/Puerto_Rico', () => {
    expect(check({ to: '+1 787 555 0100', at: '2026-03-10T15:00:00-04:00' }).callee.timeZones).toEqual(['America/Puerto_Rico']);
  });

  it('+1 671 555 0100 (Guam) at 14:00 ChST is judged at 14:00+10:00', () => {
    expect(check({ to: '+1 671 555 0100', at: '2026-03-10T14:00:00+10:00' }).callee.localTimes).toEqual(['2026-03-10T14:00:00+10:00']);
  });
});
