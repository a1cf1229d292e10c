import { formatInstantUtc } from '../core/instant.js';

/**
 * Instants as the audit log writes them (`formatInstantUtc`), remembered: a campaign's records state the same
 * instants again and again (the calls of one group share their dial and ring instants, a consent's grant date and a
 * registry copy's date recur on every attempt), and formatInstantUtc caches only the last day, which those dates
 * keep replacing. Cleared when full, so it stays small.
 */
const texts = new Map<number, string>();
const MAX_TEXTS = 4096;
// The last instant asked for, before the map: a call's steps often share one (screen and screened).
let lastAt = Number.NaN;
let lastText = '';

export function instantText(at: number): string {
  if (at === lastAt) return lastText;
  let text = texts.get(at);
  if (text === undefined) {
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(at, (text = formatInstantUtc(at)));
  }
  lastAt = at;
  lastText = text;
  return text;
}
