import type { CheckRequestInput } from '../core/check-request.js';

/**
 * A check request with sensible defaults (a manual telemarketing call at 14:00 in Chicago to a Chicago number, with a
 * fresh, empty national registry copy), overridden field by field. Nested objects are replaced, not merged.
 * @example
 * aCheckRequest({ method: 'autodialer', callee: { lineType: 'mobile' } })
 */
export function aCheckRequest(overrides: Partial<CheckRequestInput> = {}): CheckRequestInput {
  return {
    at: '2026-03-10T14:00:00-05:00',
    to: '+1 312 555 0188',
    method: 'manual',
    caller: { seller: 'acme' },
    registries: { national: { syncedAt: '2026-03-01', numbers: [] } },
    ...overrides,
  };
}
