import type { CallOutcome } from '../lifecycle/call-machine.js';

/**
 * What happens when a call is allowed and dialed: the line's response and, once an agent is on the line, how the
 * pitch ends. Every figure comes from a named source or is marked as a model assumption in docs/outcome-models.md.
 */
export interface OutcomeModel {
  /** Shares of dialed calls; whatever is left after the four is "rings out unanswered". */
  readonly notInService: number;
  readonly busy: number;
  readonly answeringMachine: number;
  /** A live person picks up, at an average hour; `answerFactorByLocalHour` scales it by the callee's hour. */
  readonly answered: number;
  /** How connected calls end; sums to 1. */
  readonly outcomes: Readonly<Record<CallOutcome, number>>;
}

export const OUTCOME_PRESETS = {
  /**
   * Baylor University Keller Center field study (fall 2011, 6,264 cold calls): 17% non-working numbers, 55% not
   * answered, 28% answered; one appointment or referral per 209 calls, i.e. 0.48% of dials, 1.7% of answers.
   */
  'field-study': {
    notInService: 0.17,
    busy: 0,
    answeringMachine: 0,
    answered: 0.28,
    outcomes: { meeting: 30 / 6264 / 0.28, callback: 0.05, sale: 0, 'do-not-call': 0.02, rejected: 1 - 30 / 6264 / 0.28 - 0.05 - 0.02 },
  },
  /**
   * The figures cold-calling articles quote: 18 dials to reach a buyer (credited to Gartner), so 1 in 18 dials is
   * answered by a person; about 2% of cold calls succeed, so 36% of those reached agree to meet (0.02 x 18).
   * RAIN Group's 69% (buyers who accepted a call) and 82% (who accepted a meeting) are survey shares of buyers, not
   * per-call rates; docs/outcome-models.md explains why the preset calibrates on the per-dial figures instead.
   */
  'cold-calling-article': {
    notInService: 0.05,
    busy: 0.05,
    answeringMachine: 0.3,
    answered: 1 / 18,
    outcomes: { meeting: 0.36, callback: 0.1, sale: 0, 'do-not-call': 0.03, rejected: 0.51 },
  },
} as const satisfies Record<string, OutcomeModel>;

export type OutcomePresetName = keyof typeof OUTCOME_PRESETS;

/**
 * How answer rates vary with the callee's local hour, relative to the average (1.0). Shaped on PhoneBurner's
 * observation that 10-11 am (about 16% answered) and 2 pm (about 15%) are the best hours; the curve itself is a
 * model assumption, documented as such. Hours outside 08:00-21:00 never occur for a screened telemarketing call.
 */
export const ANSWER_FACTOR_BY_LOCAL_HOUR: readonly number[] = [
  0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.7, // 00-07
  0.85, 0.95, 1.2, 1.2, 0.9, 1.0, 1.15, 1.05, // 08-15
  1.0, 0.95, 0.9, 0.85, 0.8, 0.6, 0.5, 0.5, // 16-23
];

export type LineResponse = 'not-in-service' | 'busy' | 'answering-machine' | 'answered' | 'no-answer';

/** Draws the line's response for one dialed call at the callee's local hour. */
export function drawLineResponse(model: OutcomeModel, localHour: number, random: () => number): LineResponse {
  const answered = Math.min(1 - model.notInService - model.busy - model.answeringMachine, model.answered * (ANSWER_FACTOR_BY_LOCAL_HOUR[localHour] ?? 1));
  let roll = random();
  if ((roll -= model.notInService) < 0) return 'not-in-service';
  if ((roll -= model.busy) < 0) return 'busy';
  if ((roll -= model.answeringMachine) < 0) return 'answering-machine';
  if ((roll -= answered) < 0) return 'answered';
  return 'no-answer';
}

const OUTCOME_ORDER: readonly CallOutcome[] = ['meeting', 'sale', 'callback', 'do-not-call', 'rejected'];

export function drawCallOutcome(model: OutcomeModel, random: () => number): CallOutcome {
  let roll = random();
  for (const outcome of OUTCOME_ORDER) if ((roll -= model.outcomes[outcome]) < 0) return outcome;
  return 'rejected';
}

/** Applies a scenario's overrides to a preset and checks the shares still make sense. */
export function buildOutcomeModel(
  preset: OutcomePresetName,
  overrides: {
    notInService?: number | undefined;
    busy?: number | undefined;
    answeringMachine?: number | undefined;
    answered?: number | undefined;
    outcomes?: { rejected?: number | undefined; callback?: number | undefined; meeting?: number | undefined; sale?: number | undefined; doNotCall?: number | undefined } | undefined;
  } = {},
): { model: OutcomeModel; problems: string[] } {
  const base: OutcomeModel = OUTCOME_PRESETS[preset];
  const model: OutcomeModel = {
    notInService: overrides.notInService ?? base.notInService,
    busy: overrides.busy ?? base.busy,
    answeringMachine: overrides.answeringMachine ?? base.answeringMachine,
    answered: overrides.answered ?? base.answered,
    outcomes: {
      rejected: overrides.outcomes?.rejected ?? base.outcomes.rejected,
      callback: overrides.outcomes?.callback ?? base.outcomes.callback,
      meeting: overrides.outcomes?.meeting ?? base.outcomes.meeting,
      sale: overrides.outcomes?.sale ?? base.outcomes.sale,
      'do-not-call': overrides.outcomes?.doNotCall ?? base.outcomes['do-not-call'],
    },
  };
  const problems: string[] = [];
  const lineShares = model.notInService + model.busy + model.answeringMachine + model.answered;
  if (lineShares > 1 + 1e-9) problems.push(`outcomeModel: notInService + busy + answeringMachine + answered is ${lineShares.toFixed(3)}, more than 1`);
  const outcomeShares = Object.values(model.outcomes).reduce((sum, share) => sum + share, 0);
  if (Math.abs(outcomeShares - 1) > 1e-6) problems.push(`outcomeModel.outcomes: the shares add up to ${outcomeShares.toFixed(3)}, not 1`);
  return { model, problems };
}
