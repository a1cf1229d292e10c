import { basename } from 'node:path';
import { InputError } from '../core/input-error.js';
import { formatInstantUtc } from '../core/instant.js';
import { AreaCodeBitmaps } from './area-code-bitmaps.js';
import { DownloadFileError, parseDownloadName, readDownload, type DownloadReader } from './ftc-download.js';
import { encodeRegistryStore, type RegistryStore } from './registry-store.js';

/**
 * `dialsim registry import`: FTC full lists (`AAA,NNNNNNN`) and change lists (`NNNNNNNNNN,YYYY-MM-DDTHH:MM:SS,A|D`)
 * into one store. Full lists come first, whatever the order given (each sets its area codes afresh); change lists
 * then apply in the order of their download dates, on top of them. Every line is checked: one malformed line stops
 * the import with its file and line, since a list read in part would mark its missing numbers "not listed".
 */

export interface ImportOptions {
  /** The download date of files whose names do not carry one (the FTC names start with `YYYY-M-D_`). */
  readonly syncedAt?: number;
  /** A store to apply the files on top of (its area codes keep their dates unless a file replaces them). */
  readonly base?: RegistryStore;
  /** Written into the store, e.g. `dialsim 0.1.0`. */
  readonly createdBy: string;
}

export interface ImportSummary {
  readonly fullLists: number;
  readonly changeLists: number;
  readonly added: number;
  readonly deleted: number;
  readonly lines: number;
  /** Area codes older than the last download when a change list came, left at their dates (they will go stale). */
  readonly notAdvanced: readonly string[];
}

interface AreaCodeSource {
  readonly syncedAt: number;
  readonly source: string;
}

/** A change list's lines, kept until every full list is in: the number, and +1 to add or -1 to delete. */
interface ChangeList {
  readonly file: string;
  readonly date: number;
  readonly numbers: number[];
  readonly actions: number[];
  readonly lineNumbers: number[];
  readonly parts: string[];
  readonly partOfLine: number[];
}

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const COMMA = 44;
const DIGIT_0 = 48;
const FULL_LINE = 'AAA,NNNNNNN';
const CHANGE_LINE = 'NNNNNNNNNN,YYYY-MM-DDTHH:MM:SS,A';

export async function importDownloads(paths: readonly string[], options: ImportOptions): Promise<{ bytes: Uint8Array; summary: ImportSummary }> {
  if (paths.length === 0) throw new InputError([{ path: '', message: 'no download files given: name the FTC full lists and change lists to import' }]);
  const bitmaps = new AreaCodeBitmaps();
  const coverage = new Map<number, AreaCodeSource>();
  options.base?.addTo(bitmaps);
  for (const copy of options.base?.areaCodes() ?? []) coverage.set(Number(copy.areaCode), { syncedAt: copy.syncedAt, source: copy.source });
  const fullListOf = new Map<number, string>();
  const changeLists: ChangeList[] = [];
  let fullLists = 0;
  let lines = 0;
  for (const path of paths) {
    const name = parseDownloadName(path);
    const date = name.date ?? options.syncedAt;
    if (date === undefined) {
      throw new InputError([
        { path: '', message: `cannot tell when ${path} was downloaded: its name does not start with the FTC's date (YYYY-M-D_AAA_...); pass --synced-at DATE` },
      ]);
    }
    const parser = new DownloadParser(path, date, name.areaCode, bitmaps, coverage, fullListOf);
    try {
      await readDownload(path, parser);
    } catch (error) {
      if (error instanceof DownloadFileError) throw new InputError([{ path: '', message: error.message }]);
      throw error;
    }
    lines += parser.lines;
    if (parser.changes !== undefined) changeLists.push(parser.changes);
    else fullLists++;
  }
  const { added, deleted, notAdvanced } = applyChangeLists(changeLists, bitmaps, coverage);
  return { bytes: encodeRegistryStore(bitmaps, coverage, options.createdBy), summary: { fullLists, changeLists: changeLists.length, added, deleted, lines, notAdvanced } };
}

