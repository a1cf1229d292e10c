import { DAY_MS } from './calendar.js';
import type { RegistryCopyFacts } from './facts.js';
import { formatDuration, formatInstantUtc } from './instant.js';
import type { MessageData } from './policy.js';

/**
 * Why a seller's copy of a dated do-not-call list cannot vouch for a number at the time of the call: there is none,
 * it has no sync date, it was synced after the call, or it is more than `maxAgeDays` x 24 hours old. One check for
 * the national registry, the states' lists and Canada's DNCL, so each rule words the problem but none re-derives it.
 */
export type RegistryCopyProblem =
  | { readonly messageId: 'missing' | 'noSyncDate'; readonly data: MessageData }
  | { readonly messageId: 'areaCodeNotCovered'; readonly data: { readonly areaCode: string } }
  | { readonly messageId: 'syncedAfterCall'; readonly data: { readonly syncedAt: string } }
  | { readonly messageId: 'stale'; readonly data: { readonly syncedAt: string; readonly age: string } };

/**
 * The problem with the copy at `at`, or undefined when it is present, dated, and at most `maxAgeDays` old.
 * `e164` is the number screened, which names the area code a store does not cover.
 */
export function registryCopyProblem(copy: RegistryCopyFacts, at: number, maxAgeDays: number, e164: string | null): RegistryCopyProblem | undefined {
  if (copy.copy === 'missing') return { messageId: 'missing', data: {} };
  if (copy.copy === 'uncovered') return { messageId: 'areaCodeNotCovered', data: { areaCode: e164 === null ? 'unknown' : e164.slice(2, 5) } };
  if (copy.syncedAt === null) return { messageId: 'noSyncDate', data: {} };
  if (copy.syncedAt > at) return { messageId: 'syncedAfterCall', data: { syncedAt: formatInstantUtc(copy.syncedAt) } };
  const ageMs = at - copy.syncedAt;
  if (ageMs <= maxAgeDays * DAY_MS) return undefined;
  return { messageId: 'stale', data: { syncedAt: formatInstantUtc(copy.syncedAt), age: formatDuration(ageMs) } };
}
