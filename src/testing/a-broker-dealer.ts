import type { CheckRequestInput } from '../core/check-request.js';

/**
 * The `caller` of a broker-dealer's call (a FINRA member firm): screened under FINRA Rule 3230 and the FCC's rules,
 * not the Telemarketing Sales Rule.
 * @example
 * aCheckRequest({ caller: aBrokerDealer(), relationship: aRelationship() })
 */
export function aBrokerDealer(seller = 'lakeshore-securities'): NonNullable<CheckRequestInput['caller']> {
  return { seller, kind: 'broker-dealer' };
}