function applyChangeLists(
  changeLists: ChangeList[],
  bitmaps: AreaCodeBitmaps,
  coverage: Map<number, AreaCodeSource>,
): { added: number; deleted: number; notAdvanced: string[] } {
  const notAdvanced = new Set<number>();
  let added = 0;
  let deleted = 0;
  // Stable: lists of the same date apply in the order given.
  for (const list of [...changeLists].sort((a, b) => a.date - b.date)) {
    for (const [areaCode, copy] of coverage) {
      if (copy.syncedAt > list.date) {
        throw new InputError([
          {
            path: '',
            message: `the change list ${list.file} (downloaded ${formatInstantUtc(list.date).slice(0, 10)}) is older than the list of area code ${String(areaCode).padStart(3, '0')} (${copy.source}, ${formatInstantUtc(copy.syncedAt).slice(0, 10)}): a change list applies on top of the lists downloaded before it`,
          },
        ]);
      }
    }
    for (let i = 0; i < list.numbers.length; i++) {
      const number = list.numbers[i]!;
      const areaCode = Math.floor(number / 10_000_000);
      if (!bitmaps.covers(areaCode)) {
        throw new InputError([
          {
            path: '',
            message: `area code ${areaCode} is not covered by any full list in this import (or its base store): a change list applies on top of a full list, so import that area code's full list too`,
            location: `${list.parts[list.partOfLine[i]!]}:${list.lineNumbers[i]}`,
          },
        ]);
      }
      if (list.actions[i]! > 0) {
        bitmaps.add(areaCode, number % 10_000_000);
        added++;
      } else {
        bitmaps.remove(areaCode, number % 10_000_000);
        deleted++;
      }
    }
    // A change list holds the changes since the seller's last download, so it brings up to its date the area codes
    // that were current as of that download: those of the newest date. An older one (a base store's area code that
    // missed a change list, or another subscription's) may lack changes between its date and that download: it
    // keeps its date, so that it goes stale and blocks rather than passing on a gap (fail closed).
    const lastDownload = Math.max(...[...coverage.values()].map((copy) => copy.syncedAt));
    for (const [areaCode, copy] of coverage) {
      if (copy.syncedAt === lastDownload) coverage.set(areaCode, { syncedAt: list.date, source: list.file });
      else notAdvanced.add(areaCode);
    }
  }
  return { added, deleted, notAdvanced: [...notAdvanced].sort((a, b) => a - b).map((areaCode) => String(areaCode).padStart(3, '0')) };
}

/** Reads one download file's lines, as a full list or a change list (its first line tells which). */
class DownloadParser implements DownloadReader {
  lines = 0;
  changes: ChangeList | undefined;
  #kind: 'full' | 'change' | undefined;
  #part = '';
  #lineNumber = 0;
  readonly #carry = new Uint8Array(64);
  #carryLength = 0;
  /** The area code the last full-list line covered, so that a line of the same area code skips the bookkeeping. */
  #lastCovered = -1;

  constructor(
    private readonly path: string,
    private readonly date: number,
    private readonly namedAreaCode: number | undefined,
    private readonly bitmaps: AreaCodeBitmaps,
    private readonly coverage: Map<number, AreaCodeSource>,
    private readonly fullListOf: Map<number, string>,
  ) {}

  startPart(name: string): void {
    this.#part = name;
    this.#lineNumber = 0;
    this.#carryLength = 0;
  }

