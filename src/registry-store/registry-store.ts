import { closeSync, fstatSync, openSync } from 'node:fs';
import type { NumberRegistry } from '../resolve/registry.js';
import { AreaCodeBitmaps } from './area-code-bitmaps.js';
import { CHECKSUM_AT, headerChecksum, readChecksummed, storeChecksum } from './store-checksum.js';
import { takePrefetchedStoreFile } from './store-file-prefetch.js';
import { encodeExchange, exchangeGroupWord, exchangeHas, exchangeLines, exchangeRecordWords, LINES_PER_EXCHANGE } from './exchange-code.js';

/**
 * A seller's copy of a do-not-call registry as one compact file: every listed number in the Elias-Fano code
 * (exchange-code.ts), an index by NPA-NXX, and per area code the date of the download it came from and its source.
 * Freshness is judged per area code, and a number in an area code the copy does not cover cannot be vouched for.
 *
 * The file is read whole into a SharedArrayBuffer, so that worker threads can share one copy (`sharedBytes`,
 * `fromSharedBytes`).
 *
 * Layout: a 64-byte header (signature, format version, section sizes, CRC-32 of the rest, the count of numbers);
 * the metadata as JSON (area codes with their dates and sources); a slot per possible area code (-1 where the
 * store holds none); for each area code held, the start of each of its 1,000 exchanges' records, and one more
 * entry for the end of the last; then the records.
 */

const SIGNATURE = 'DIALSDNC';
export const STORE_FORMAT_VERSION = 1;
const HEADER_BYTES = 64;
const AREA_CODES = 1000;
const EXCHANGES_PER_AREA_CODE = 1000;
/**
 * Lookups hasEach takes through each stage together: enough misses in flight to keep memory busy, few enough that the
 * records of a stage stay in cache until its last one.
 */
const LOOKUP_STAGE = 32;

/** One area code's part of the copy. */
export interface AreaCodeCopy {
  readonly areaCode: string;
  /** When the download this area code's numbers came from was made (the last change list applied, if any). */
  readonly syncedAt: number;
  /** The FTC file (or change list) the date comes from. */
  readonly source: string;
  readonly numbers: number;
}

/** What the store's metadata section holds. */
interface StoreMetadata {
  readonly createdBy: string;
  readonly areaCodes: readonly { areaCode: string; syncedAt: string; source: string; numbers: number }[];
}

export class StoreFileError extends Error {}

export class RegistryStore implements NumberRegistry {
  readonly #slots: Int32Array;
  readonly #index: Uint32Array;
  readonly #data: Uint32Array;
  readonly #syncedAtByAreaCode: Float64Array;
  readonly #areaCodes: readonly AreaCodeCopy[];
  readonly #size: number;
  /** The whole file, kept (a view, not a copy) so that worker threads can share it. */
  #bytes: Uint8Array;
  readonly #label: string;
  readonly createdBy: string;
  /** hasEach's stages: each number's record (or -1) and line. */
  readonly #stagedRecords = new Int32Array(LOOKUP_STAGE);
  readonly #stagedLines = new Int32Array(LOOKUP_STAGE);
  #warmed = 0;

