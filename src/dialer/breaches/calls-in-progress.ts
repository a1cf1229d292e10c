/**
 * How many calls the short list holds before the rest go to a Map: a dialed group of most campaigns (agents times
 * lines per agent). A larger one stays correct, each lookup past these first scanning all 32.
 */
const SHORT = 32;

/**
 * A value for each call in progress, by attempt id: what the monitor and the obligations hold between a call's
 * records. A Map set and deleted once per attempt, with a handful of calls in progress, makes a new table every few
 * calls as it grows and shrinks again (about a hundred nanoseconds and a few hundred bytes an attempt, measured on a
 * campaign); a campaign has the calls of one dialed group in progress at a time, so a short list searched in turn costs
 * less. Calls past `SHORT` go to a Map. No order is kept: only set, get and delete.
 */
export class CallsInProgress<V> {
  readonly #ids: string[] = [];
  readonly #values: V[] = [];
  #more: Map<string, V> | null = null;

  set(attemptId: string, value: V): void {
    const index = this.#ids.indexOf(attemptId);
    if (index >= 0) this.#values[index] = value;
    else if (this.#more?.has(attemptId)) this.#more.set(attemptId, value);
    else if (this.#ids.length < SHORT) {
      this.#ids.push(attemptId);
      this.#values.push(value);
    } else (this.#more ??= new Map()).set(attemptId, value);
  }

  get(attemptId: string): V | undefined {
    const index = this.#ids.indexOf(attemptId);
    if (index >= 0) return this.#values[index];
    return this.#more?.get(attemptId);
  }

  delete(attemptId: string): void {
    const ids = this.#ids;
    const index = ids.indexOf(attemptId);
    if (index < 0) {
      this.#more?.delete(attemptId);
      return;
    }
    // The last entry takes the place of the one deleted.
    const last = ids.length - 1;
    ids[index] = ids[last]!;
    this.#values[index] = this.#values[last]!;
    ids.pop();
    this.#values.pop();
  }
}
