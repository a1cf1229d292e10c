import type { Confidence } from '../core/cited-fact.js';
import { CANADA_FACTS } from '../../policies/canada/canada-facts.js';
import { US_REGIONS } from '../../policies/us-federal/index.js';
import { AbandonmentWindow, type PacedWindow } from './abandonment-window.js';

/**
 * The predictive dialer's abandonment limit is the callee's jurisdiction's: 3% of live answers over 30 days for US
 * numbers (47 CFR 64.1200(a)(7), TSR 310.4(b)(4)), Canada's 5% measured per calendar month (the window is unconfirmed:
 * ../shared/jurisdictions.md F1) for Canadian numbers. A campaign calling both is measured against each, on the calls
 * to that jurisdiction's numbers.
 */

export type AbandonmentJurisdiction = 'US' | 'CA';

export interface AbandonmentLimit {
  readonly jurisdiction: AbandonmentJurisdiction;
  /** The largest share of live answers that may be abandoned, 0-1. */
  readonly cap: number;
  /** `rolling-30-days`: every 30-day window; `calendar-month`: each calendar month (UTC). */
  readonly window: 'rolling-30-days' | 'calendar-month';
  readonly citation: string;
  /** The mark of the weakest of the cap and its window. */
  readonly confidence: Confidence;
}

export const ABANDONMENT_LIMITS: Readonly<Record<AbandonmentJurisdiction, AbandonmentLimit>> = {
  US: { jurisdiction: 'US', cap: 0.03, window: 'rolling-30-days', citation: '47 CFR 64.1200(a)(7); 16 CFR 310.4(b)(4)', confidence: 'P' },
  CA: {
    jurisdiction: 'CA',
    cap: CANADA_FACTS.abandonmentCapPercent.value / 100,
    window: 'calendar-month',
    citation: CANADA_FACTS.abandonmentCapPercent.citation,
    confidence: CANADA_FACTS.abandonmentWindow.confidence,
  },
};

/** One measured period: a 30-day window (named by its last day) or a calendar month (`2026-03`). */
export interface AbandonmentPeriod {
  readonly period: string;
  readonly answered: number;
  readonly abandoned: number;
  readonly rate: number;
}

export interface JurisdictionAbandonment extends AbandonmentLimit {
  readonly answered: number;
  readonly abandoned: number;
  /** The highest rate of any period. */
  readonly maxRate: number;
  /** Whether some period's rate is above the cap. */
  readonly overCap: boolean;
  readonly periods: readonly AbandonmentPeriod[];
}

/** The jurisdiction whose abandonment limit a callee's number falls under, by libphonenumber region; null elsewhere. */
export function abandonmentJurisdiction(region: string | null): AbandonmentJurisdiction | null {
  if (region === 'CA') return 'CA';
  return region !== null && US_REGIONS.includes(region) ? 'US' : null;
}

// The pacer asks for the current month at every dial: the month last named is kept with its bounds, so a Date is
// made only when the clock crosses into another month.
let monthFrom = Number.NaN;
let monthUntil = Number.NaN;
let monthText = '';

/** The calendar month (UTC) of an instant, `2026-03`. */
function monthOf(at: number): string {
  if (!(at >= monthFrom && at < monthUntil)) {
    const date = new Date(at);
    monthFrom = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    monthUntil = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    monthText = date.toISOString().slice(0, 7);
  }
  return monthText;
}

const NO_WINDOWS: readonly PacedWindow[] = Object.freeze([]);

/** Live answers and abandoned calls by the callee's jurisdiction, each measured over its own window. */
export class AbandonmentByJurisdiction {
  /**
   * The live answers and abandoned calls of the window each jurisdiction called so far is measured over at `at`: the
   * 30 days ending that day for US numbers, the calendar month for Canadian ones. What the pacer steers by.
   */
  current(at: number): { jurisdiction: AbandonmentJurisdiction; answered: number; abandoned: number }[] {
    const windows: { jurisdiction: AbandonmentJurisdiction; answered: number; abandoned: number }[] = [];
    // Fields written out rather than spread: the pacer asks at every dial.
    if (this.#dialed.has('US')) {
      const us = this.#us.current(at);
      windows.push({ jurisdiction: 'US', answered: us.answered, abandoned: us.abandoned });
    }
    if (this.#dialed.has('CA')) {
      const ca = this.#months.get(monthOf(at));
      windows.push({ jurisdiction: 'CA', answered: ca?.answered ?? 0, abandoned: ca?.abandoned ?? 0 });
    }
    return windows;
  }