  private constructor(bytes: Uint8Array, label: string, checksumVerified = false) {
    const problem = (what: string): StoreFileError => new StoreFileError(`${label} ${what}`);
    if (bytes.byteLength < HEADER_BYTES || new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length)) !== SIGNATURE) {
      throw problem('is not a dialsim registry store (it does not start with the store signature); build one with `dialsim registry import`');
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const version = view.getUint32(8, true);
    if (version !== STORE_FORMAT_VERSION) {
      throw problem(`is a registry store of format version ${version}; this dialsim reads version ${STORE_FORMAT_VERSION}: rebuild it with \`dialsim registry import\``);
    }
    const metadataBytes = view.getUint32(12, true);
    const dataWords = view.getUint32(16, true);
    const held = view.getUint32(32, true);
    const { slotsAt, indexAt, indexEntries, dataAt } = sections(metadataBytes, held);
    const expected = dataAt + dataWords * 4;
    if (bytes.byteLength !== expected) {
      throw problem(`is damaged: its header describes ${expected} bytes but the file has ${bytes.byteLength} (truncated or appended to); rebuild it with \`dialsim registry import\``);
    }
    if (!checksumVerified && storeChecksum(bytes) !== view.getUint32(CHECKSUM_AT, true)) {
      throw problem('is damaged: its checksum does not match its contents (changed or corrupted after it was written); rebuild it with `dialsim registry import`');
    }
    const metadata = parseMetadata(bytes.subarray(HEADER_BYTES, HEADER_BYTES + metadataBytes));
    if (metadata === undefined) throw problem('is damaged: its metadata cannot be read; rebuild it with `dialsim registry import`');
    this.createdBy = metadata.createdBy;
    this.#bytes = bytes;
    this.#label = label;
    this.#slots = new Int32Array(bytes.buffer, bytes.byteOffset + slotsAt, AREA_CODES);
    this.#index = new Uint32Array(bytes.buffer, bytes.byteOffset + indexAt, indexEntries);
    this.#data = new Uint32Array(bytes.buffer, bytes.byteOffset + dataAt, dataWords);
    this.#syncedAtByAreaCode = new Float64Array(AREA_CODES).fill(Number.NaN);
    this.#areaCodes = metadata.areaCodes.map((entry) => ({ ...entry, syncedAt: Date.parse(entry.syncedAt) }));
    for (const entry of this.#areaCodes) this.#syncedAtByAreaCode[Number(entry.areaCode)] = entry.syncedAt;
    this.#size = view.getFloat64(24, true);
  }

  /** Opens a store file, refusing a foreign, damaged or other-version file with a message naming it. */
  static open(path: string): RegistryStore {
    const label = `the registry store ${path}`;
    const readAhead = takePrefetchedStoreFile(path);
    if (readAhead !== undefined) {
      const { bytes, checksum } = readAhead;
      return new RegistryStore(bytes, label, bytes.byteLength >= HEADER_BYTES && checksum === headerChecksum(bytes));
    }
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      throw new StoreFileError(`cannot open the registry store ${path}: ${(error as Error).message}`);
    }
    try {
      const size = fstatSync(fd).size;
      const bytes = new Uint8Array(new SharedArrayBuffer(size));
      const checksum = readChecksummed(fd, bytes);
      if (checksum === undefined) throw new StoreFileError(`the registry store ${path} ended while being read`);
      return new RegistryStore(bytes, label, checksum.matches(bytes));
    } finally {
      closeSync(fd);
    }
  }

  /** A store from its bytes (a worker's view of a shared store, or a store built in memory for tests). */
  static fromBytes(bytes: Uint8Array, label = 'the registry store'): RegistryStore {
    return new RegistryStore(bytes, label);
  }

  /**
   * The store's bytes in a SharedArrayBuffer, for `fromSharedBytes` in a worker thread: the same memory, not a copy
   * per worker. A store opened from a file is read into one already; one built from other bytes (a test's) is copied
   * into one once, and this thread keeps reading the original.
   */
  sharedBytes(): { readonly bytes: Uint8Array; readonly label: string } {
    if (!(this.#bytes.buffer instanceof SharedArrayBuffer)) {
      const shared = new Uint8Array(new SharedArrayBuffer(this.#bytes.byteLength));
      shared.set(this.#bytes);
      this.#bytes = shared;
    }
    return { bytes: this.#bytes, label: this.#label };
  }

  /** A worker thread's view of a store shared by `sharedBytes`, whose checksum the thread that opened it has verified. */
  static fromSharedBytes(shared: { readonly bytes: Uint8Array; readonly label: string }): RegistryStore {
    return new RegistryStore(shared.bytes, shared.label, true);
  }

  get size(): number {
    return this.#size;
  }

  /** Whether an E.164 number (+1 and ten digits) is listed. Numbers outside NANP are never listed. */
  has(e164: string): boolean {
    if (e164.length !== 12 || e164.charCodeAt(0) !== 43 || e164.charCodeAt(1) !== 49) return false;
    let prefix = 0;
    for (let i = 2; i < 8; i++) prefix = prefix * 10 + (e164.charCodeAt(i) - 48);
    let line = 0;
    for (let i = 8; i < 12; i++) line = line * 10 + (e164.charCodeAt(i) - 48);
    return this.hasNumber(prefix, line);
  }

  /** Whether NPA-NXX `prefix` (0-999999) with line `line` (0-9999) is listed. */
  hasNumber(prefix: number, line: number): boolean {
    const at = this.#recordOf(prefix);
    return at >= 0 && exchangeHas(this.#data, at, line);
  }

  /**
   * Whether each of `numbers` (ten-digit NANP numbers as integers, NPA-NXX-XXXX, without the country code) is
   * listed: `listed[i]` becomes 1 or 0, the answer `hasNumber` gives for `numbers[i]`. For a caller with many
   * numbers at hand (a list to scrub, a batch of requests): at the national registry's scale almost every record
   * read is a cache miss, and one lookup after another waits for each miss in turn. Here the lookups go in stages
   * over a few dozen numbers: the reads of one stage do not depend on each other, so the processor overlaps their
   * misses, and the last stage finds the records in cache.
   */
  hasEach(numbers: ArrayLike<number>, listed: Uint8Array): void {
    if (listed.length < numbers.length) throw new RangeError(`hasEach: ${numbers.length} numbers but room for ${listed.length} answers`);
    const records = this.#stagedRecords;
    const lines = this.#stagedLines;
    const data = this.#data;
    for (let first = 0; first < numbers.length; first += LOOKUP_STAGE) {
      const count = Math.min(LOOKUP_STAGE, numbers.length - first);
      for (let i = 0; i < count; i++) {
        const number = numbers[first + i]!;
        if (!isNanpNumber(number)) throw new RangeError(`hasEach: numbers[${first + i}] is ${number}, not a whole number from 0 to 9,999,999,999 (NPA-NXX-XXXX)`);
      }
      this.#readStage(numbers, first, count);
      for (let i = 0; i < count; i++) listed[first + i] = records[i]! >= 0 && exchangeHas(data, records[i]!, lines[i]!) ? 1 : 0;
    }
  }

  /**
   * Reads the parts of the store that looking each of `numbers[0 .. count)` up will read (as for hasEach), without
   * answering: a caller about to look them up one at a time among other work (a scrub's next rows) then finds them
   * in the cache, not in memory. Only a hint: anything but a ten-digit NANP number is passed over.
   */
  readAhead(numbers: ArrayLike<number>, count = numbers.length): void {
    for (let first = 0; first < count; first += LOOKUP_STAGE) this.#readStage(numbers, first, Math.min(LOOKUP_STAGE, count - first));
  }

  /**
   * hasEach's first stages for `numbers[first .. first + count)`: each number's record (or -1) and line, then each
   * record's header and directory, then the group the line falls in, read for their misses to overlap.
   */
  #readStage(numbers: ArrayLike<number>, first: number, count: number): void {
    const records = this.#stagedRecords;
    const lines = this.#stagedLines;
    const data = this.#data;
    let warmed = 0;
    for (let i = 0; i < count; i++) {
      const number = numbers[first + i]!;
      const prefix = Math.floor(number / LINES_PER_EXCHANGE);
      lines[i] = number - prefix * LINES_PER_EXCHANGE;
      records[i] = isNanpNumber(number) ? this.#recordOf(prefix) : -1;
    }
    for (let i = 0; i < count; i++) if (records[i]! >= 0) warmed += data[records[i]!]!;
    for (let i = 0; i < count; i++) if (records[i]! >= 0) warmed += data[exchangeGroupWord(data, records[i]!, lines[i]!)]!;
    // Kept, so that the reads ahead are not optimised away as unused.
    this.#warmed = warmed;
  }

  /** The word where NPA-NXX `prefix`'s record starts, or -1 when the store lists nothing in that exchange. */
  #recordOf(prefix: number): number {
    const areaCode = (prefix / EXCHANGES_PER_AREA_CODE) | 0;
    const slot = this.#slots[areaCode]!;
    if (slot < 0) return -1;
    const entry = slot * EXCHANGES_PER_AREA_CODE + (prefix - areaCode * EXCHANGES_PER_AREA_CODE);
    const at = this.#index[entry]!;
    return at === this.#index[entry + 1] ? -1 : at;
  }

  /** The date of the copy for a number's area code; undefined when the store does not cover it. */
  syncedAtOf(e164: string): number | undefined {
    if (e164.length !== 12 || !e164.startsWith('+1')) return undefined;
    const syncedAt = this.#syncedAtByAreaCode[Number(e164.slice(2, 5))]!;
    return Number.isNaN(syncedAt) ? undefined : syncedAt;
  }

  areaCodes(): readonly AreaCodeCopy[] {
    return this.#areaCodes;
  }

  /** Every listed number's ten digits as an integer, area code by area code, ascending. */
  *numbers(): Generator<number> {
    for (let areaCode = 0; areaCode < AREA_CODES; areaCode++) {
      const slot = this.#slots[areaCode]!;
      if (slot < 0) continue;
      for (let exchange = 0; exchange < EXCHANGES_PER_AREA_CODE; exchange++) {
        const entry = slot * EXCHANGES_PER_AREA_CODE + exchange;
        const at = this.#index[entry]!;
        if (at === this.#index[entry + 1]) continue;
        for (const line of exchangeLines(this.#data, at)) yield (areaCode * EXCHANGES_PER_AREA_CODE + exchange) * LINES_PER_EXCHANGE + line;
      }
    }
  }

  /** Adds this store's numbers to `bitmaps`, covering its area codes: the base that change lists apply to. */
  addTo(bitmaps: AreaCodeBitmaps): void {
    for (const { areaCode } of this.#areaCodes) bitmaps.cover(Number(areaCode));
    for (const number of this.numbers()) {
      bitmaps.add(Math.floor(number / 10_000_000), number % 10_000_000);
    }
  }
}

/** The bytes of a store holding `bitmaps`, with the date and source of every area code it covers. */
export function encodeRegistryStore(
  bitmaps: AreaCodeBitmaps,
  coverage: ReadonlyMap<number, { readonly syncedAt: number; readonly source: string }>,
  createdBy: string,
): Uint8Array {
  const areaCodes = bitmaps.areaCodes();
  const lines = new Uint16Array(LINES_PER_EXCHANGE);
  // First pass: the size of every record, so that the data is allocated once.
  const counts = new Map<number, Uint16Array>();
  let dataWords = 0;
  for (const areaCode of areaCodes) {
    const perExchange = bitmaps.exchangeCounts(areaCode);
    for (const count of perExchange) dataWords += exchangeRecordWords(count);
    counts.set(areaCode, perExchange);
  }
  if (dataWords > 0xffffffff) throw new Error('the registry is too large for one store file');
  const metadata: StoreMetadata = {
    createdBy,
    areaCodes: areaCodes.map((areaCode) => {
      const copy = coverage.get(areaCode);
      if (copy === undefined) throw new Error(`area code ${areaCode} has numbers but no download date`);
      const numbers = counts.get(areaCode)!.reduce((sum, count) => sum + count, 0);
      return { areaCode: String(areaCode).padStart(3, '0'), syncedAt: new Date(copy.syncedAt).toISOString(), source: copy.source, numbers };
    }),
  };
  const metadataBytes = new TextEncoder().encode(JSON.stringify(metadata));
  const { slotsAt, indexAt, indexEntries, dataAt } = sections(metadataBytes.byteLength, areaCodes.length);
  const bytes = new Uint8Array(dataAt + dataWords * 4);
  bytes.set(new TextEncoder().encode(SIGNATURE), 0);
  bytes.set(metadataBytes, HEADER_BYTES);
  const slots = new Int32Array(bytes.buffer, slotsAt, AREA_CODES).fill(-1);
  const index = new Uint32Array(bytes.buffer, indexAt, indexEntries);
  const data = new Uint32Array(bytes.buffer, dataAt, dataWords);
  let at = 0;
  let total = 0;
  areaCodes.forEach((areaCode, slot) => {
    slots[areaCode] = slot;
    const perExchange = counts.get(areaCode)!;
    for (let exchange = 0; exchange < EXCHANGES_PER_AREA_CODE; exchange++) {
      index[slot * EXCHANGES_PER_AREA_CODE + exchange] = at;
      const count = perExchange[exchange]!;
      if (count === 0) continue;
      bitmaps.exchangeLines(areaCode, exchange, lines);
      at = encodeExchange(lines, count, data, at);
      total += count;
    }
  });
  index[indexEntries - 1] = at;
  const view = new DataView(bytes.buffer);
  view.setUint32(8, STORE_FORMAT_VERSION, true);
  view.setUint32(12, metadataBytes.byteLength, true);
  view.setUint32(16, dataWords, true);
  view.setFloat64(24, total, true);
  view.setUint32(32, areaCodes.length, true);
  view.setUint32(CHECKSUM_AT, storeChecksum(bytes), true);
  return bytes;
}

/** A ten-digit NANP number as an integer (NPA-NXX-XXXX), as hasEach and readAhead take them. */
function isNanpNumber(number: number): boolean {
  return Number.isInteger(number) && number >= 0 && number < 1e10;
}


/** The metadata section, or undefined when it is not what a store writes (the checksum passed, so: another writer). */
function parseMetadata(bytes: Uint8Array): StoreMetadata | undefined {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  const metadata = value as Partial<StoreMetadata> | null;
  const wellFormed =
    typeof metadata?.createdBy === 'string' &&
    Array.isArray(metadata.areaCodes) &&
    metadata.areaCodes.every(
      (entry) => /^\d{3}$/.test(entry?.areaCode) && !Number.isNaN(Date.parse(entry.syncedAt)) && typeof entry.source === 'string' && Number.isInteger(entry.numbers),
    );
  return wellFormed ? (metadata as StoreMetadata) : undefined;
}

/** Where each section starts, from the metadata's length and the count of area codes held. */
function sections(metadataBytes: number, held: number): { slotsAt: number; indexAt: number; indexEntries: number; dataAt: number } {
  const slotsAt = HEADER_BYTES + padTo8(metadataBytes);
  const indexAt = slotsAt + AREA_CODES * 4;
  const indexEntries = held * EXCHANGES_PER_AREA_CODE + 1;
  return { slotsAt, indexAt, indexEntries, dataAt: indexAt + padTo8(indexEntries * 4) };
}

function padTo8(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}
