import { describe, expect, it } from 'vitest';
import { screen } from '../../../src/engine/screen.js';
import { anAttempt } from '../../../src/testing/an-attempt.js';
import { aRegistry } from '../../../src/testing/a-registry.js';

// The matchers are the subject, not state law: the Denver calls name the federal pack (Colorado keeps a list of its own).
const DENVER = '(303) 555-0123';

function setup() {
  return {
    allowed: screen(anAttempt()),
    // 21:30 in Denver, and the number is on the national registry: two rules block.
    twoRules: screen(anAttempt({ to: DENVER, at: '2026-03-10T20:30:00-07:00', packs: ['us-federal'], registries: aRegistry({ national: [DENVER] }) })),
    late: screen(anAttempt({ to: DENVER, at: '2026-03-10T20:30:00-07:00', packs: ['us-federal'] })),
  };
}

function thrownBy(assertion: () => void): { message: string; actual?: unknown; expected?: unknown } {
  try {
    assertion();
  } catch (error) {
    return error as { message: string; actual?: unknown; expected?: unknown };
  }
  throw new Error('the assertion passed');
}

describe('toBeBlockedBy', () => {
  it('passes when the rule is among the violations, with the message id and data when given', () => {
    const { twoRules } = setup();
    expect(twoRules).toBeBlockedBy('hours.federal');
    expect(twoRules).toBeBlockedBy('dnc.national', { messageId: 'onRegistry' });
    expect(twoRules).toBeBlockedBy('hours.federal', { messageId: 'afterWindow', data: { localTime: '21:30', zone: 'America/Denver' } });
  });

  it('with only: true passes when the rule is the only one, and fails when another blocks too', () => {
    const { late, twoRules } = setup();
    expect(late).toBeBlockedBy('hours.federal', { only: true });
    expect(() => expect(twoRules).toBeBlockedBy('hours.federal', { only: true })).toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(decision).toBeBlockedBy("hours.federal", {"only":true})

      Expected: blocked by hours.federal, and by no other rule
      Received: blocked by 2 rules
        ✖ hours.federal (afterWindow) 21:30 in America/Denver is at or after 21:00
        ✖ dnc.national (onRegistry) +13035550123 is on the national do-not-call registry and no exemption applies (no purchase within 18 months, no inquiry within 3 months, no written consent to acme)]
    `);
  });

  it('fails on another message id, listing the findings and diffing the message ids', () => {
    const failure = thrownBy(() => expect(setup().late).toBeBlockedBy('hours.federal', { messageId: 'beforeWindow' }));
    expect(failure.message).toMatchInlineSnapshot(`
      "expect(decision).toBeBlockedBy("hours.federal", {"messageId":"beforeWindow"})

      Expected: blocked by hours.federal with messageId "beforeWindow"
      Received: blocked by 1 rule
        ✖ hours.federal (afterWindow) 21:30 in America/Denver is at or after 21:00"
    `);
    expect(failure.actual).toEqual([{ rule: 'hours.federal', messageId: 'afterWindow' }]);
    expect(failure.expected).toEqual([{ rule: 'hours.federal', messageId: 'beforeWindow' }]);
  });

  it('fails on other data: data is compared whole, no key more or fewer', () => {
    const failure = thrownBy(() => expect(setup().late).toBeBlockedBy('hours.federal', { data: { localTime: '21:30' } }));
    expect(failure.message).toMatchInlineSnapshot(`
      "expect(decision).toBeBlockedBy("hours.federal", {"data":{"localTime":"21:30"}})

      Expected: blocked by hours.federal with data {"localTime":"21:30"}
      Received: blocked by 1 rule
        ✖ hours.federal (afterWindow) 21:30 in America/Denver is at or after 21:00"
    `);
    expect(failure.actual).toEqual([{ rule: 'hours.federal', data: { localTime: '21:30', zone: 'America/Denver' } }]);
  });

  it('fails for an allowed decision, saying so', () => {
    expect(() => expect(setup().allowed).toBeBlockedBy('dnc.national')).toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(decision).toBeBlockedBy("dnc.national")

      Expected: blocked by dnc.national
      Received: allowed]
    `);
  });

  it('.not passes when the rule does not block and fails, naming it, when it does', () => {
    const { late } = setup();
    expect(late).not.toBeBlockedBy('dnc.national');
    expect(late).not.toBeBlockedBy('hours.federal', { messageId: 'beforeWindow' });
    expect(() => expect(late).not.toBeBlockedBy('hours.federal')).toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(decision).not.toBeBlockedBy("hours.federal")

      Expected: not blocked by hours.federal
      Received: blocked by 1 rule
        ✖ hours.federal (afterWindow) 21:30 in America/Denver is at or after 21:00]
    `);
  });

  it('without only, the diff keeps the other violations and puts the expected one in place of the rule', () => {
    const failure = thrownBy(() => expect(setup().twoRules).toBeBlockedBy('hours.federal', { messageId: 'beforeWindow' }));
    expect(failure.actual).toEqual([
      { rule: 'hours.federal', messageId: 'afterWindow' },
      { rule: 'dnc.national', messageId: 'onRegistry' },
    ]);
    expect(failure.expected).toEqual([
      { rule: 'hours.federal', messageId: 'beforeWindow' },
      { rule: 'dnc.national', messageId: 'onRegistry' },
    ]);
  });

  it('refuses a missing rule id and what is not a decision', () => {
    // @ts-expect-error: the rule id is required
    expect(() => expect(setup().late).toBeBlockedBy()).toThrow('toBeBlockedBy: give the rule id, e.g. toBeBlockedBy("hours.federal")');
    expect(() => expect([]).toBeBlockedBy('hours.federal')).toThrow('toBeBlockedBy: expected a dialsim Decision (what screen() returns), received []');
  });
});
