import type { Decision } from '../core/decision.js';
import type { OutputBatches } from './output-batches.js';

/**
 * The decision in the shape of the check contract (../shared/check-contract.md): violations carry rule, citation
 * and message; exemptions rule and reason. Message ids and data stay in the library's Decision and the audit log.
 */
export function decisionForOutput(decision: Decision) {
  return {
    verdict: decision.verdict,
    violations: decision.violations.map(({ rule, citation, message }) => ({ rule, citation, message })),
    exemptions: decision.exemptions.map(({ rule, reason }) => ({ rule, reason })),
    callee: decision.callee,
    ...(decision.nextAllowedAt !== undefined && { nextAllowedAt: decision.nextAllowedAt }),
  };
}

/** Characters JSON.stringify escapes: quote, backslash, control characters, and surrogates (a lone one is escaped). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON: most need no escape and are quoted as they are; the rest go to JSON.stringify. */
function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Rule ids, citations, zones and states come from a few hundred constant strings: each is quoted once. */
const quotedConstants = new Map<string, string>();
const MAX_QUOTED_CONSTANTS = 10_000;

function quoteConstant(text: string): string {
  let quoted = quotedConstants.get(text);
  if (quoted === undefined) {
    if (quotedConstants.size >= MAX_QUOTED_CONSTANTS) quotedConstants.clear();
    quotedConstants.set(text, (quoted = quote(text)));
  }
  return quoted;
}

function quotedList(items: readonly string[], quoteItem: (text: string) => string): string {
  let json = '[';
  for (let index = 0; index < items.length; index++) json += (index === 0 ? '' : ',') + quoteItem(items[index]!);
  return `${json}]`;
}

function allStrings(items: readonly unknown[]): boolean {
  for (const item of items) if (typeof item !== 'string') return false;
  return true;
}

/**
 * `JSON.stringify(decisionForOutput(decision))`, byte for byte, written directly: the constant strings quoted once,
 * only messages and reasons escaped, and no intermediate objects. A decision of an unexpected shape (a field that is
 * not a string, as a hand-built one might have) is left to JSON.stringify, the reference.
 */
export function decisionJson(decision: Decision): string {
  const { callee } = decision;
  if (
    (callee.e164 !== null && typeof callee.e164 !== 'string') ||
    !allStrings(callee.timeZones) ||
    !allStrings(callee.localTimes) ||
    !allStrings(callee.states) ||
    (decision.verdict !== 'allow' && decision.verdict !== 'block') ||
    (decision.nextAllowedAt !== undefined && typeof decision.nextAllowedAt !== 'string')
  ) {
    return JSON.stringify(decisionForOutput(decision));
  }
  let json = `{"verdict":"${decision.verdict}","violations":[`;
  for (let index = 0; index < decision.violations.length; index++) {
    const { rule, citation, message } = decision.violations[index]!;
    if (typeof rule !== 'string' || typeof citation !== 'string' || typeof message !== 'string') return JSON.stringify(decisionForOutput(decision));
    json += `${index === 0 ? '' : ','}{"rule":${quoteConstant(rule)},"citation":${quoteConstant(citation)},"message":${quote(message)}}`;
  }
  json += '],"exemptions":[';
  for (let index = 0; index < decision.exemptions.length; index++) {
    const { rule, reason } = decision.exemptions[index]!;
    if (typeof rule !== 'string' || typeof reason !== 'string') return JSON.stringify(decisionForOutput(decision));
    json += `${index === 0 ? '' : ','}{"rule":${quoteConstant(rule)},"reason":${quote(reason)}}`;
  }
  json +=
    `],"callee":{"e164":${callee.e164 === null ? 'null' : quote(callee.e164)},"timeZones":${quotedList(callee.timeZones, quoteConstant)},` +
    `"localTimes":${quotedList(callee.localTimes, quote)},"states":${quotedList(callee.states, quoteConstant)}}`;
  return decision.nextAllowedAt === undefined ? `${json}}` : `${json},"nextAllowedAt":${quote(decision.nextAllowedAt)}}`;
}

