import type { MessageData } from '../core/policy.js';

/**
 * The bytes of findings already written, for writing a finding that repeats one: a campaign's findings come back to a
 * few sentences (no consent on file for a line type, no copy of a state's list), and writing one field by field (its
 * data's keys and values, its sentence) was a third of an attempt's line. A finding matches a kept one when its rule,
 * citation, message id, sentence and data keys (in the same order) are the kept one's; its data values may differ
 * (the phone number in a state list's finding), and only those are written afresh, between the kept bytes around
 * them. Only data of own scalar values is kept (what `AuditLineWriter` writes itself). Kept findings are found by
 * citation, which a rule takes from a table (one string per state), so a lookup compares a handful of candidates.
 */
export class FindingPieces {
  readonly #byCitation = new Map<string, CitationFindings>();
  /**
   * After a `find` that matched: bit `i` is set when the data's `i`-th value differs from the kept one's. Read before
   * the next `find`.
   */
  changedValues = 0;

  /** The kept finding this one matches (see `changedValues`), or undefined. `text` is its message or its reason. */
  find(rule: string, citation: string, messageId: string, data: MessageData, text: string): KeptFinding | undefined {
    const findings = this.#byCitation.get(citation);
    if (findings === undefined) return undefined;
    findings.lookups++;
    if (Object.getPrototypeOf(data) !== Object.prototype) return undefined;
    const { kept } = findings;
    for (let index = 0; index < kept.length; index++) {
      const candidate = kept[index]!;
      if (candidate.rule !== rule || candidate.messageId !== messageId || !this.#sameKeys(candidate, data) || candidate.text !== text) continue;
      findings.hits++;
      return candidate;
    }
    return undefined;
  }

  /**
   * Whether `data` has the kept finding's keys, in its order (that of `for in`, which JSON.stringify follows for such
   * an object), all its own, each value the kept one or a scalar to write instead; sets `changedValues`.
   */
  #sameKeys(kept: KeptFinding, data: MessageData): boolean {
    const { keys, values } = kept;
    let index = 0;
    let changed = 0;
    for (const key in data) {
      if (index >= keys.length || keys[index] !== key || !Object.hasOwn(data, key)) return false;
      const value = data[key];
      if (value !== values[index]) {
        if (!isScalar(value)) return false;
        changed |= 1 << index;
      }
      index++;
    }
    this.changedValues = changed;
    return index === keys.length;
  }

  /**
   * Whether to keep a finding just not found (asked before its bytes are copied): when its data is of own scalar
   * values, at most MAX_KEYS of them, and its citation's findings repeat. A citation's first TRIAL_LOOKUPS lookups
   * keep every finding, and after those its findings are kept only while MIN_HITS_PER_MISS lookups matched for each
   * that missed; one given up on is tried again after RETRY_LOOKUPS lookups.
   */
  worthKeeping(citation: string, data: MessageData): boolean {
    let findings = this.#byCitation.get(citation);
    if (findings === undefined) {
      if (this.#byCitation.size >= MAX_CITATIONS) this.#byCitation.clear();
      this.#byCitation.set(citation, (findings = { kept: [], lookups: 0, hits: 0, keeping: true }));
    }
    if (!keeping(findings) || Object.getPrototypeOf(data) !== Object.prototype) return false;
    let count = 0;
    for (const key in data) if (!Object.hasOwn(data, key) || !isScalar(data[key]) || ++count > MAX_KEYS) return false;
    return true;
  }

  /**
   * Keeps a finding (`worthKeeping` said so) from its bytes: `piece` is its JSON, `dataAt` where its data's `{` is in
   * it. The oldest of its citation's gives way when they are many.
   */
  keep(rule: string, citation: string, messageId: string, data: MessageData, text: string, piece: Uint8Array, dataAt: number): void {
    const findings = this.#byCitation.get(citation);
    if (findings === undefined) return;
    const keys: string[] = [];
    const values: unknown[] = [];
    const around: Uint8Array[] = [];
    const valueBytes: Uint8Array[] = [];
    // The bytes of each key and value are JSON.stringify's (what the writer wrote), so their lengths find them.
    let at = dataAt;
    let from = 0;
    for (const key in data) {
      const value = data[key];
      at += 1 + Buffer.byteLength(JSON.stringify(key)) + 1;
      const length = Buffer.byteLength(JSON.stringify(value));
      around.push(piece.slice(from, at));
      valueBytes.push(piece.slice(at, at + length));
      at += length;
      from = at;
      keys.push(key);
      values.push(value);
    }
    around.push(piece.slice(from));
    if (findings.kept.length >= MAX_PER_CITATION) findings.kept.shift();
    findings.kept.push({ rule, messageId, text, keys, values, piece, around, valueBytes });
  }
}

/**
 * A finding written before. `around[i]` are the bytes before its `i`-th data value (from the end of the one before),
 * `valueBytes[i]` the value's own, and the last of `around` the bytes after the last value: the finding's bytes with
 * any of its values replaced.
 */
export interface KeptFinding {
  readonly rule: string;
  readonly messageId: string;
  readonly text: string;
  readonly keys: readonly string[];
  readonly values: readonly unknown[];
  readonly piece: Uint8Array;
  readonly around: readonly Uint8Array[];
  readonly valueBytes: readonly Uint8Array[];
}

interface CitationFindings {
  readonly kept: KeptFinding[];
  lookups: number;
  hits: number;
  keeping: boolean;
}

function keeping(findings: CitationFindings): boolean {
  if (findings.keeping && findings.lookups >= TRIAL_LOOKUPS && findings.hits < MIN_HITS_PER_MISS * (findings.lookups - findings.hits)) {
    // Given up on: nothing kept, so its lookups cost nothing until it is tried again.
    findings.keeping = false;
    findings.kept.length = 0;
    findings.lookups = 0;
  } else if (!findings.keeping && findings.lookups >= RETRY_LOOKUPS) {
    findings.keeping = true;
    findings.lookups = 0;
    findings.hits = 0;
  }
  return findings.keeping;
}

/** A value `===` tells apart exactly as its JSON does (-0 and 0 both write `0`); NaN never equals itself, so never repeats. */
function isScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

const MAX_CITATIONS = 512;
const MAX_PER_CITATION = 8;
/** The most data values a kept finding has: the values that differ are told by the bits of one number. */
const MAX_KEYS = 30;
/** Lookups of a citation's findings before their hit share is judged. */
const TRIAL_LOOKUPS = 64;
/**
 * A citation's findings stay kept while its lookups match this many times for each miss: a kept finding costs a few
 * microseconds to take apart, a match saves a few hundred nanoseconds, so a sentence that names the local time (which
 * matches one lookup in two) is cheaper written out every time.
 */
const MIN_HITS_PER_MISS = 8;
/** Lookups of a citation given up on before it is tried again: a campaign's findings change as it moves through the day. */
const RETRY_LOOKUPS = 4096;
