import { describe, expect, it } from 'vitest';
import { parseCheckRequest, type CheckRequestInput } from '../../../src/core/check-request.js';
import type { Decision } from '../../../src/core/decision.js';
import { screen } from '../../../src/engine/screen.js';
import { aCheckRequest } from '../../../src/testing/a-check-request.js';
import { writtenConsent } from '../../support/consents.js';
import { rulesOf } from '../../support/decision-helpers.js';

/** Screens the default request (a manual telemarketing call, 2026-03-10T19:00:00Z) with `overrides`. */
function check(overrides: Partial<CheckRequestInput> = {}): Decision {
  return screen(parseCheckRequest(aCheckRequest(overrides)));
}

const RULE = 'jurisdiction.unsupported';

const BLOCKED = { verdict: 'block', violations: ['jurisdiction.unsupported'], exemptions: [] };
const ALLOWED = { verdict: 'allow', violations: [], exemptions: [] };

describe('jurisdiction.unsupported', () => {
  describe('numbers outside the United States', () => {
    it('+1 416 555 0199 (Toronto) shares +1 but is Canadian', () => {
      const decision = check({ to: '+1 416 555 0199' });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'outside', data: { e164: '+14165550199', region: 'CA' } });
      expect(decision.violations[0]?.message).toMatchInlineSnapshot(`"+14165550199 is in CA, outside the jurisdictions covered (the United States and its territories)"`);
      expect(decision.violations[0]?.citation).toBe(
        'dialsim fail-closed rule: only United States rules are encoded (47 CFR 64.1200; 16 CFR 310)',
      );
    });

    it('"(416) 555-0199" with no country code is still Canadian', () => {
      expect(check({ to: '(416) 555-0199' })).toBeBlockedBy(RULE, { messageId: 'outside', data: { e164: '+14165550199', region: 'CA' } });
    });

    it('+1 876 555 0100 (Jamaica, in the Caribbean) is unsupported', () => {
      const decision = check({ to: '+1 876 555 0100' });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'outside', data: { e164: '+18765550100', region: 'JM' } });
    });

    it('+44 20 7946 0000 (London) is unsupported', () => {
      const decision = check({ to: '+44 20 7946 0000' });
      expect(rulesOf(decision)).toEqual(BLOCKED);
      expect(decision).toBeBlockedBy(RULE, { messageId: 'outside', data: { e164: '+442079460000', region: 'GB' } });
    });

    it('ends the screening: a Toronto number at 23:00, autodialed, on the internal list, with no registry copy, has this one finding', () => {
      const decision = check({
        to: '+1 416 555 0199',
        at: '2026-03-10T23:00:00-05:00',
        method: 'autodialer',
        callee: { lineType: 'mobile' },
        consents: [writtenConsent('acme', '2025-01-02')],
        registries: { internal: { numbers: ['+14165550199'] } },
      });
      expect(rulesOf(decision)).toEqual(BLOCKED);
    });
  });

  describe('US territories are supported', () => {
    it('+1 787 555 0100 (Puerto Rico) at 15:00 AST is screened and allowed', () => {
      const decision = check({ to: '+1 787 555 0100', at: '2026-03-10T15:00:00-04:00' });
      expect(rulesOf(decision)).toEqual(ALLOWED);
      expect(decision.callee.timeZones).toEqual(['America/Puerto_Rico']);
    });

    it('+1 671 555 0100 (Guam) at 14:00 ChST (UTC+10) is screened and allowed', () => {
      const decision = check({ to: '+1 671 555 0100', at: '2026-03-10T14:00:00+10:00' });
      expect(rulesOf(decision)).toEqual(ALLOWED);
      expect(decision.callee.localTimes).toEqual(['2026-03-10T14:00:00+10:00']);
    });

    it('the US hours apply in Guam: 22:00 ChST is blocked by hours.federal', () => {
      const decision = check({ to: '+1 671 555 0100', at: '2026-03-10T22:00:00+10:00' });
      expect(rulesOf(decision)).toEqual({ verdict: 'block', violations: ['hours.federal'], exemptions: [] });
    });

    it('+1 340 555 0100 (US Virgin Islands) is supported', () => {
      expect(rulesOf(check({ to: '+1 340 555 0100', at: '2026-03-10T15:00:00-04:00' }))).toEqual(ALLOWED);
    });
  });
});