/** The JSON of constant strings (rule ids, citations, zones, states) as UTF-8, quoted and escaped once each. */
const encodedConstants = new Map<string, Uint8Array>();

function encodedConstant(text: string): Uint8Array {
  let bytes = encodedConstants.get(text);
  if (bytes === undefined) {
    if (encodedConstants.size >= MAX_QUOTED_CONSTANTS) encodedConstants.clear();
    encodedConstants.set(text, (bytes = Buffer.from(JSON.stringify(text), 'utf8')));
  }
  return bytes;
}

const ascii = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const ALLOW_HEAD = ascii('{"verdict":"allow","violations":[');
const BLOCK_HEAD = ascii('{"verdict":"block","violations":[');
const RULE = ascii('{"rule":');
const CITATION = ascii(',"citation":');
const MESSAGE = ascii(',"message":');
const EXEMPTIONS = ascii('],"exemptions":[');
const REASON = ascii(',"reason":');
const CALLEE = ascii('],"callee":{"e164":');
const NULL = ascii('null');
const TIME_ZONES = ascii(',"timeZones":[');
const LOCAL_TIMES = ascii('],"localTimes":[');
const STATES = ascii('],"states":[');
const NEXT_ALLOWED_AT = ascii('},"nextAllowedAt":');
/** The longest of the fixed parts above: a bound for the bytes any one of them adds. */
const MAX_FIXED_BYTES = 40;

function put(buffer: Buffer, at: number, bytes: Uint8Array): number {
  const length = bytes.length;
  // A loop copies a few bytes faster than a call into `set` does.
  if (length < 32) {
    for (let index = 0; index < length; index++) buffer[at + index] = bytes[index]!;
  } else {
    buffer.set(bytes, at);
  }
  return at + length;
}

/**
 * A string as JSON, written at `at` as UTF-8: plain printable ASCII copied as it is, checked as it goes; anything
 * else through JSON.stringify when it needs an escape, and as it is otherwise. At most 6 bytes per UTF-16 unit and
 * the quotes: an escape (`\u001f`) is the longest any unit becomes.
 */
function putString(buffer: Buffer, at: number, text: string): number {
  const length = text.length;
  if (length <= 32) {
    buffer[at] = 34;
    for (let index = 0; index < length; index++) {
      const code = text.charCodeAt(index);
      if (code < 32 || code > 126 || code === 34 || code === 92) return putOtherString(buffer, at, text);
      buffer[at + 1 + index] = code;
    }
    buffer[at + 1 + length] = 34;
    return at + length + 2;
  }
  return putOtherString(buffer, at, text);
}

/**
 * Node's own UTF-8 writer behind `Buffer#write`, which spares its argument checks: the offset is always inside the
 * buffer and the room was made for the text.
 */
type Utf8Writer = Buffer & { utf8Write(text: string, offset: number): number };
const utf8Write: (buffer: Buffer, text: string, at: number) => number =
  typeof (Buffer.prototype as Partial<Utf8Writer>).utf8Write === 'function'
    ? (buffer, text, at) => (buffer as Utf8Writer).utf8Write(text, at)
    : (buffer, text, at) => buffer.write(text, at, 'utf8');

function putOtherString(buffer: Buffer, at: number, text: string): number {
  if (NEEDS_ESCAPE.test(text)) return at + utf8Write(buffer, JSON.stringify(text), at);
  buffer[at] = 34;
  const end = at + 1 + utf8Write(buffer, text, at + 1);
  buffer[end] = 34;
  return end + 1;
}

function putConstants(buffer: Buffer, at: number, items: readonly string[]): number {
  for (let index = 0; index < items.length; index++) {
    if (index > 0) buffer[at++] = 44;
    at = put(buffer, at, encodedConstant(items[index]!));
  }
  return at;
}

/**
 * The most bytes `writeDecisionLine` may write for the decision, its line end not counted; -1 when some field is not
 * a string (a hand-built decision), which is left to decisionJson.
 */
