import type { ScreeningFacts } from '../../src/core/facts.js';
import { violation, type PolicyOutcome } from '../../src/core/policy.js';

/**
 * Why a number has no place (no zone, no state), for the guard rules that stand in when one is unknown: it is
 * non-geographic (toll-free, personal, premium), or its area code is missing from the numbering data. Each guard words
 * the two cases with its own `nonGeographic` and `unknownAreaCode` messages.
 */
export function noPlaceOutcome(facts: ScreeningFacts): PolicyOutcome<'nonGeographic' | 'unknownAreaCode'> {
  const e164 = facts.number.e164 ?? facts.number.input;
  return facts.number.kind !== null && facts.number.kind !== 'geographic'
    ? violation('nonGeographic', { e164, kind: facts.number.kind })
    : violation('unknownAreaCode', { e164, areaCode: e164.slice(2, 5) });
}

