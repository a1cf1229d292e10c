import { describe, expect, expectTypeOf, it } from 'vitest';
import { definePolicy, pass, violation, type PolicyFacts, type PolicyOutcome } from '../../src/core/policy.js';
import { PolicyDefinitionError } from '../../src/core/policy-definition-error.js';

const minimal = {
  id: 'acme.quiet-sundays',
  title: 'No calls on Sundays',
  citation: 'Acme calling policy §3',
  messages: { sunday: 'it is Sunday' },
  evaluate: () => pass,
} as const;

describe('definePolicy at compile time: a wrong shape does not compile', () => {
  it('evaluate may return only the message ids declared in messages', () => {
    definePolicy({
      ...minimal,
      // @ts-expect-error: 'sundy' is not declared in messages
      evaluate: () => violation('sundy'),
    });
    const policy = definePolicy({ ...minimal, evaluate: () => violation('sunday') });
    expectTypeOf(policy.evaluate).returns.toEqualTypeOf<PolicyOutcome<'sunday'>>();
  });

  it('evaluate reads only the extension facts it declares, typed by their kind', () => {
    definePolicy({
      ...minimal,
      // @ts-expect-error: postalCode is not declared in extensions
      evaluate: (facts) => (facts.extensions.postalCode === '70112' ? violation('sunday') : pass),
    });
    definePolicy({
      ...minimal,
      extensions: { postalCode: 'string', recentCalls: 'instant[]', lastCall: 'instant', vip: 'boolean', score: 'number' },
      evaluate: (facts) => {
        expectTypeOf(facts.extensions).toEqualTypeOf<{
          readonly postalCode: string;
          readonly recentCalls: readonly number[];
          readonly lastCall: number;
          readonly vip: boolean;
          readonly score: number;
        }>();
        return pass;
      },
    });
  });

  it('an unknown extension kind, a missing evaluate and a misspelt field do not compile', () => {
    // @ts-expect-error: 'date' is not an extension kind
    expect(() => definePolicy({ ...minimal, extensions: { since: 'date' } })).toThrow(PolicyDefinitionError);
    const { evaluate: _evaluate, ...withoutEvaluate } = minimal;
    // @ts-expect-error: evaluate is required
    expect(() => definePolicy(withoutEvaluate)).toThrow(PolicyDefinitionError);
    // @ts-expect-error: evalute is not a field of a policy
    expect(() => definePolicy({ ...minimal, evalute: () => pass })).toThrow(PolicyDefinitionError);
  });

  it('facts without declared extensions expose none', () => {
    expectTypeOf<PolicyFacts<{}>['extensions']>().toEqualTypeOf<{}>();
  });
});

describe('definePolicy at run time (JavaScript modules have no compiler)', () => {
  const define = (overrides: Record<string, unknown>) => () => definePolicy({ ...minimal, ...overrides } as never);

  it('fills in what a custom policy may leave out: description, exemptions, examples, applies', () => {
    const policy = definePolicy(minimal);
    expect(policy).toMatchObject({ description: '', exemptions: [], examples: [] });
    expect(policy.applies({} as never)).toBe(true);
  });

  it.each([
    [{ id: 'AcmeQuietSundays' }, 'policy "AcmeQuietSundays": id must be dotted lowercase words, e.g. "acme.quiet-sundays", got "AcmeQuietSundays"'],
    [{ title: '' }, 'policy "acme.quiet-sundays": title must be a non-empty string, got ""'],
    [{ messages: {} }, "policy \"acme.quiet-sundays\": messages must be an object of message templates, e.g. { holiday: 'no calls on {name}' }, got {}"],
    [{ messages: { sunday: 3 } }, 'policy "acme.quiet-sundays": messages.sunday must be a string (a message template), got 3'],
    [{ messages: { policyFailed: 'oops' } }, 'policy "acme.quiet-sundays": message id "policyFailed" is reserved for the engine\'s own findings'],
    [{ evaluate: 'pass' }, 'policy "acme.quiet-sundays": evaluate must be a function (facts) => pass | violation(...) | lifted(...), got "pass"'],
    [{ applies: true }, 'policy "acme.quiet-sundays": applies must be a function, got true'],
    [{ requires: ['postalCode'] }, 'policy "acme.quiet-sundays": requires must be an array of facts among localTime, state, got ["postalCode"]'],
    [{ extensions: { 'postal-code': 'string' } }, 'policy "acme.quiet-sundays": extensions: "postal-code" is not a fact name (letters, digits and _)'],
    [{ extensions: { since: 'date' } }, 'policy "acme.quiet-sundays": extensions.since must be one of string, number, boolean, instant, instant[], got "date"'],
    [{ evalute: () => pass }, 'policy "acme.quiet-sundays": unknown field "evalute" (did you mean "evaluate"?)'],
  ])('%j throws a PolicyDefinitionError: %s', (overrides, message) => {
    expect(define(overrides)).toThrow(PolicyDefinitionError);
    expect(define(overrides)).toThrow(message);
  });

  it('something that is not an object at all', () => {
    expect(() => definePolicy(null as never)).toThrow('definePolicy expects a policy object, got null');
  });
});
