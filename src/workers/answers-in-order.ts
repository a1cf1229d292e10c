/**
 * Answers from a worker pool taken in the order their jobs were given, so that output keeps the input's order:
 * up to `limit` jobs are in flight (a few per worker keep every worker busy while the oldest answer is taken).
 */
export class AnswersInOrder<Answer> {
  readonly #inFlight: Promise<Answer>[] = [];
  readonly #limit: number;
  readonly #take: (answer: Answer) => Promise<void>;

  constructor(limit: number, take: (answer: Answer) => Promise<void>) {
    this.#limit = limit;
    this.#take = take;
  }

  /** Adds a job's answer to wait for; takes the oldest ones first while `limit` are in flight. */
  async add(answer: Promise<Answer>): Promise<void> {
    // A job that fails while older answers are still being taken is reported when its turn comes, not as a
    // rejection nobody handled (which would end the process before the error could be told).
    answer.catch(() => {});
    this.#inFlight.push(answer);
    while (this.#inFlight.length >= this.#limit) await this.#take(await this.#inFlight.shift()!);
  }

  /** Takes every answer still awaited, in order. */
  async drain(): Promise<void> {
    while (this.#inFlight.length > 0) await this.#take(await this.#inFlight.shift()!);
  }

  /**
   * Settles the answers no longer wanted (the run failed half way): a rejection nobody awaits would end the process.
   * Call before closing the pool, which rejects them.
   */
  abandon(): Promise<unknown> {
    return Promise.allSettled(this.#inFlight.splice(0));
  }
}
