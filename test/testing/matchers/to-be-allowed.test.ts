import { describe, expect, it } from 'vitest';
import { screen } from '../../../src/engine/screen.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { aRegistry } from '../../../src/testing/a-registry.js';
import { aRelationship } from '../../../src/testing/a-relationship.js';

// The matchers are the subject, not state law: the Denver calls name the federal pack (Colorado keeps a list of its own).
const DENVER = '(303) 555-0123';

function setup() {
  return {
    allowed: screen(anAttempt()),
    lifted: screen(anAttempt({ registries: aRegistry({ national: ['+1 312 555 0188'] }), relationship: aRelationship() })),
    late: screen(anAttempt({ to: DENVER, at: '2026-03-10T20:30:00-07:00', packs: ['us-federal'] })),
  };
}

describe('toBeAllowed', () => {
  it('passes for an allowed decision, with or without exemptions', () => {
    const { allowed, lifted } = setup();
    expect(allowed).toBeAllowed();
    expect(lifted).toBeAllowed();
  });

  it('fails for a blocked decision, listing every finding with rule id, message id and sentence', () => {
    const { late } = setup();
    expect(() => expect(late).toBeAllowed()).toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(decision).toBeAllowed()

      Expected: allowed
      Received: blocked by 1 rule
        ✖ hours.federal (afterWindow) 21:30 in America/Denver is at or after 21:00]
    `);
  });

  it('.not fails for an allowed decision and shows the exemptions that lifted rules', () => {
    const { lifted } = setup();
    expect(() => expect(lifted).not.toBeAllowed()).toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(decision).not.toBeAllowed()

      Expected: blocked
      Received: allowed, with 1 exemption
        ↷ dnc.national (transaction) lifted: established business relationship: transaction on 2025-09-10, within the 18 months before the call]
    `);
  });

  it('.not passes for a blocked decision', () => {
    expect(setup().late).not.toBeAllowed();
  });

  it('returns the violations as actual and an empty list as expected, for the diff', () => {
    let thrown: unknown;
    try {
      expect(setup().late).toBeAllowed();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      actual: { verdict: 'block', violations: [{ rule: 'hours.federal', messageId: 'afterWindow', message: '21:30 in America/Denver is at or after 21:00' }] },
      expected: { verdict: 'allow', violations: [] },
    });
  });

  it('refuses what is not a decision, even under .not: a check that cannot fail would pass', () => {
    expect(() => expect({ verdict: 'allow' }).toBeAllowed()).toThrow(
      'toBeAllowed: expected a dialsim Decision (what screen() returns), received {"verdict":"allow"}',
    );
    expect(() => expect(undefined).not.toBeAllowed()).toThrow('toBeAllowed: expected a dialsim Decision (what screen() returns), received undefined');
  });
});