  chunk(bytes: Uint8Array): void {
    let start = 0;
    if (this.#carryLength > 0) {
      // Finish the line the last chunk began.
      const end = bytes.indexOf(NEWLINE);
      if (end === -1) return this.#appendCarry(bytes, 0, bytes.length);
      this.#appendCarry(bytes, 0, end);
      this.#line(this.#carry, 0, this.#carryLength);
      this.#carryLength = 0;
      start = end + 1;
    }
    for (;;) {
      if (this.#kind === 'full') start = this.#fullLines(bytes, start);
      const end = bytes.indexOf(NEWLINE, start);
      if (end === -1) break;
      this.#line(bytes, start, end);
      start = end + 1;
    }
    if (start < bytes.length) this.#appendCarry(bytes, start, bytes.length);
  }

  endPart(): void {
    // The last line may lack its newline.
    if (this.#carryLength > 0) this.#line(this.#carry, 0, this.#carryLength);
    this.#carryLength = 0;
    // An empty file named for an area code is that area code's full list with no number listed.
    if (this.#kind === undefined && this.namedAreaCode !== undefined) this.#coverAreaCode(this.namedAreaCode);
  }

  #appendCarry(bytes: Uint8Array, start: number, end: number): void {
    if (this.#carryLength + (end - start) > this.#carry.length) {
      this.#lineNumber++;
      this.#fail(`a line of more than ${this.#carry.length} characters; expected ${FULL_LINE} or ${CHANGE_LINE}`);
    }
    this.#carry.set(bytes.subarray(start, end), this.#carryLength);
    this.#carryLength += end - start;
  }

  #fail(message: string): never {
    throw new InputError([{ path: '', message, location: `${this.#part}:${this.#lineNumber}` }]);
  }

  #line(bytes: Uint8Array, start: number, end: number): void {
    this.#lineNumber++;
    this.lines++;
    if (end > start && bytes[end - 1] === CARRIAGE_RETURN) end--;
    if (this.#kind === undefined) {
      this.#kind = end - start === CHANGE_LINE.length ? 'change' : 'full';
      // A full list named for an area code covers it, and only it.
      if (this.#kind === 'full' && this.namedAreaCode !== undefined) this.#coverAreaCode(this.namedAreaCode);
    }
    if (this.#kind === 'full') this.#fullLine(bytes, start, end);
    else this.#changeLine(bytes, start, end);
  }

  /**
   * The fast path for a full list's lines, `AAA,NNNNNNN\n` of exactly 12 bytes, which is every line of an FTC full
   * list: returns where it stopped (the chunk's end, or a line that needs the general path, which reports it).
   */
  #fullLines(bytes: Uint8Array, start: number): number {
    const end = bytes.length - 11;
    for (; start < end; start += 12) {
      if (bytes[start + 11] !== NEWLINE || bytes[start + 3] !== COMMA) break;
      const areaCode = digits(bytes, start, 3);
      const local = digits(bytes, start + 4, 7);
      if (areaCode !== this.#lastCovered || local < 2_000_000) break;
      this.#lineNumber++;
      this.lines++;
      this.bitmaps.add(areaCode, local);
    }
    return start;
  }

  #fullLine(bytes: Uint8Array, start: number, end: number): void {
    if (end - start !== FULL_LINE.length || bytes[start + 3] !== COMMA) this.#malformed(bytes, start, end, FULL_LINE, 'a full list');
    const areaCode = digits(bytes, start, 3);
    const local = digits(bytes, start + 4, 7);
    if (areaCode < 0 || local < 0) this.#malformed(bytes, start, end, FULL_LINE, 'a full list');
    this.#checkNanp(areaCode, Math.floor(local / 10_000));
    if (this.namedAreaCode !== undefined && areaCode !== this.namedAreaCode) {
      this.#fail(`a number of area code ${areaCode} in the full list of area code ${this.namedAreaCode} (the file's name says which area code it holds)`);
    }
    if (areaCode !== this.#lastCovered) {
      this.#coverAreaCode(areaCode);
      this.#lastCovered = areaCode;
    }
    this.bitmaps.add(areaCode, local);
  }

  #coverAreaCode(areaCode: number): void {
    const earlier = this.fullListOf.get(areaCode);
    if (earlier === this.path) return;
    if (earlier !== undefined) {
      this.#fail(`area code ${areaCode} is in two full lists, ${earlier} and ${this.path}: import one full list per area code (the newer), then its change lists`);
    }
    this.fullListOf.set(areaCode, this.path);
    this.bitmaps.cover(areaCode);
    this.coverage.set(areaCode, { syncedAt: this.date, source: basename(this.path) });
  }

  #changeLine(bytes: Uint8Array, start: number, end: number): void {
    if (end - start !== CHANGE_LINE.length || bytes[start + 10] !== COMMA || bytes[start + 30] !== COMMA) {
      this.#malformed(bytes, start, end, CHANGE_LINE, 'a change list');
    }
    const number = digits(bytes, start, 10);
    const action = bytes[start + 31];
    if (number < 0 || !validTimestamp(bytes, start + 11) || (action !== 65 && action !== 68)) this.#malformed(bytes, start, end, CHANGE_LINE, 'a change list');
    this.#checkNanp(Math.floor(number / 10_000_000), Math.floor(number / 10_000) % 1000);
    if (this.changes === undefined) {
      this.changes = { file: basename(this.path), date: this.date, numbers: [], actions: [], lineNumbers: [], parts: [], partOfLine: [] };
    }
    const changes = this.changes;
    if (changes.parts[changes.parts.length - 1] !== this.#part) changes.parts.push(this.#part);
    changes.numbers.push(number);
    changes.actions.push(action === 65 ? 1 : -1);
    changes.lineNumbers.push(this.#lineNumber);
    changes.partOfLine.push(changes.parts.length - 1);
  }

  #checkNanp(areaCode: number, exchange: number): void {
    if (areaCode < 200 || exchange < 200) {
      this.#fail(`${areaCode < 200 ? `area code ${String(areaCode).padStart(3, '0')}` : `exchange ${String(exchange).padStart(3, '0')}`} cannot start with 0 or 1 in a North American number`);
    }
  }

  #malformed(bytes: Uint8Array, start: number, end: number, layout: string, kind: string): never {
    const text = new TextDecoder().decode(bytes.subarray(start, Math.min(end, start + 40)));
    this.#fail(`expected a line of ${kind} (${layout}, like the first line of the file), found ${JSON.stringify(text)}`);
  }
}

/** The decimal value of `count` ASCII digits, or -1 when one is not a digit. */
function digits(bytes: Uint8Array, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = bytes[i]! - DIGIT_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** `YYYY-MM-DDTHH:MM:SS`, a real calendar date and time. */
function validTimestamp(bytes: Uint8Array, start: number): boolean {
  const text = String.fromCharCode(...bytes.subarray(start, start + 19));
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (match === null) return false;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day! && hour! < 24 && minute! < 60 && second! < 60;
}
