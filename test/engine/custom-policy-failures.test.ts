/**
 * A custom policy is user code: whatever it does wrong, the screening must neither crash nor let the call through.
 * Its failure becomes a blocking finding of that rule, which names it, and the other rules still run.
 */
import { describe, expect, it } from 'vitest';
import { definePolicy, pass, violation, type Policy, type PolicyOutcome } from '../../src/core/policy.js';
import { combinePacks } from '../../src/engine/combine-packs.js';
import { screen } from '../../src/engine/screen.js';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { anAttempt } from '../../src/testing/an-attempt.js';

/** A pack of the federal rules and `policy`, which stands for a company's rule with a bug. */
function withCustom(policy: Policy) {
  return combinePacks(packsInForce(), { id: 'acme', title: 'Acme house rules', policies: [policy] });
}

const base = { id: 'acme.buggy', title: 'A rule with a bug', citation: 'Acme calling policy §9', messages: { never: 'never shown' } } as const;

// 22:30 in Wichita (Kansas has no rules of its own): hours.federal blocks too, so the tests can show the other rules still run.
const LATE_IN_WICHITA = { to: '(316) 555-0123', at: '2026-03-10T20:30:00-07:00' };

describe('a custom policy that fails', () => {
  it('evaluate throws: the call is blocked by that rule with policyFailed, and hours.federal still reports', () => {
    const buggy = definePolicy({ ...base, evaluate: () => { throw new TypeError("Cannot read properties of undefined (reading 'state')"); } });
    const decision = screen(anAttempt(LATE_IN_WICHITA), { pack: withCustom(buggy) });
    expect(decision.verdict).toBe('block');
    expect(decision.violations.map((violation) => violation.rule)).toEqual(['hours.federal', 'acme.buggy']);
    expect(decision).toBeBlockedBy('acme.buggy', { messageId: 'policyFailed', data: { error: "TypeError: Cannot read properties of undefined (reading 'state')" } });
    expect(decision.violations[1]?.message).toMatchInlineSnapshot(`"rule acme.buggy failed while evaluating (TypeError: Cannot read properties of undefined (reading 'state')); the call is blocked until the rule is fixed"`);
    expect(decision.violations[1]?.citation).toBe('Acme calling policy §9');
  });

  it('changes the facts it is given: the shared parts are frozen, so the rule fails and the call is blocked, the next call unharmed', () => {
    const meddling = definePolicy({
      ...base,
      evaluate: (facts) => {
        (facts.internalList as { listed: boolean }).listed = true;
        return pass;
      },
    });
    const decision = screen(anAttempt(), { pack: withCustom(meddling) });
    expect(decision).toBeBlockedBy('acme.buggy', { messageId: 'policyFailed', only: true });
    expect(decision.violations[0]?.message).toContain("TypeError: Cannot assign to read only property 'listed'");
    expect(screen(anAttempt(), { pack: packsInForce() }).verdict).toBe('allow');
  });

  it('a thrown value that is not an Error is shown as text', () => {
    const buggy = definePolicy({ ...base, evaluate: () => { throw 'no holiday data for 2031'; } });
    expect(screen(anAttempt(), { pack: withCustom(buggy) })).toBeBlockedBy('acme.buggy', { messageId: 'policyFailed', data: { error: 'no holiday data for 2031' }, only: true });
  });

  it('applies throws: blocked the same way (applies is user code too)', () => {
    const buggy = definePolicy({ ...base, applies: () => { throw new RangeError('invalid zone'); }, evaluate: () => pass });
    expect(screen(anAttempt(), { pack: withCustom(buggy) })).toBeBlockedBy('acme.buggy', { messageId: 'policyFailed', data: { error: 'RangeError: invalid zone' }, only: true });
  });

  it('evaluate returns something that is not an outcome (a JavaScript module forgot to return): blocked', () => {
    const buggy = definePolicy({ ...base, evaluate: () => undefined as unknown as PolicyOutcome<'never'> });
    const decision = screen(anAttempt(), { pack: withCustom(buggy) });
    expect(decision).toBeBlockedBy('acme.buggy', { messageId: 'policyFailed', only: true });
    expect(decision.violations[0]?.message).toMatchInlineSnapshot(`"rule acme.buggy failed while evaluating (evaluate returned undefined, which is not pass, violation(...) or lifted(...)); the call is blocked until the rule is fixed"`);
  });

  it('a violation without data is not an outcome either: blocked, not crashed', () => {
    const buggy = definePolicy({ ...base, evaluate: () => ({ outcome: 'violation', messageId: 'never' }) as unknown as PolicyOutcome<'never'> });
    expect(screen(anAttempt(), { pack: withCustom(buggy) })).toBeBlockedBy('acme.buggy', { messageId: 'policyFailed', only: true });
  });

  it('a message id it does not declare, even for an exemption: blocked, and the message says which', () => {
    const buggy = definePolicy({ ...base, evaluate: () => ({ outcome: 'lifted', messageId: 'holidy', data: {} }) as unknown as PolicyOutcome<'never'> });
    const decision = screen(anAttempt(), { pack: withCustom(buggy) });
    expect(decision).toBeBlockedBy('acme.buggy', { messageId: 'holidy', only: true });
    expect(decision.exemptions).toEqual([]);
    expect(decision.violations[0]?.message).toBe('rule acme.buggy returned message id "holidy", which it does not declare; the call is blocked');
  });

  it('a run of many calls goes on past the failures: every call is answered, every one blocked', () => {
    let calls = 0;
    const flaky = definePolicy({
      ...base,
      evaluate: () => {
        calls++;
        if (calls % 2 === 0) throw new Error(`failure ${calls}`);
        return pass;
      },
    });
    const pack = withCustom(flaky);
    const verdicts = Array.from({ length: 6 }, () => screen(anAttempt(), { pack }).verdict);
    expect(verdicts).toEqual(['allow', 'block', 'allow', 'block', 'allow', 'block']);
  });
});

describe('citationFor: a citation that depends on the attempt', () => {
  const blockAll = { ...base, evaluate: () => violation('never') };

  it("a finding reports the citation the rule gives for the attempt's facts", () => {
    const perCaller = definePolicy({ ...blockAll, citationFor: (facts) => (facts.callerKind === 'broker-dealer' ? 'Acme policy §9 (broker desk)' : 'Acme policy §9') });
    const broker = screen(anAttempt({ caller: { seller: 'acme', kind: 'broker-dealer' } }), { pack: withCustom(perCaller) });
    const seller = screen(anAttempt(), { pack: withCustom(perCaller) });
    expect(broker.violations.find((found) => found.rule === 'acme.buggy')?.citation).toBe('Acme policy §9 (broker desk)');
    expect(seller.violations.find((found) => found.rule === 'acme.buggy')?.citation).toBe('Acme policy §9');
  });

  it('citationFor throws or returns nothing: the rule still blocks, under its own citation', () => {
    const throwing = definePolicy({ ...blockAll, citationFor: () => { throw new Error('no desk'); } });
    const empty = definePolicy({ ...blockAll, citationFor: () => '' });
    for (const policy of [throwing, empty]) {
      const decision = screen(anAttempt(), { pack: withCustom(policy) });
      expect(decision.violations.find((found) => found.rule === 'acme.buggy')?.citation).toBe('Acme calling policy §9');
    }
  });

  it('citationFor that is not a function is refused when the policy is defined', () => {
    expect(() => definePolicy({ ...blockAll, citationFor: 'Acme' as never })).toThrow('policy "acme.buggy": citationFor must be a function (facts) => citation, got "Acme"');
  });
});