  /**
   * `current(at)` with each jurisdiction's cap, for the pacer, which asks at every dial: written into one array of
   * the same two objects each time (valid until the next call), in the order US, CA.
   */
  pacedWindows(at: number, capOf: (jurisdiction: AbandonmentJurisdiction) => number): readonly PacedWindow[] {
    const us = this.#dialed.has('US');
    const ca = this.#dialed.has('CA');
    if (us) {
      this.#us.currentInto(at, this.#pacedUs);
      this.#pacedUs.cap = capOf('US');
    }
    if (ca) {
      const counts = this.#months.get(monthOf(at));
      this.#pacedCa.answered = counts?.answered ?? 0;
      this.#pacedCa.abandoned = counts?.abandoned ?? 0;
      this.#pacedCa.cap = capOf('CA');
    }
    return us ? (ca ? this.#pacedBoth : this.#pacedUsOnly) : ca ? this.#pacedCaOnly : NO_WINDOWS;
  }

  readonly #pacedUs = { answered: 0, abandoned: 0, cap: 0 };
  readonly #pacedCa = { answered: 0, abandoned: 0, cap: 0 };
  // Each set of windows as one array for the run (emptying and refilling one array would make it a new store each time).
  readonly #pacedUsOnly: readonly PacedWindow[] = [this.#pacedUs];
  readonly #pacedCaOnly: readonly PacedWindow[] = [this.#pacedCa];
  readonly #pacedBoth: readonly PacedWindow[] = [this.#pacedUs, this.#pacedCa];

  /**
   * Counts a country as called from its first dial: its window is then kept under its cap even before its first live
   * answer (an empty window allows no extra line), so early answers from another country cannot loosen it.
   */
  noteDialed(jurisdiction: AbandonmentJurisdiction | null): void {
    if (jurisdiction !== null) this.#dialed.add(jurisdiction);
  }

  readonly #us = new AbandonmentWindow(30);
  readonly #months = new Map<string, { answered: number; abandoned: number }>();
  readonly #totals = { US: { answered: 0, abandoned: 0 }, CA: { answered: 0, abandoned: 0 } };
  readonly #dialed = new Set<AbandonmentJurisdiction>();

  record(jurisdiction: AbandonmentJurisdiction | null, kind: 'answered' | 'abandoned', at: number): void {
    if (jurisdiction === null) return;
    this.#totals[jurisdiction][kind]++;
    if (jurisdiction === 'US') {
      if (kind === 'answered') this.#us.recordAnswered(at);
      else this.#us.recordAbandoned(at);
      return;
    }
    const month = monthOf(at);
    const counts = this.#months.get(month) ?? { answered: 0, abandoned: 0 };
    counts[kind]++;
    this.#months.set(month, counts);
  }

  /** Each jurisdiction with live answers, in the order US, CA. */
  report(): JurisdictionAbandonment[] {
    const result: JurisdictionAbandonment[] = [];
    const us = this.#us.rollingRates().map(({ day, answered, abandoned, rate }) => ({ period: day, answered, abandoned, rate }));
    const ca = [...this.#months].sort(([a], [b]) => a.localeCompare(b)).map(([period, { answered, abandoned }]) => ({ period, answered, abandoned, rate: answered === 0 ? 0 : abandoned / answered }));
    for (const [jurisdiction, periods] of [['US', us], ['CA', ca]] as const) {
      const totals = this.#totals[jurisdiction];
      if (totals.answered === 0 && totals.abandoned === 0) continue;
      const limit = ABANDONMENT_LIMITS[jurisdiction];
      const maxRate = Math.max(0, ...periods.map((period) => period.rate));
      result.push({ ...limit, ...totals, maxRate, overCap: periods.some((period) => period.rate > limit.cap), periods });
    }
    return result;
  }
}
