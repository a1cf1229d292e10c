import type { Exemption, Violation } from '../core/decision.js';
import type { AttemptRecord, AuditRecord, ConsentRecord, RegistryConsulted } from './audit-log.js';

/**
 * The audit log's line for one record, written directly instead of through `JSON.stringify`: a large campaign
 * writes millions of records, and the generic serializer (which must look up every key, check for `toJSON`, and
 * build its output piece by piece) was a quarter of the run's time. Each record type is written field by field in
 * the order its builder creates them (the order of docs/audit-log.md's tables, which is the order `JSON.stringify`
 * follows), with the constant parts prebuilt, so the bytes are the same as `referenceAuditLine`'s.
 *
 * The fast path holds only for records of the documented shape. Open-ended values (message data, extension facts)
 * are written through `jsonValue`, which falls back to `JSON.stringify` for anything it does not know. The property
 * test in test/dialer/audit-record-json.test.ts and the scenario-library test hold the two serializers together.
 */
export function auditLine(record: AuditRecord): string {
  switch (record.type) {
    case 'attempt':
      return attemptLine(record);
    case 'transition':
      return `{"type":"transition","attemptId":${str(record.attemptId)},"from":${str(record.from)},"to":${str(record.to)},"at":${str(record.at)}}`;
    case 'dnc-request':
      return `{"type":"dnc-request","attemptId":${nullableStr(record.attemptId)},"leadId":${str(record.leadId)},"to":${str(record.to)},"at":${str(record.at)},"seller":${str(record.seller)}}`;
    case 'disclosure':
      return `{"type":"disclosure","attemptId":${str(record.attemptId)},"at":${str(record.at)},"items":${strings(record.items)}}`;
    case 'identification-message':
      return `{"type":"identification-message","attemptId":${str(record.attemptId)},"at":${str(record.at)},"seller":${str(record.seller)}}`;
    case 'header':
      // Once a run: no gain in writing it by hand.
      return JSON.stringify(record);
  }
}

/** The reference serializer: what the log's bytes are defined by, kept for the tests that hold `auditLine` to it. */
export function referenceAuditLine(record: AuditRecord): string {
  return JSON.stringify(record);
}

function attemptLine(record: AttemptRecord): string {
  const { caller, callee, consents, relationship } = record;
  let line =
    `{"type":"attempt","attemptId":${str(record.attemptId)},"leadId":${str(record.leadId)},"to":${str(record.to)},"at":${str(record.at)}` +
    `,"method":${str(record.method)},"purpose":${str(record.purpose)},"caller":{"seller":${str(caller.seller)},"kind":${str(caller.kind)}}` +
    `,"verdict":${str(record.verdict)},"violations":${violations(record.violations)},"exemptions":${exemptions(record.exemptions)}` +
    `,"callee":{"validity":${str(callee.validity)},"region":${nullableStr(callee.region)},"kind":${nullableStr(callee.kind)}` +
    `,"lineType":${str(callee.lineType)},"business":${callee.business ? 'true' : 'false'},"timeZones":${strings(callee.timeZones)}` +
    `,"timeZoneSource":${nullableStr(callee.timeZoneSource)},"states":${strings(callee.states)},"stateSources":${strings(callee.stateSources)}}` +
    `,"localTimes":${strings(record.localTimes)},"registries":${registries(record.registries)}` +
    `,"consents":{"priorExpressWritten":${consent(consents.priorExpressWritten)},"priorExpress":${consent(consents.priorExpress)}}` +
    `,"relationship":{"lastTransactionAt":${nullableStr(relationship.lastTransactionAt)},"lastInquiryAt":${nullableStr(relationship.lastInquiryAt)}` +
    `,"personal":${relationship.personal ? 'true' : 'false'}},"subject":${nullableStr(record.subject)},"history":${history(record.history)}`;
  // Present only when some rule declares an extension (attempt-record.ts); JSON.stringify skips an undefined one.
  if (record.extensions !== undefined) line += `,"extensions":${jsonValue(record.extensions)}`;
  return `${line}}`;
}

