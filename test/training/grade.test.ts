import { describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../src/core/check-request.js';
import { parseAnswers, ruleFromMenu } from '../../src/training/answers.js';
import type { Drill } from '../../src/training/drill.js';
import { keyOf, screenRequest } from '../../src/training/drill-key.js';
import { gradeAnswer } from '../../src/training/grade.js';
import { packsInForce } from '../../src/engine/packs-in-force.js';

const RULES = packsInForce().policies.map((policy) => policy.id);

/** A drill from a request, with defaults for a clean mid-day manual call to a Denver landline. */
function aDrill(overrides: Partial<CheckRequestInput> = {}): Drill {
  const request: CheckRequestInput = {
    at: '2026-03-10T14:00:00-06:00',
    to: '(303) 555-0123',
    method: 'manual',
    caller: { seller: 'acme' },
    callee: { lineType: 'landline' },
    registries: { national: { syncedAt: '2026-03-01', numbers: [] } },
    // Grading is the subject here, not state law (Colorado's own list would want a copy too).
    packs: ['us-federal'],
    ...overrides,
  };
  return { id: 'test-1', level: 'single', source: { kind: 'generated', seed: 1, level: 'single', index: 1 }, request, floorZone: 'America/Denver', key: keyOf(screenRequest(request)) };
}

describe('gradeAnswer', () => {
  it('dial is right for 14:00 in Denver and carries no rule', () => {
    const grade = gradeAnswer(aDrill(), { kind: 'dial' });
    expect(grade).toMatchObject({ correct: true, verdictCorrect: true, verdict: 'allow', violations: [], exemptions: [] });
  });

  it('21:15 in Denver: block hours.federal is right, with title, citation, the sentence why and the docs page', () => {
    const grade = gradeAnswer(aDrill({ at: '2026-03-10T21:15:00-06:00' }), { kind: 'block', rule: 'hours.federal' });
    expect(grade.correct).toBe(true);
    expect(grade.violations).toEqual([
      {
        rule: 'hours.federal',
        title: 'Telemarketing calls only between 08:00 and 21:00 local time',
        citation: '47 CFR 64.1200(c)(1); 16 CFR 310.4(c)',
        why: '21:15 in America/Denver is at or after 21:00',
        docs: 'docs/rules/hours.federal.md',
        read: 'dialsim rules hours.federal',
      },
    ]);
  });

  it('dial at 21:15 is wrong on the verdict; block dnc.national is right on the verdict but wrong on the rule', () => {
    const drill = aDrill({ at: '2026-03-10T21:15:00-06:00' });
    expect(gradeAnswer(drill, { kind: 'dial' })).toMatchObject({ correct: false, verdictCorrect: false });
    expect(gradeAnswer(drill, { kind: 'block', rule: 'dnc.national' })).toMatchObject({ correct: false, verdictCorrect: true });
  });

  it('with two blocking rules (21:15, on the registry) either rule is right and the feedback lists both', () => {
    const drill = aDrill({ at: '2026-03-10T21:15:00-06:00', registries: { national: { syncedAt: '2026-03-01', numbers: ['303-555-0123'] } } });
    expect(gradeAnswer(drill, { kind: 'block', rule: 'hours.federal' }).correct).toBe(true);
    const grade = gradeAnswer(drill, { kind: 'block', rule: 'dnc.national' });
    expect(grade.correct).toBe(true);
    expect(grade.violations.map((violation) => violation.rule)).toEqual(['hours.federal', 'dnc.national']);
  });

  it('an allowed call on the registry reports the exemption that lifted dnc.national', () => {
    const drill = aDrill({ relationship: { lastTransactionAt: '2025-06-01' }, registries: { national: { syncedAt: '2026-03-01', numbers: ['303-555-0123'] } } });
    const grade = gradeAnswer(drill, { kind: 'dial' });
    expect(grade.correct).toBe(true);
    expect(grade.exemptions).toEqual([
      expect.objectContaining({ rule: 'dnc.national', why: 'established business relationship: transaction on 2025-06-01, within the 18 months before the call' }),
    ]);
  });

  it('grades with the engine, not the stored key: a tampered key does not change the grade', () => {
    const drill = { ...aDrill({ at: '2026-03-10T21:15:00-06:00' }), key: { verdict: 'allow' as const, rules: [], exemptions: [] } };
    expect(gradeAnswer(drill, { kind: 'dial' }).correct).toBe(false);
  });
});

describe('parseAnswers', () => {
  it('reads dial and block <rule-id>, skipping blank lines and # comments', () => {
    expect(parseAnswers('# drill 1\ndial\n\nblock hours.federal\n', RULES)).toEqual({
      ok: true,
      answers: [{ kind: 'dial' }, { kind: 'block', rule: 'hours.federal' }],
    });
  });

  it.each([
    ['maybe', 'expected "dial" or "block <rule-id>"'],
    ['block', '"block" needs the rule id that blocks the call, e.g. "block hours.federal"'],
    ['block hours.stat', 'unknown rule id "hours.stat" (known: ' + RULES.join(', ') + ')'],
    ['dial now', '"dial" takes nothing after it'],
  ])('"%s" is malformed: %s', (line, reason) => {
    expect(parseAnswers(`dial\n${line}\n`, RULES)).toEqual({ ok: false, problem: { line: 2, text: line, reason } });
  });
});

describe('ruleFromMenu', () => {
  it('takes a menu number (1-based) or a rule id; anything else is null', () => {
    expect(ruleFromMenu('4', RULES)).toBe(RULES[3]);
    expect(ruleFromMenu('dnc.internal', RULES)).toBe('dnc.internal');
    expect(ruleFromMenu('0', RULES)).toBeNull();
    expect(ruleFromMenu('99', RULES)).toBeNull();
    expect(ruleFromMenu('hours', RULES)).toBeNull();
  });
});
