import type { Decision } from '../core/decision.js';

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
