/**
 * Output lines encoded as UTF-8 straight into Buffers of about `batchBytes`, handed on whole. A string rope of the
 * same lines is flattened and then encoded again by the stream it is written to; and one message with an en dash
 * made most ropes two-byte strings, doubling what was copied. A batch always ends at a line end, so each one can
 * be decoded on its own.
 */
export class OutputBatches {
  readonly #batchBytes: number;
  #buffer: Buffer;
  #used = 0;
  readonly #full: Buffer[] = [];

  readonly #spares: ArrayBuffer[];

  /**
   * `spares`: buffers of at least `batchBytes` to fill before new ones are allocated (a worker thread's, handed back
   * by the thread that wrote them). Every buffer is its own ArrayBuffer, never a slice of Node's shared pool, so a
   * batch's buffer can be handed to another thread whole.
   */
  constructor(batchBytes = 64 * 1024, spares: ArrayBuffer[] = []) {
    this.#batchBytes = batchBytes;
    this.#spares = spares;
    this.#buffer = this.#allocate(batchBytes);
  }

  #allocate(bytes: number): Buffer {
    if (bytes <= this.#batchBytes) {
      const spare = this.#spares.at(-1);
      if (spare !== undefined && spare.byteLength >= bytes) return Buffer.from(this.#spares.pop()!);
    }
    return Buffer.allocUnsafeSlow(bytes);
  }

  /** Appends `text` and a line end. */
  line(text: string): void {
    this.text(text);
    this.#buffer[this.#used++] = 10;
  }

  /** Appends `text` as it is (with room kept for a line end after it). */
  text(text: string): void {
    // Three bytes per UTF-16 unit is the most UTF-8 takes (a surrogate pair: four bytes for two units).
    const worst = text.length * 3 + 1;
    if (this.#used + worst > this.#buffer.length) {
      this.#seal();
      if (worst > this.#buffer.length) this.#buffer = this.#allocate(worst);
    }
    this.#used += this.#buffer.write(text, this.#used, 'utf8');
  }

  /** Appends bytes `start` to `end` of `source` (UTF-8 already) as they are. */
  bytes(source: Buffer, start: number, end: number): void {
    const length = end - start;
    if (this.#used + length + 1 > this.#buffer.length) {
      this.#seal();
      if (length + 1 > this.#buffer.length) this.#buffer = this.#allocate(length + 1);
    }
    this.#used += source.copy(this.#buffer, this.#used, start, end);
  }

  /** The batches filled so far, and with `all`, the one being filled too; each is handed out once. */
  take(all = false): Buffer[] {
    if (all || this.#used >= this.#batchBytes) this.#seal();
    return this.#full.splice(0);
  }

  #seal(): void {
    if (this.#used === 0) return;
    this.#full.push(this.#buffer.subarray(0, this.#used));
    // A new buffer, not the old one reused: the stream may still hold the sealed bytes until it has written them.
    this.#buffer = this.#allocate(this.#batchBytes);
    this.#used = 0;
  }
}
