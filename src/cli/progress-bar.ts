import type { CliIo } from './io.js';

/** Shown only on a terminal, and only once a run has taken more than this long. */
const SHOW_AFTER_MS = 1000;
const WIDTH = 30;

/**
 * A progress bar on standard error for long scenario runs. It reads the wall clock, which is fine here: it is a
 * display concern of the CLI and never touches the simulation's own virtual clock.
 */
export class ProgressBar {
  readonly #io: CliIo;
  readonly #label: string;
  readonly #started = Date.now();
  #shown = false;

  constructor(io: CliIo, label: string) {
    this.#io = io;
    this.#label = label;
  }

  update(share: number): void {
    if (this.#io.isTty !== true || Date.now() - this.#started < SHOW_AFTER_MS) return;
    this.#shown = true;
    const filled = Math.round(share * WIDTH);
    this.#io.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${Math.round(share * 100)}% ${this.#label}`);
  }

  done(): void {
    if (this.#shown) this.#io.stderr.write(`\r${' '.repeat(WIDTH + this.#label.length + 8)}\r`);
  }
}
