import type { MessageData } from '../core/policy.js';

/**
 * The bytes of findings already written, for writing a finding that repeats one whole: a campaign's findings come
 * back to a few sentences (no consent on file for a line type, a consent that lifts the rule), and writing one field by
 * field (its data's keys and values, its sentence) was a third of an attempt's line. A finding is repeated when its
 * rule, citation, message id, sentence and data (the same keys in the same order, the same values) are those of one
 * written before: every byte of its JSON is then the same. Only data of own scalar values is kept (what
 * `AuditLineWriter` writes itself); a finding whose data differs every time (a phone number in it) is soon no longer
 * kept, so a run of such findings costs a comparison, not a copy each.
 */
export class FindingPieces {
  readonly #byRule = new Map<string, RuleFindings>();

  /** The bytes of a finding written before with the same content, or undefined. `text` is its message or its reason. */
  find(rule: string, citation: string, messageId: string, data: MessageData, text: string): Uint8Array | undefined {
    const findings = this.#byRule.get(rule);
    if (findings === undefined) return undefined;
    findings.lookups++;
    const { kept } = findings;
    for (let index = 0; index < kept.length; index++) {
      const candidate = kept[index]!;
      if (candidate.messageId === messageId && candidate.citation === citation && sameData(candidate, data) && candidate.text === text) {
        findings.hits++;
        return candidate.piece;
      }
    }
    return undefined;
  }

  /**
   * Whether to keep the bytes of a finding just not found (asked before they are copied): when its data is of own
   * scalar values and its rule's findings repeat. A rule's first TRIAL_LOOKUPS lookups keep every finding, and after
   * those its findings are kept only while one lookup in MIN_HIT_SHARE found one; a rule given up on is tried again
   * after RETRY_LOOKUPS lookups.
   */
  worthKeeping(rule: string, data: MessageData): boolean {
    let findings = this.#byRule.get(rule);
    if (findings === undefined) {
      if (this.#byRule.size >= MAX_RULES) this.#byRule.clear();
      this.#byRule.set(rule, (findings = { kept: [], lookups: 0, hits: 0, keeping: true }));
    }
    if (!this.#keeping(findings) || Object.getPrototypeOf(data) !== Object.prototype) return false;
    for (const key in data) if (!Object.hasOwn(data, key) || !isScalar(data[key])) return false;
    return true;
  }

  /** Keeps a finding's bytes (`worthKeeping` said so); the oldest of its rule's gives way when they are many. */
  keep(rule: string, citation: string, messageId: string, data: MessageData, text: string, piece: Uint8Array): void {
    const findings = this.#byRule.get(rule);
    if (findings === undefined) return;
    const keys: string[] = [];
    const values: unknown[] = [];
    for (const key in data) {
      keys.push(key);
      values.push(data[key]);
    }
    if (findings.kept.length >= MAX_PER_RULE) findings.kept.shift();
    findings.kept.push({ citation, messageId, keys, values, text, piece });
  }

  #keeping(findings: RuleFindings): boolean {
    if (findings.keeping && findings.lookups >= TRIAL_LOOKUPS && findings.hits * MIN_HIT_SHARE < findings.lookups) {
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
}

interface RuleFindings {
  readonly kept: KeptFinding[];
  lookups: number;
  hits: number;
  keeping: boolean;
}

interface KeptFinding {
  readonly citation: string;
  readonly messageId: string;
  readonly keys: readonly string[];
  readonly values: readonly unknown[];
  readonly text: string;
  readonly piece: Uint8Array;
}

/**
 * Whether `data` has the kept finding's keys, in its order, all its own, with the same values: the order of
 * `for in`, which is the order JSON.stringify writes them in for such an object.
 */
function sameData(kept: KeptFinding, data: MessageData): boolean {
  if (Object.getPrototypeOf(data) !== Object.prototype) return false;
  const { keys, values } = kept;
  let index = 0;
  for (const key in data) {
    if (index >= keys.length || keys[index] !== key || values[index] !== data[key] || !Object.hasOwn(data, key)) return false;
    index++;
  }
  return index === keys.length;
}

/** A value `===` tells apart exactly as its JSON does (-0 and 0 both write `0`); NaN never equals itself, so never repeats. */
function isScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

const MAX_RULES = 512;
const MAX_PER_RULE = 8;
/** Lookups of a rule's findings before their hit share is judged. */
const TRIAL_LOOKUPS = 64;
/** A rule's findings stay kept while at least one lookup in this many finds a piece. */
const MIN_HIT_SHARE = 4;
/** Lookups of a rule given up on before it is tried again: a campaign's findings change as it moves through the day. */
const RETRY_LOOKUPS = 4096;
