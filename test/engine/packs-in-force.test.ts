import { describe, expect, it } from 'vitest';
import { parseCheckRequest } from '../../src/core/check-request.js';
import { InputError } from '../../src/core/input-error.js';
import { definePack } from '../../src/core/define-pack.js';
import { definePolicy, pass, violation } from '../../src/core/policy.js';
import { evaluatePack } from '../../src/engine/evaluate-pack.js';
import { BUILT_IN_PACK_IDS, packsInForce } from '../../src/engine/packs-in-force.js';
import { screen } from '../../src/engine/screen.js';
import { anAttempt } from '../../src/testing/an-attempt.js';
import { resolveAttempt } from '../../src/resolve/resolve-attempt.js';
import { aCheckRequest } from '../../src/testing/a-check-request.js';
import { commonPack } from '../../policies/common/index.js';
import { rulesOf } from '../support/decision-helpers.js';

const TORONTO = '+1 416 555 0199';

function canadianPack() {
  return definePack({
    id: 'acme-canada',
    title: 'A pack that covers Canadian numbers only',
    policies: [definePolicy({ id: 'acme.canada-only', title: 'Always blocks', citation: 'test', messages: { seen: 'seen {e164}' }, evaluate: (facts) => violation('seen', { e164: facts.number.e164 ?? '' }) })],
  });
}

