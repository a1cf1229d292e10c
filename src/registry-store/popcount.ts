/** The number of set bits in a 32-bit word (SWAR: no loop, no table). */
export function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  // The top byte of the product's low 32 bits is the sum of the four byte counts: an integer multiply suffices.
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Per byte value and k (0-7): the position of the byte's (k + 1)-th set bit. */
const SELECT_IN_BYTE = (() => {
  const table = new Uint8Array(256 * 8);
  for (let byte = 0; byte < 256; byte++) {
    for (let bit = 0, k = 0; bit < 8; bit++) if ((byte & (1 << bit)) !== 0) table[byte * 8 + k++] = bit;
  }
  return table;
})();

/**
 * The position (0-31) of the `k`-th set bit of a 32-bit word, counting from the lowest and from 1; `k` must be at
 * most popcount(word). The byte holding it is found from the four byte counts, the bit within it from a table,
 * where clearing the lowest set bit k - 1 times took up to 31 steps.
 */
export function selectBit(word: number, k: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  const counts = (v + (v >>> 4)) & 0x0f0f0f0f;
  let shift = 0;
  for (let count = counts & 0xff; k > count; count = (counts >>> shift) & 0xff) {
    k -= count;
    shift += 8;
  }
  return shift + SELECT_IN_BYTE[((word >>> shift) & 0xff) * 8 + k - 1]!;
}
