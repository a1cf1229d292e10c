import type { CheckRequestInput } from '../core/check-request.js';

/** The `history` of a check request: this seller's earlier calls to the callee. */
export type CallHistoryInput = NonNullable<CheckRequestInput['history']>;

/**
 * Earlier calls at the instants given, each on `subject` when given (an unknown subject counts as the same one, so
 * leave it out to test the fail-closed reading).
 * @example
 * aCheckRequest({ subject: 'solar panels', history: aCallHistory(['2026-03-10T09:00:00-05:00', '2026-03-10T11:00:00-05:00'], { subject: 'solar panels' }) })
 */
export function aCallHistory(instants: readonly string[], options: { readonly subject?: string } = {}): CallHistoryInput {
  return instants.map((at) => (options.subject === undefined ? { at } : { at, subject: options.subject }));
}