describe('packsInForce: the one list of packs', () => {
  it("by default: the common rules first, then the contract's four packs in report order; canada-provinces only when named", () => {
    const pack = packsInForce();
    expect(pack.members?.map((member) => member.id)).toEqual(['common', 'us-federal', 'us-states', 'canada', 'finra']);
    expect(BUILT_IN_PACK_IDS).toEqual(['us-federal', 'us-states', 'canada', 'finra', 'canada-provinces']);
    expect(packsInForce({ packs: ['canada', 'canada-provinces'] }).members?.map((member) => member.id)).toEqual(['common', 'canada', 'canada-provinces']);
    expect(pack.policies.slice(0, 4).map((policy) => policy.id)).toEqual(['number.invalid', 'jurisdiction.unsupported', 'timezone.unknown', 'dnc.internal']);
  });

  it('a pack that only adds rules (finra, canada-provinces) makes no number supported on its own', () => {
    const finraAlone = screen(anAttempt({ caller: { seller: 'acme', kind: 'broker-dealer' } }), { packs: ['finra'] });
    expect(finraAlone.violations.map((found) => found.rule)).toEqual(['jurisdiction.unsupported']);
    const provincesAlone = screen(anAttempt({ to: '+1 604 555 0199', registries: {} }), { packs: ['canada-provinces'] });
    expect(provincesAlone.violations.map((found) => found.rule)).toEqual(['jurisdiction.unsupported']);
    // With the pack whose jurisdiction they add to, they do screen.
    expect(screen(anAttempt({ caller: { seller: 'acme', kind: 'broker-dealer' }, at: '2026-03-10T21:30:00-05:00' }), { packs: ['us-federal', 'finra'] }).violations.map((found) => found.rule)).toEqual(['hours.federal', 'hours.finra']);
  });

  it('the same choice gives the same combined pack (combined once, cached)', () => {
    expect(packsInForce({ packs: ['us-federal'] })).toBe(packsInForce({ packs: ['us-federal'] }));
  });

  it('an unknown pack id is an input error naming packs[i] and the known ids', () => {
    const error = (() => {
      try {
        packsInForce({ packs: ['us-federal', 'us-fedral'] });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([{ path: 'packs[1]', message: `unknown pack "us-fedral": expected one of ${BUILT_IN_PACK_IDS.join('|')}` }]);
  });
});

describe('packs in a request', () => {
  it('"packs": [] is malformed', () => {
    expect(() => parseCheckRequest(aCheckRequest({ packs: [] }))).toThrow('packs: names no pack');
  });

  it('an unknown pack id is refused when the request is screened, naming packs[0]', () => {
    expect(() => screen(parseCheckRequest(aCheckRequest({ packs: ['nowhere'] })))).toThrow('packs[0]: unknown pack "nowhere"');
  });

  it('dnc.internal runs whatever packs are chosen', () => {
    const decision = screen(parseCheckRequest(aCheckRequest({ packs: ['us-federal'], registries: { national: { syncedAt: '2026-03-01', numbers: [] }, internal: { numbers: ['312-555-0188'] } } })));
    expect(rulesOf(decision).violations).toEqual(['dnc.internal']);
  });
});

describe('what a pack covers', () => {
  it("a pack's rules never see a number outside its regions", () => {
    const pack = packsInForce({ custom: [{ ...canadianPack(), regions: ['CA'] }] });
    expect(rulesOf(screen(parseCheckRequest(aCheckRequest()), { pack })).violations).toEqual([]);
  });

  it('a number is supported when some pack in force covers its region: a Canadian pack makes Toronto screenable', () => {
    const withoutCanada = screen(parseCheckRequest(aCheckRequest({ to: TORONTO, packs: ['us-federal'] })));
    expect(rulesOf(withoutCanada).violations).toEqual(['jurisdiction.unsupported']);
    const pack = packsInForce({ packs: ['us-federal'], custom: [{ ...canadianPack(), regions: ['CA'] }] });
    expect(rulesOf(screen(parseCheckRequest(aCheckRequest({ to: TORONTO })), { pack })).violations).toEqual(['acme.canada-only']);
  });

  it("a pack's own applies narrows it further (a broker-dealers-only pack)", () => {
    const pack = packsInForce({ custom: [{ ...canadianPack(), regions: ['US'], applies: (facts) => facts.seller === 'broker' }] });
    expect(rulesOf(screen(parseCheckRequest(aCheckRequest()), { pack })).violations).toEqual([]);
    expect(rulesOf(screen(parseCheckRequest(aCheckRequest({ caller: { seller: 'broker' } })), { pack })).violations).toEqual(['acme.canada-only']);
  });
});

describe('terminal rules (regression: a terminal rule whose applies returned false still blocked)', () => {
  // Root cause: evaluatePack ran every terminal rule's evaluate without asking its applies first.
  it('a terminal rule that does not apply is skipped', () => {
    const never = definePolicy({ id: 'acme.never-applies', title: 'Never applies', citation: 'test', terminal: true, messages: { stop: 'stop' }, applies: () => false, evaluate: () => violation('stop') });
    const pack = packsInForce({ packs: ['us-federal'], custom: [definePack({ id: 'acme', title: 'Acme', policies: [never] })] });
    expect(rulesOf(screen(parseCheckRequest(aCheckRequest()), { pack }))).toEqual({ verdict: 'allow', violations: [], exemptions: [] });
  });

  it('a terminal rule that applies still ends the screening', () => {
    const always = definePolicy({ id: 'acme.always-stops', title: 'Always stops', citation: 'test', terminal: true, messages: { stop: 'stop' }, evaluate: () => violation('stop') });
    const facts = resolveAttempt(parseCheckRequest(aCheckRequest({ registries: { internal: { numbers: ['312-555-0188'] } } })));
    const decision = evaluatePack(definePack({ id: 'acme', title: 'Acme', policies: [always, ...commonPack.policies.filter((policy) => policy.id === 'dnc.internal')] }), facts);
    expect(rulesOf(decision).violations).toEqual(['acme.always-stops']);
  });

  it('a terminal rule that passes lets the others run', () => {
    const passes = definePolicy({ id: 'acme.passes', title: 'Passes', citation: 'test', terminal: true, messages: { stop: 'stop' }, evaluate: () => pass });
    const pack = packsInForce({ packs: ['us-federal'], custom: [definePack({ id: 'acme', title: 'Acme', policies: [passes] })] });
    expect(rulesOf(screen(parseCheckRequest(aCheckRequest({ at: '2026-03-10T22:00:00-05:00' })), { pack })).violations).toEqual(['hours.federal']);
  });
});
