import type { CheckRequestInput } from '../core/check-request.js';

/** A relationship as a check request gives it. */
export type RelationshipInput = NonNullable<CheckRequestInput['relationship']>;

/**
 * An established business relationship with the default seller: a purchase on 10 September 2025, six months
 * before the default call; overridden field by field (`null` removes a date).
 * @example
 * aCheckRequest({ relationship: aRelationship({ lastTransactionAt: null, lastInquiryAt: '2026-02-01' }) })
 */
export function aRelationship(overrides: Partial<RelationshipInput> = {}): RelationshipInput {
  return { lastTransactionAt: '2025-09-10', lastInquiryAt: null, ...overrides };
}
