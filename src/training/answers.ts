import type { DrillAnswer } from './drill.js';

/** An answers-file line that is neither `dial` nor `block <rule-id>` with a known rule id. */
export interface AnswerLineProblem {
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

export type ParsedAnswers =
  | { readonly ok: true; readonly answers: readonly DrillAnswer[] }
  | { readonly ok: false; readonly problem: AnswerLineProblem };

/**
 * Parses an answers file: one answer per line, `dial` or `block <rule-id>`, in drill order. Blank lines and lines
 * starting with `#` are skipped; the first malformed line is returned with its number.
 * @example
 * parseAnswers('dial\nblock hours.federal\n', ['hours.federal']); // { ok: true, answers: [...] }
 */
export function parseAnswers(text: string, ruleIds: readonly string[]): ParsedAnswers {
  const answers: DrillAnswer[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [word, rule, ...rest] = line.split(/\s+/);
    const problem = (reason: string): ParsedAnswers => ({ ok: false, problem: { line: index + 1, text: line, reason } });
    if (word === 'dial') {
      if (rule !== undefined) return problem('"dial" takes nothing after it');
      answers.push({ kind: 'dial' });
    } else if (word === 'block') {
      if (rule === undefined) return problem('"block" needs the rule id that blocks the call, e.g. "block hours.federal"');
      if (rest.length > 0) return problem('"block" takes exactly one rule id');
      if (!ruleIds.includes(rule)) return problem(`unknown rule id "${rule}" (known: ${ruleIds.join(', ')})`);
      answers.push({ kind: 'block', rule });
    } else {
      return problem('expected "dial" or "block <rule-id>"');
    }
  }
  return { ok: true, answers };
}

/** A rule named at the prompt: its id, or its number in the listed menu (1-based). */
export function ruleFromMenu(input: string, ruleIds: readonly string[]): string | null {
  const text = input.trim();
  if (/^\d+$/.test(text)) return ruleIds[Number(text) - 1] ?? null;
  return ruleIds.includes(text) ? text : null;
}

/** The answers-file line of an answer: `dial` or `block hours.federal`. */
export function formatAnswer(answer: DrillAnswer): string {
  return answer.kind === 'dial' ? 'dial' : `block ${answer.rule}`;
}
