import type { ExtensionValue } from '../core/facts.js';
import { parseInstant } from '../core/instant.js';
import type { ExtensionKind, MessageData } from '../core/policy.js';

/** The values a rule declared, checked and converted (instants to epoch milliseconds), or why they cannot be. */
export type CheckedExtensions =
  | { readonly ok: true; readonly values: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly messageId: 'factMissing' | 'factInvalid'; readonly data: MessageData };

/** How each kind is named in the engine's messages. */
export const EXTENSION_KIND_WORDS: Readonly<Record<ExtensionKind, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  instant: 'an ISO-8601 instant with an offset',
  'instant[]': 'a list of ISO-8601 instants with offsets',
};

function instant(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const parsed = parseInstant(value);
  return typeof parsed === 'number' ? parsed : undefined;
}

/** The value converted for `evaluate`, or undefined when it is not of `kind`. */
function convert(kind: ExtensionKind, value: ExtensionValue): unknown {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'instant':
      return instant(value);
    case 'instant[]': {
      if (!Array.isArray(value)) return undefined;
      const instants: number[] = [];
      for (const item of value as readonly unknown[]) {
        const converted = instant(item);
        if (converted === undefined) return undefined;
        instants.push(converted);
      }
      return instants;
    }
  }
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Checks the extension facts a rule declares against those the attempt supplies. A missing (or null) fact and a
 * fact of the wrong kind are data problems, so they become findings (fail closed), never exceptions.
 */
export function checkExtensions(
  needs: readonly (readonly [string, ExtensionKind])[],
  supplied: Readonly<Record<string, ExtensionValue>>,
): CheckedExtensions {
  const values: Record<string, unknown> = {};
  for (const [fact, kind] of needs) {
    const value = Object.hasOwn(supplied, fact) ? supplied[fact] : undefined;
    if (value === undefined || value === null) {
      return { ok: false, messageId: 'factMissing', data: { fact, kind: EXTENSION_KIND_WORDS[kind] } };
    }
    const converted = convert(kind, value);
    if (converted === undefined) {
      return { ok: false, messageId: 'factInvalid', data: { fact, kind: EXTENSION_KIND_WORDS[kind], value: shown(value) } };
    }
    values[fact] = converted;
  }
  return { ok: true, values };
}