function decisionBytesBound(decision: Decision): number {
  const { callee, violations, exemptions } = decision;
  if ((decision.verdict !== 'allow' && decision.verdict !== 'block') || (callee.e164 !== null && typeof callee.e164 !== 'string')) return -1;
  let fixed = 10;
  let variable = callee.e164 === null ? 0 : callee.e164.length;
  for (let index = 0; index < violations.length; index++) {
    const { rule, citation, message } = violations[index]!;
    if (typeof rule !== 'string' || typeof citation !== 'string' || typeof message !== 'string') return -1;
    fixed += 3;
    variable += rule.length + citation.length + message.length;
  }
  for (let index = 0; index < exemptions.length; index++) {
    const { rule, reason } = exemptions[index]!;
    if (typeof rule !== 'string' || typeof reason !== 'string') return -1;
    fixed += 2;
    variable += rule.length + reason.length;
  }
  for (const list of [callee.timeZones, callee.localTimes, callee.states]) {
    for (let index = 0; index < list.length; index++) {
      const item = list[index];
      if (typeof item !== 'string') return -1;
      fixed += 1;
      variable += item.length;
    }
  }
  const next = decision.nextAllowedAt;
  if (next !== undefined) {
    if (typeof next !== 'string') return -1;
    fixed += 1;
    variable += next.length;
  }
  // Each fixed part, each string's quotes and the separators: a fixed part's bound each; 6 bytes a UTF-16 unit.
  return fixed * (MAX_FIXED_BYTES + 3) + variable * 6;
}

/**
 * Writes `decisionJson(decision)` and a line end into the batches, as UTF-8 written in place: constant strings
 * copied as bytes encoded once, plain strings copied as they are checked, no string for the whole line built or
 * encoded. Byte for byte the same as `batches.line(decisionJson(decision))` (the property tests hold it to that).
 */
export function writeDecisionLine(decision: Decision, batches: OutputBatches): void {
  const bound = decisionBytesBound(decision);
  if (bound < 0) {
    batches.line(decisionJson(decision));
    return;
  }
  const buffer = batches.reserveLine(bound);
  const { callee, violations, exemptions } = decision;
  let at = put(buffer, batches.written, decision.verdict === 'block' ? BLOCK_HEAD : ALLOW_HEAD);
  for (let index = 0; index < violations.length; index++) {
    const { rule, citation, message } = violations[index]!;
    if (index > 0) buffer[at++] = 44;
    at = put(buffer, at, RULE);
    at = put(buffer, at, encodedConstant(rule));
    at = put(buffer, at, CITATION);
    at = put(buffer, at, encodedConstant(citation));
    at = put(buffer, at, MESSAGE);
    at = putString(buffer, at, message);
    buffer[at++] = 125;
  }
  at = put(buffer, at, EXEMPTIONS);
  for (let index = 0; index < exemptions.length; index++) {
    const { rule, reason } = exemptions[index]!;
    if (index > 0) buffer[at++] = 44;
    at = put(buffer, at, RULE);
    at = put(buffer, at, encodedConstant(rule));
    at = put(buffer, at, REASON);
    at = putString(buffer, at, reason);
    buffer[at++] = 125;
  }
  at = put(buffer, at, CALLEE);
  at = callee.e164 === null ? put(buffer, at, NULL) : putString(buffer, at, callee.e164);
  at = put(buffer, at, TIME_ZONES);
  at = putConstants(buffer, at, callee.timeZones);
  at = put(buffer, at, LOCAL_TIMES);
  for (let index = 0; index < callee.localTimes.length; index++) {
    if (index > 0) buffer[at++] = 44;
    at = putString(buffer, at, callee.localTimes[index]!);
  }
  at = put(buffer, at, STATES);
  at = putConstants(buffer, at, callee.states);
  buffer[at++] = 93;
  if (decision.nextAllowedAt !== undefined) {
    at = put(buffer, at, NEXT_ALLOWED_AT);
    at = putString(buffer, at, decision.nextAllowedAt);
  } else {
    buffer[at++] = 125;
  }
  buffer[at++] = 125;
  batches.endLine(at);
}