function violations(list: readonly Violation[]): string {
  if (list.length === 0) return '[]';
  let out = '[';
  for (let index = 0; index < list.length; index++) {
    const entry = list[index]!;
    if (index > 0) out += ',';
    out += `{"rule":${str(entry.rule)},"citation":${str(entry.citation)},"messageId":${str(entry.messageId)},"data":${jsonValue(entry.data)},"message":${str(entry.message)}}`;
  }
  return `${out}]`;
}

function exemptions(list: readonly Exemption[]): string {
  if (list.length === 0) return '[]';
  let out = '[';
  for (let index = 0; index < list.length; index++) {
    const entry = list[index]!;
    if (index > 0) out += ',';
    out += `{"rule":${str(entry.rule)},"citation":${str(entry.citation)},"messageId":${str(entry.messageId)},"data":${jsonValue(entry.data)},"reason":${str(entry.reason)}}`;
  }
  return `${out}]`;
}

function registries(list: readonly RegistryConsulted[]): string {
  let out = '[';
  for (let index = 0; index < list.length; index++) {
    const entry = list[index]!;
    if (index > 0) out += ',';
    out += `{"list":${str(entry.list)}`;
    if (entry.state !== undefined) out += `,"state":${str(entry.state)}`;
    out += `,"source":${nullableStr(entry.source)},"copy":${str(entry.copy)},"syncedAt":${nullableStr(entry.syncedAt)},"listed":${entry.listed ? 'true' : 'false'}}`;
  }
  return `${out}]`;
}

function consent(entry: ConsentRecord): string {
  return entry.valid ? `{"valid":true,"grantedAt":${str(entry.grantedAt)}}` : `{"valid":false,"gap":${str(entry.gap)},"at":${nullableStr(entry.at)}}`;
}

function history(calls: AttemptRecord['history']): string {
  if (calls.length === 0) return '[]';
  let out = '[';
  for (let index = 0; index < calls.length; index++) {
    const call = calls[index]!;
    if (index > 0) out += ',';
    out += `{"at":${str(call.at)},"subject":${nullableStr(call.subject)}}`;
  }
  return `${out}]`;
}

function strings(list: readonly string[]): string {
  if (list.length === 0) return '[]';
  let out = `[${str(list[0]!)}`;
  for (let index = 1; index < list.length; index++) out += `,${str(list[index]!)}`;
  return `${out}]`;
}

/**
 * Characters JSON.stringify escapes: control characters, the quote, the backslash, and any surrogate (a lone one is
 * written as `\udXXX`; a pair is copied as it is, but telling the two apart is left to JSON.stringify).
 */
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** A JSON string literal: quotes around the text when nothing in it needs escaping, JSON.stringify's answer otherwise. */
function str(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function nullableStr(text: string | null): string {
  return text === null ? 'null' : str(text);
}

/**
 * A value of an open shape (message data, extension facts): strings, finite numbers, booleans, null, and arrays and
 * plain objects of them are written here, in `Object.keys` order (the order JSON.stringify uses); anything else
 * (undefined, a non-finite number, an object with `toJSON`...) is left to JSON.stringify, whole.
 */
function jsonValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return str(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let index = 0; index < value.length; index++) {
          const item: unknown = value[index];
          if (!isPlainScalar(item)) return JSON.stringify(value);
          out += index > 0 ? `,${jsonValue(item)}` : jsonValue(item);
        }
        return `${out}]`;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return JSON.stringify(value);
      const object = value as Record<string, unknown>;
      let out = '{';
      let first = true;
      for (const key of Object.keys(object)) {
        const item = object[key];
        if (!isPlainScalar(item)) return JSON.stringify(value);
        out += `${first ? '' : ','}${str(key)}:${jsonValue(item)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      return JSON.stringify(value);
  }
}

/** A value `jsonValue` writes the same way as JSON.stringify does inside an array or an object. */
function isPlainScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}
