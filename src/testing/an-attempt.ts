import type { CallAttempt } from '../core/attempt.js';
import { parseCheckRequest, type CheckRequestInput } from '../core/check-request.js';
import { aCheckRequest } from './a-check-request.js';

/**
 * A validated call attempt, ready for `screen`: `aCheckRequest(overrides)` parsed as `dialsim check` parses it, so a
 * typo in an override throws an `InputError` naming the field.
 * @example
 * const decision = screen(anAttempt({ at: instantIn('2026-03-10 21:00', 'America/Chicago') }));
 */
export function anAttempt(overrides: Partial<CheckRequestInput> = {}): CallAttempt {
  return parseCheckRequest(aCheckRequest(overrides));
}
