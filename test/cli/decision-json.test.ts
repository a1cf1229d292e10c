import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionForOutput, decisionJson } from '../../src/cli/decision-output.js';
import type { Decision } from '../../src/core/decision.js';
import { screen } from '../../src/engine/screen.js';
import { anAttempt } from '../../src/testing/an-attempt.js';

/** Text with what JSON must escape or keep: quotes, backslashes, control characters, en dashes, emoji, lone surrogates. */
const awkwardText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '\n', '\t', '\u0000', '\u001f', '\u007f', '–', '“', 'é', '😀', '\ud800', '\udfff', '\u2028') }),
  fc.constantFrom('21:05:00 in America/Denver is after 21:00', 'insurance – “quoted”'),
);

const violation = fc.record({ rule: awkwardText, citation: awkwardText, messageId: fc.string(), data: fc.constant({}), message: awkwardText });
const exemption = fc.record({ rule: awkwardText, citation: awkwardText, messageId: fc.string(), data: fc.constant({}), reason: awkwardText });

const decision: fc.Arbitrary<Decision> = fc
  .record({
    violations: fc.array(violation, { maxLength: 4 }),
    exemptions: fc.array(exemption, { maxLength: 3 }),
    callee: fc.record({
      e164: fc.option(awkwardText, { nil: null }),
      timeZones: fc.array(awkwardText, { maxLength: 3 }),
      localTimes: fc.array(awkwardText, { maxLength: 3 }),
      states: fc.array(awkwardText, { maxLength: 3 }),
    }),
    nextAllowedAt: fc.option(awkwardText, { nil: undefined }),
  })
  .map(({ nextAllowedAt, ...rest }) => ({
    verdict: rest.violations.length > 0 ? ('block' as const) : ('allow' as const),
    ...rest,
    ...(nextAllowedAt !== undefined && { nextAllowedAt }),
  }));

describe('decisionJson', () => {
  it('is byte-identical to JSON.stringify of the output decision, whatever the strings hold', () => {
    fc.assert(
      fc.property(decision, (value) => {
        expect(decisionJson(value)).toBe(JSON.stringify(decisionForOutput(value)));
      }),
      { numRuns: 5000 },
    );
  });

  it('writes a real blocked decision with its next allowed time as JSON.stringify does', () => {
    const blocked = screen(anAttempt({ at: '2026-03-10T21:30:00-07:00', to: '+13035550123' }));
    expect(blocked.verdict).toBe('block');
    expect(decisionJson(blocked)).toBe(JSON.stringify(decisionForOutput(blocked)));
  });

  it('leaves a hand-built decision with a field that is not a string to JSON.stringify', () => {
    const odd = { verdict: 'block', violations: [{ rule: 'x.y', citation: undefined, message: 'm' }], exemptions: [], callee: { e164: null, timeZones: [], localTimes: [], states: [] } } as unknown as Decision;
    expect(decisionJson(odd)).toBe('{"verdict":"block","violations":[{"rule":"x.y","message":"m"}],"exemptions":[],"callee":{"e164":null,"timeZones":[],"localTimes":[],"states":[]}}');
  });
});
