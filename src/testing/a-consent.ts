import type { CheckRequestInput } from '../core/check-request.js';

/** A consent as a check request gives it. */
export type ConsentInput = NonNullable<CheckRequestInput['consents']>[number];

/**
 * A consent with sensible defaults: prior express written consent to `acme` (the default seller), granted on
 * 2 January 2025, never revoked; overridden field by field.
 * @example
 * aCheckRequest({ consents: [aConsent({ revokedAt: '2026-03-01' })] })
 */
export function aConsent(overrides: Partial<ConsentInput> = {}): ConsentInput {
  return { kind: 'prior-express-written', seller: 'acme', grantedAt: '2025-01-02T00:00:00Z', ...overrides };
}
