import { formatInstantUtc } from '../core/instant.js';

/**
 * Instants as the audit log writes them (`formatInstantUtc`), remembered: a campaign's records state the same
 * instants again and again (the calls of one group share their dial and ring instants, a consent's grant date and a
 * registry copy's date recur on every attempt), and formatInstantUtc caches only the last day, which those dates
 * keep replacing. One slot per second of a window of SLOTS seconds, each holding the last instant written in it: a
 * slot is found by arithmetic where a Map of millisecond instants (doubles) hashed every lookup, and the instants of
 * a campaign's next hours fall in distinct slots.
 */
const SLOTS = 8192;
const slotInstants = new Float64Array(SLOTS).fill(Number.NaN);
const slotTexts: string[] = new Array<string>(SLOTS).fill('');
// The last instant asked for, before the slots: a call's steps often share one (screen and screened).
let lastAt = Number.NaN;
let lastText = '';

export function instantText(at: number): string {
  if (at === lastAt) return lastText;
  // ToInt32 of the second wraps any instant, negative or past 2038, into the mask's range.
  const slot = (at / 1000) & (SLOTS - 1);
  let text: string;
  if (slotInstants[slot] === at) text = slotTexts[slot]!;
  else {
    text = formatInstantUtc(at);
    slotInstants[slot] = at;
    slotTexts[slot] = text;
  }
  lastAt = at;
  lastText = text;
  return text;
}
