import { parseCheckRequest, type CheckRequestInput } from '../core/check-request.js';
import type { Decision } from '../core/decision.js';
import type { PolicyPack } from '../core/policy.js';
import { screen } from '../engine/screen.js';
import type { DrillKey } from './drill.js';

/** Screens a drill's request with the engine: the only source of a drill's answer. */
export function screenRequest(request: CheckRequestInput, pack?: PolicyPack): Decision {
  return screen(parseCheckRequest(request), pack === undefined ? {} : { pack });
}

export function keyOf(decision: Decision): DrillKey {
  return {
    verdict: decision.verdict,
    rules: decision.violations.map((violation) => violation.rule),
    exemptions: decision.exemptions.map((exemption) => exemption.rule),
  };
}

export function sameKey(a: DrillKey, b: DrillKey): boolean {
  return a.verdict === b.verdict && a.rules.join(' ') === b.rules.join(' ') && a.exemptions.join(' ') === b.exemptions.join(' ');
}
