/**
 * Issue 6, bad input: a custom policy whose evaluate throws blocks the call (the engine fails closed), and the kit
 * must say that the rule is broken, with its error, rather than report an ordinary block.
 */
import { describe, expect, it } from 'vitest';
import { definePolicy, pass, violation } from '../../src/core/policy.js';
import { screen } from '../../src/engine/screen.js';
import { anAttempt } from '../../src/testing/an-attempt.js';
import { packFor, runPolicyCase } from '../../src/testing/test-policy.js';

/** Reads `facts.extensions.address`, which it never declared: a JavaScript module can make that mistake. */
const gulfCoast = definePolicy({
  id: 'acme.gulf-coast',
  title: 'No sales calls to the Gulf Coast in hurricane season',
  citation: 'Acme calling policy §7.4',
  messages: { gulfCoast: 'a Gulf Coast address in hurricane season' },
  evaluate: (facts) => ((facts.extensions as unknown as { address: { state: string } }).address.state === 'LA' ? violation('gulfCoast') : pass),
});

function messageOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed');
}

describe('the kit reports a policy that throws', () => {
  it('toBeAllowed fails with the policy error text and a note that the rule is broken', () => {
    const decision = screen(anAttempt(), { pack: packFor(gulfCoast) });
    expect(messageOf(() => expect(decision).toBeAllowed())).toMatchInlineSnapshot(`
      "expect(decision).toBeAllowed()

      Expected: allowed
      Received: blocked by 1 rule
        ✖ acme.gulf-coast (policyFailed) rule acme.gulf-coast failed while evaluating (TypeError: Cannot read properties of undefined (reading 'state')); the call is blocked until the rule is fixed
        note: acme.gulf-coast threw (TypeError: Cannot read properties of undefined (reading 'state')); the engine blocks every call it cannot evaluate: fix the rule"
    `);
  });

  it('toBeBlockedBy with the expected message id fails and shows policyFailed and the error instead', () => {
    const decision = screen(anAttempt(), { pack: packFor(gulfCoast) });
    expect(messageOf(() => expect(decision).toBeBlockedBy('acme.gulf-coast', { messageId: 'gulfCoast' }))).toMatchInlineSnapshot(`
      "expect(decision).toBeBlockedBy("acme.gulf-coast", {"messageId":"gulfCoast"})

      Expected: blocked by acme.gulf-coast with messageId "gulfCoast"
      Received: blocked by 1 rule
        ✖ acme.gulf-coast (policyFailed) rule acme.gulf-coast failed while evaluating (TypeError: Cannot read properties of undefined (reading 'state')); the call is blocked until the rule is fixed
        note: acme.gulf-coast threw (TypeError: Cannot read properties of undefined (reading 'state')); the engine blocks every call it cannot evaluate: fix the rule"
    `);
  });

  it('a testPolicy case fails with the error in its message', () => {
    const failure = messageOf(() =>
      runPolicyCase(gulfCoast, packFor(gulfCoast), 'blocked', { name: 'New Orleans', request: { to: '(504) 555-0142' }, findings: [{ messageId: 'gulfCoast' }] }),
    );
    expect(failure).toMatchInlineSnapshot(`
      "acme.gulf-coast, blocked case "New Orleans": the violations are not the table's

      Expected: blocked by acme.gulf-coast (gulfCoast)
      Received: blocked by 1 rule
        ✖ acme.gulf-coast (policyFailed) rule acme.gulf-coast failed while evaluating (TypeError: Cannot read properties of undefined (reading 'state')); the call is blocked until the rule is fixed
        note: acme.gulf-coast threw (TypeError: Cannot read properties of undefined (reading 'state')); the engine blocks every call it cannot evaluate: fix the rule"
    `);
  });
});
