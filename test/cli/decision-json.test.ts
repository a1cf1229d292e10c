import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionForOutput, decisionJson, writeDecisionLine } from '../../src/cli/decision-output.js';
import { OutputBatches } from '../../src/cli/output-batches.js';
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

describe('writeDecisionLine', () => {
  /** The lines written into batches of `batchBytes`, each batch checked to end at a line end, as one UTF-8 text. */
  function written(decisions: readonly Decision[], batchBytes: number): string {
    const batches = new OutputBatches(batchBytes);
    const handed: Buffer[] = [];
    for (const value of decisions) {
      writeDecisionLine(value, batches);
      handed.push(...batches.take());
    }
    handed.push(...batches.take(true));
    for (const batch of handed) expect(batch.at(-1)).toBe(10);
    return Buffer.concat(handed).toString('utf8');
  }

  it('writes the bytes of JSON.stringify of the output decision and a line end, whatever the strings hold and the batch size', () => {
    fc.assert(
      fc.property(fc.array(decision, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 4096 }), (values, batchBytes) => {
        expect(written(values, batchBytes)).toBe(values.map((value) => `${JSON.stringify(decisionForOutput(value))}\n`).join(''));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes a real blocked decision, and a hand-built one with a field that is not a string, as JSON.stringify does', () => {
    const blocked = screen(anAttempt({ at: '2026-03-10T21:30:00-07:00', to: '+13035550123' }));
    const odd = { verdict: 'block', violations: [{ rule: 'x.y', citation: undefined, message: 'm' }], exemptions: [], callee: { e164: null, timeZones: [], localTimes: [], states: [] } } as unknown as Decision;
    expect(written([blocked, odd], 64 * 1024)).toBe(`${JSON.stringify(decisionForOutput(blocked))}\n${JSON.stringify(decisionForOutput(odd))}\n`);
  });
});
