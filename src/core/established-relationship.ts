import { withinMonthsBefore } from './calendar.js';
import type { ConsentFacts, RelationshipFacts } from './facts.js';
import { formatDateUtc } from './instant.js';

/**
 * The exemptions several jurisdictions grant in their own terms: an established business relationship (a purchase
 * within some months, an inquiry within fewer) and express consent. The rules word and cite them; the arithmetic is
 * here once.
 */

export interface RelationshipMonths {
  readonly transactionMonths: number;
  readonly inquiryMonths: number;
}

/** The US federal (FCC, TSR and FINRA) relationship: a transaction within 18 months, an inquiry within 3. */
export const US_RELATIONSHIP_MONTHS: RelationshipMonths = { transactionMonths: 18, inquiryMonths: 3 };

export interface RelationshipFound {
  readonly kind: 'transaction' | 'inquiry';
  /** The date of the transaction or inquiry, `YYYY-MM-DD` in UTC. */
  readonly date: string;
}

/** The transaction (first) or inquiry within the months before the call that makes a relationship, or undefined. */
export function establishedRelationship(relationship: RelationshipFacts, at: number, months: RelationshipMonths): RelationshipFound | undefined {
  if (withinMonthsBefore(relationship.lastTransactionAt, at, months.transactionMonths)) {
    return { kind: 'transaction', date: formatDateUtc(relationship.lastTransactionAt) };
  }
  if (withinMonthsBefore(relationship.lastInquiryAt, at, months.inquiryMonths)) return { kind: 'inquiry', date: formatDateUtc(relationship.lastInquiryAt) };
  return undefined;
}

export interface ConsentFound {
  readonly kind: 'prior express written consent' | 'prior express consent';
  readonly date: string;
}

/** A consent of either kind valid at the call for this seller (a written one first), or undefined. */
export function expressConsent(consents: ConsentFacts): ConsentFound | undefined {
  if (consents.priorExpressWritten.valid) return { kind: 'prior express written consent', date: formatDateUtc(consents.priorExpressWritten.grantedAt) };
  if (consents.priorExpress.valid) return { kind: 'prior express consent', date: formatDateUtc(consents.priorExpress.grantedAt) };
  return undefined;
}
