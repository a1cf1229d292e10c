import { DAY_MS } from '../core/calendar.js';

/** Answered and abandoned calls for one campaign, by UTC day, read over rolling windows. */
export class AbandonmentWindow {
  readonly #answered = new Map<number, number>();
  readonly #abandoned = new Map<number, number>();
  readonly windowDays: number;
  #windowAnswered = 0;
  #windowAbandoned = 0;
  #windowEndDay = Number.NEGATIVE_INFINITY;

  constructor(windowDays = 30) {
    this.windowDays = windowDays;
  }

  /** Counts a live answer (connected or abandoned) at `at`. */
  recordAnswered(at: number): void {
    const day = this.#advance(at);
    this.#answered.set(day, (this.#answered.get(day) ?? 0) + 1);
    this.#windowAnswered++;
  }

  recordAbandoned(at: number): void {
    const day = this.#advance(at);
    this.#abandoned.set(day, (this.#abandoned.get(day) ?? 0) + 1);
    this.#windowAbandoned++;
  }

  /** Answered and abandoned calls in the window that ends on the day of `at`, today included. */
  current(at: number): { answered: number; abandoned: number } {
    this.#advance(at);
    return { answered: this.#windowAnswered, abandoned: this.#windowAbandoned };
  }

  /** `current(at)` written into `into`, for the pacer, which asks at every dial: no object per question. */
  currentInto(at: number, into: { answered: number; abandoned: number }): void {
    this.#advance(at);
    into.answered = this.#windowAnswered;
    into.abandoned = this.#windowAbandoned;
  }

  /** Moves the window so it ends on `at`'s day (time only moves forward in a simulation). */
  #advance(at: number): number {
    const day = Math.floor(at / DAY_MS);
    if (day <= this.#windowEndDay) return day;
    if (day - this.#windowEndDay >= this.windowDays) {
      this.#windowAnswered = 0;
      this.#windowAbandoned = 0;
      for (let d = day - this.windowDays + 1; d <= day; d++) {
        this.#windowAnswered += this.#answered.get(d) ?? 0;
        this.#windowAbandoned += this.#abandoned.get(d) ?? 0;
      }
    } else {
      for (let old = this.#windowEndDay - this.windowDays + 1; old <= day - this.windowDays; old++) {
        this.#windowAnswered -= this.#answered.get(old) ?? 0;
        this.#windowAbandoned -= this.#abandoned.get(old) ?? 0;
      }
    }
    this.#windowEndDay = day;
    return day;
  }

  /** The abandonment rate of every window ending on a day with calls, in day order (for the summary and report). */
  rollingRates(): { day: string; answered: number; abandoned: number; rate: number }[] {
    const days = [...new Set([...this.#answered.keys(), ...this.#abandoned.keys()])].sort((a, b) => a - b);
    return days.map((day) => {
      let answered = 0;
      let abandoned = 0;
      for (let d = day - this.windowDays + 1; d <= day; d++) {
        answered += this.#answered.get(d) ?? 0;
        abandoned += this.#abandoned.get(d) ?? 0;
      }
      return { day: new Date(day * DAY_MS).toISOString().slice(0, 10), answered, abandoned, rate: answered === 0 ? 0 : abandoned / answered };
    });
  }
}

/** One window the pacer keeps under its cap: its live answers and abandoned calls now, and the cap. */
export interface PacedWindow {
  readonly answered: number;
  readonly abandoned: number;
  readonly cap: number;
}

/**
 * Predictive pacing: how many lines to dial for one free agent. It dials extra lines only while even the worst
 * case, every extra line answered and abandoned, keeps every window's rate under its cap with a safety margin (one
 * window per jurisdiction called, each with its own limit); with `adaptive` off it always dials the maximum (a floor
 * that does not back off).
 */
export class PredictivePacer {
  #ratio: number;
  /** Before the first dial there is no window yet: it is judged against the strictest cap that may apply. */
  readonly #beforeFirstDial: readonly PacedWindow[];

  constructor(
    /**
     * The windows to keep under their caps at `at`: one per country dialed so far. Read before the next call only,
     * so the function may hand back the same array and objects each time, filled anew.
     */
    private readonly windows: (at: number) => readonly PacedWindow[],
    private readonly options: { maxLinesPerAgent: number; adaptive: boolean; capBeforeFirstDial: number },
  ) {
    this.#ratio = Math.min(2, options.maxLinesPerAgent);
    this.#beforeFirstDial = Object.freeze([Object.freeze({ answered: 0, abandoned: 0, cap: options.capBeforeFirstDial })]);
  }

  get ratio(): number {
    return this.#ratio;
  }

  linesFor(at: number, random: () => number): number {
    const { maxLinesPerAgent, adaptive } = this.options;
    if (!adaptive) return Math.floor(maxLinesPerAgent);
    const measured = this.windows(at);
    const windows = measured.length > 0 ? measured : this.#beforeFirstDial;
    // The highest share of its cap any window has used (a loop: this runs at every dial). Indexed: `for of` over these
    // arrays (frozen or not) made an iterator result per step, 190 bytes an attempt in a sampled allocation profile.
    let pressure = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < windows.length; index++) {
      const window = windows[index]!;
      pressure = Math.max(pressure, window.answered === 0 ? 0 : window.abandoned / window.answered / window.cap);
    }
    // Back off fast when a rate nears its cap, creep back up slowly when every one is well below.
    if (pressure > 0.7) this.#ratio = Math.max(1, this.#ratio - 0.25);
    else if (pressure < 0.4) this.#ratio = Math.min(maxLinesPerAgent, this.#ratio + 0.01);
    let lines = Math.floor(this.#ratio) + (random() < this.#ratio % 1 ? 1 : 0);
    const extra = lines - 1;
    // Worst case: every extra line answers and finds no agent.
    for (let index = 0; extra > 0 && index < windows.length; index++) {
      const window = windows[index]!;
      if ((window.abandoned + extra) / (window.answered + 1) > window.cap * 0.9) return 1;
    }
    return lines;
  }
}
