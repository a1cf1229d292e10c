import type { Drill, DrillAnswer, DrillLevel } from './drill.js';
import { drillCard } from './drill-card.js';
import { gradeAnswer, type Grade } from './grade.js';
import type { PolicyPack } from '../core/policy.js';
import { spreadsheetSafeLine } from '../core/spreadsheet-safe-csv.js';

/** One answered drill. */
export interface DrillResult {
  readonly drill: Drill;
  readonly grade: Grade;
}

export interface Score {
  readonly correct: number;
  readonly total: number;
  /** Whole percent, rounded down: 2 of 3 is 66. */
  readonly percent: number;
}

/** How the drills of a session were chosen, so the same set can be handed out again. */
export interface SessionSettings {
  readonly seed: number | null;
  readonly level: DrillLevel | null;
  readonly count: number;
  readonly from: string | null;
}

export const RESULTS_FORMAT = 'dialsim.training-results/1';

export function scoreOf(results: readonly DrillResult[]): Score {
  const correct = results.filter((result) => result.grade.correct).length;
  return { correct, total: results.length, percent: results.length === 0 ? 0 : Math.floor((correct * 100) / results.length) };
}

/** Grades each answer against its drill, in order; the lists must be the same length. */
export function gradeSession(drills: readonly Drill[], answers: readonly DrillAnswer[], pack?: PolicyPack): DrillResult[] {
  if (drills.length !== answers.length) throw new Error(`training: ${answers.length} answers for ${drills.length} drills`);
  return drills.map((drill, index) => ({ drill, grade: gradeAnswer(drill, answers[index]!, pack) }));
}

/**
 * The results of a session as JSON a learning system can import: the settings that reproduce the set, each drill
 * with its request, card, expected answer, the trainee's answer and the engine's feedback, and the score.
 */
export function resultsJson(settings: SessionSettings, results: readonly DrillResult[], pack?: PolicyPack): unknown {
  return {
    format: RESULTS_FORMAT,
    session: settings,
    drills: results.map(({ drill, grade }) => ({
      id: drill.id,
      level: drill.level,
      source: drill.source,
      request: drill.request,
      floorZone: drill.floorZone,
      card: drillCard(drill, pack).lines,
      expected: drill.key,
      ...(drill.edge && { edge: { kind: drill.edge.kind, contrast: drill.edge.contrast } }),
      answer: grade.answer,
      correct: grade.correct,
      verdictCorrect: grade.verdictCorrect,
      feedback: {
        verdict: grade.verdict,
        violations: grade.violations,
        exemptions: grade.exemptions,
        ...(grade.chosen && { chosen: grade.chosen }),
        ...(grade.contrast && { contrast: grade.contrast }),
      },
    })),
    score: scoreOf(results),
  };
}

function answerLine(answer: DrillAnswer): string {
  return answer.kind === 'dial' ? 'dial' : `block ${answer.rule}`;
}

/**
 * The results of a session as CSV, one row per drill: trainee, drill id, the answer and the right one (in the
 * answers-file form, `dial` or `block <rule ...>`), whether it was correct, and the rules that block the call.
 * The trainee's name is typed in the web trainer, so its cells are made spreadsheet-safe like every CSV's.
 */
export function resultsCsv(results: readonly DrillResult[], trainee: string): string {
  const rows = [['trainee', 'drill', 'answer', 'right answer', 'correct', 'rules']];
  for (const { drill, grade } of results) {
    const rules = grade.violations.map((rule) => rule.rule).join(' ');
    rows.push([trainee, drill.id, answerLine(grade.answer), grade.verdict === 'allow' ? 'dial' : `block ${rules}`, String(grade.correct), rules]);
  }
  return rows.map((row) => spreadsheetSafeLine(row, '\r\n')).join('');
}
