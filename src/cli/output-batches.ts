/**
 * Output lines encoded as UTF-8 straight into Buffers of about `batchBytes`, handed on whole. A string rope of the
 * same lines is flattened and then encoded again by the stream it is written to; and one message with an en dash
 * made most ropes two-byte strings, doubling what was copied. A batch always ends at a line end, so each one can
 * be decoded on its own.
 */
/** One write per line would dominate the cost of a stream; a batch of this many bytes is written at once. */
export const OUTPUT_BATCH_BYTES = 64 * 1024;

/** No buffer yet: one is taken when the first bytes come, so a batch sealed last costs no buffer after it. */
const NO_BUFFER = Buffer.alloc(0);

export class OutputBatches {
  readonly #batchBytes: number;
  #buffer: Buffer = NO_BUFFER;
  #used = 0;
  readonly #full: Buffer[] = [];

  readonly #spares: ArrayBuffer[];

  /**
   * `spares`: buffers of at least `batchBytes` to fill before new ones are allocated (a worker thread's, handed back
   * by the thread that wrote them). Every buffer is its own ArrayBuffer, never a slice of Node's shared pool, so a
   * batch's buffer can be handed to another thread whole.
   */
  constructor(batchBytes = OUTPUT_BATCH_BYTES, spares: ArrayBuffer[] = []) {
    this.#batchBytes = batchBytes;
    this.#spares = spares;
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
    this.#makeRoom(text.length * 3 + 1);
    this.#used += this.#buffer.write(text, this.#used, 'utf8');
  }

  /**
   * Room for a line of at most `bytes` bytes, its line end not counted: the buffer to write it into, from
   * `written`. The line is ended by `endLine`, before anything else is appended.
   */
  reserveLine(bytes: number): Buffer {
    this.#makeRoom(bytes + 1);
    return this.#buffer;
  }

  /** Where the line `reserveLine` made room for starts. */
  get written(): number {
    return this.#used;
  }

  /** Ends the line written into the buffer `reserveLine` gave at `end` (where its line end goes). */
  endLine(end: number): void {
    this.#buffer[end] = 10;
    this.#used = end + 1;
  }

  /** Appends bytes `start` to `end` of `source` (UTF-8 already) as they are. */
  bytes(source: Buffer, start: number, end: number): void {
    this.#makeRoom(end - start + 1);
    this.#used += source.copy(this.#buffer, this.#used, start, end);
  }

  /** Seals the batch being filled and takes a new buffer, when `bytes` more would not fit in it. */
  #makeRoom(bytes: number): void {
    if (this.#used + bytes <= this.#buffer.length) return;
    this.#seal();
    this.#buffer = this.#allocate(Math.max(bytes, this.#batchBytes));
  }

  /** The batches filled so far, and with `all`, the one being filled too; each is handed out once. */
  take(all = false): Buffer[] {
    if (all || this.#used >= this.#batchBytes) this.#seal();
    return this.#full.splice(0);
  }

  #seal(): void {
    if (this.#used === 0) return;
    this.#full.push(this.#buffer.subarray(0, this.#used));
    // Never the old one reused: the stream may still hold the sealed bytes until it has written them.
    this.#buffer = NO_BUFFER;
    this.#used = 0;
  }
}
