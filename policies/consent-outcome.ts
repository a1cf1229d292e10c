/**
 * What the consent rules of every jurisdiction share: the wording of a missing, revoked or misdirected consent, and
 * the outcome of a rule that accepts some kinds of consent.
 */
import type { ConsentStatus, ScreeningFacts } from '../src/core/facts.js';
import { formatDateUtc, formatInstantUtc } from '../src/core/instant.js';
import { lifted, violation, type MessageData, type PolicyOutcome } from '../src/core/policy.js';

/** Message templates shared by the consent rules; `{consentKind}` and `{call}` are filled in by each rule. */
export const CONSENT_MESSAGES = {
  noConsent: '{call} without {consentKind} to {seller}: none on file',
  otherSeller: '{call} without {consentKind} to {seller}: the consent on file was given to another seller',
  revoked: '{call} without {consentKind} to {seller}: it was revoked at {instant}',
  grantedAfterCall: '{call} without {consentKind} to {seller}: it was granted at {instant}, after the call',
  consented: '{consentKind} to {seller}, granted {date}',
} as const;

export type ConsentMessageId = keyof typeof CONSENT_MESSAGES;

const GAP_MESSAGE = {
  'none-on-file': 'noConsent',
  'other-seller': 'otherSeller',
  revoked: 'revoked',
  'granted-after-call': 'grantedAfterCall',
} as const;

const GAP_PRECEDENCE = ['revoked', 'granted-after-call', 'other-seller', 'none-on-file'] as const;

/**
 * The outcome of a rule that needs one of `accepted` consents: lifted by the first valid one, otherwise a violation
 * that says why the closest one does not count.
 */
export function consentOutcome(
  facts: ScreeningFacts,
  accepted: readonly { status: ConsentStatus; name: string }[],
  call: string,
): PolicyOutcome<ConsentMessageId> {
  let consentKind = accepted[0]!.name;
  for (let index = 1; index < accepted.length; index++) consentKind += ` or ${accepted[index]!.name}`;
  // Indexed loops, and each finding's data written as a literal, not spread from a base: every autodialed call to a
  // mobile line runs this, and V8 (Node 20) put each spread copy straight into the old generation, which only a full
  // collection frees (one thread's heap and RSS grew by some 30 MB a million calls). The literals keep the keys in the
  // order the spreads gave them, which is the order the audit log writes.
  const { seller } = facts;
  for (let index = 0; index < accepted.length; index++) {
    const { status, name } = accepted[index]!;
    if (status.valid) return lifted('consented', { call, seller, consentKind: name, date: formatDateUtc(status.grantedAt) });
  }
  // None is valid: the closest is the first of the highest precedence (what a stable sort by precedence puts first).
  let closest: (ConsentStatus & { valid: false }) | undefined;
  for (let index = 0; index < accepted.length; index++) {
    const { status } = accepted[index]!;
    if (status.valid) continue;
    if (closest === undefined || GAP_PRECEDENCE.indexOf(status.gap) < GAP_PRECEDENCE.indexOf(closest.gap)) closest = status;
  }
  // Revocation and grant times are shown to the second: a consent revoked an hour before the call must read so.
  const data: MessageData = closest!.at === null ? { call, seller, consentKind } : { call, seller, consentKind, instant: formatInstantUtc(closest!.at) };
  return violation(GAP_MESSAGE[closest!.gap], data);
}
