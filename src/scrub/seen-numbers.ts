/** Starting slots; the table doubles when half full. */
const INITIAL_SLOTS = 1 << 12;

/**
 * The numbers seen so far in a list and the row each first appeared on, to mark duplicates. A JS Map of strings
 * costs about 80 bytes an entry and cannot hold more than 2^24 of them; this open-addressing table keeps each E.164
 * number as its digits in a float64 (at most 15 digits, exact) and the row in a uint32: 24 bytes per number at
 * worst, so a 20-million-row list costs under 500 MB here and nothing else grows with the list.
 */
export class SeenNumbers {
  #keys = new Float64Array(INITIAL_SLOTS);
  #rows = new Uint32Array(INITIAL_SLOTS);
  #size = 0;

  /**
   * The row the number of `key` (its E.164 digits as a number, see duplicateKey) was first seen on, or undefined
   * (and it is recorded as seen on `row`).
   */
  firstRow(key: number, row: number): number | undefined {
    // Row 0 never occurs (rows count from 1), so an empty slot is one whose row is 0.
    let slot = this.#slotOf(key);
    while (this.#rows[slot] !== 0) {
      if (this.#keys[slot] === key) return this.#rows[slot];
      slot = (slot + 1) & (this.#rows.length - 1);
    }
    this.#keys[slot] = key;
    this.#rows[slot] = row;
    if (++this.#size * 2 > this.#rows.length) this.#grow();
    return undefined;
  }

  #slotOf(key: number): number {
    // Mixes the high and low parts of the number so neighbouring numbers spread over the table.
    const low = key % 0x1_0000_0000;
    const high = Math.floor(key / 0x1_0000_0000);
    let hash = Math.imul(low ^ Math.imul(high, 0x9e37_79b1), 0x85eb_ca6b);
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2_ae35);
    return (hash ^ (hash >>> 16)) & (this.#rows.length - 1);
  }

  #grow(): void {
    const keys = this.#keys;
    const rows = this.#rows;
    this.#keys = new Float64Array(keys.length * 2);
    this.#rows = new Uint32Array(rows.length * 2);
    for (let index = 0; index < rows.length; index++) {
      if (rows[index] === 0) continue;
      let slot = this.#slotOf(keys[index]!);
      while (this.#rows[slot] !== 0) slot = (slot + 1) & (this.#rows.length - 1);
      this.#keys[slot] = keys[index]!;
      this.#rows[slot] = rows[index]!;
    }
  }
}
