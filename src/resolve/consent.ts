import type { Consent, ConsentKind } from '../core/attempt.js';
import type { ConsentStatus } from '../core/facts.js';

/**
 * Whether a consent of `kind` is valid at `at` for `seller`: granted at or before the call, not revoked at or before
 * it, and given to this seller exactly (case-sensitive). When none is, the gap closest to valid is reported, so the
 * message can say "revoked on 2026-03-01" rather than just "no consent".
 */
export function consentStatus(consents: readonly Consent[], kind: ConsentKind, seller: string, at: number): ConsentStatus {
  let revoked: number | null = null;
  let grantedLater: number | null = null;
  let otherSeller = false;
  // Indexed: `for of` over consent lists (some frozen, some not) made an iterator result per step, twice a screening.
  for (let index = 0; index < consents.length; index++) {
    const consent = consents[index]!;
    if (consent.kind !== kind) continue;
    if (consent.seller !== seller) {
      otherSeller = true;
    } else if (consent.grantedAt > at) {
      grantedLater = grantedLater === null ? consent.grantedAt : Math.min(grantedLater, consent.grantedAt);
    } else if (consent.revokedAt !== null && consent.revokedAt <= at) {
      revoked = revoked === null ? consent.revokedAt : Math.max(revoked, consent.revokedAt);
    } else {
      return { valid: true, grantedAt: consent.grantedAt };
    }
  }
  if (revoked !== null) return { valid: false, gap: 'revoked', at: revoked };
  if (grantedLater !== null) return { valid: false, gap: 'granted-after-call', at: grantedLater };
  return otherSeller ? OTHER_SELLER : NONE_ON_FILE;
}

// The two answers without an instant, the commonest by far: shared, as facts are read-only.
const OTHER_SELLER: ConsentStatus = Object.freeze({ valid: false, gap: 'other-seller', at: null });
const NONE_ON_FILE: ConsentStatus = Object.freeze({ valid: false, gap: 'none-on-file', at: null });
