import { ENGINE_MESSAGE_IDS } from './engine-message-ids.js';
import { OPTIONAL_FACTS } from './facts.js';
import { closestKey } from './input-error.js';
import type { ExtensionKind, Policy } from './policy.js';
import { PolicyDefinitionError } from './policy-definition-error.js';

/** `hours.federal`, `acme.quiet-sundays`: at least two dotted parts, each lowercase words joined by dashes. */
export const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)+$/;

const EXTENSION_KINDS: readonly ExtensionKind[] = ['string', 'number', 'boolean', 'instant', 'instant[]'];
const FACT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const FIELDS = [
  'id', 'title', 'citation', 'citationFor', 'description', 'exemptions', 'messages', 'requires', 'guards', 'terminal', 'timeRule', 'changesAt', 'extensions',
  'examples', 'applies', 'evaluate',
];

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return 'a function';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a policy definition at run time (JavaScript modules have no compiler to do it) and fills in the optional
 * fields: `description` '', `exemptions` [], `examples` [], `applies` always true. Throws a `PolicyDefinitionError`
 * that names the policy and the first field in error.
 */
export function validatePolicyDefinition(value: unknown, caller: string): Policy {
  if (!isRecord(value)) throw new PolicyDefinitionError(`${caller} expects a policy object, got ${describe(value)}`);
  const id = value.id;
  const subject = typeof id === 'string' && id !== '' ? `policy "${id}"` : 'policy';
  const fail = (problem: string): never => {
    throw new PolicyDefinitionError(`${subject}: ${problem}`);
  };

  for (const key of Object.keys(value)) {
    if (!FIELDS.includes(key)) {
      const suggestion = closestKey(key, FIELDS);
      fail(`unknown field "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
    }
  }
  if (typeof id !== 'string' || !RULE_ID.test(id)) {
    fail(`id must be dotted lowercase words, e.g. "acme.quiet-sundays", got ${describe(id)}`);
  }
  for (const field of ['title', 'citation'] as const) {
    if (typeof value[field] !== 'string' || value[field] === '') fail(`${field} must be a non-empty string, got ${describe(value[field])}`);
  }
  if (value.description !== undefined && typeof value.description !== 'string') {
    fail(`description must be a string, got ${describe(value.description)}`);
  }
  if (value.exemptions !== undefined && (!Array.isArray(value.exemptions) || value.exemptions.some((text) => typeof text !== 'string'))) {
    fail(`exemptions must be an array of strings, got ${describe(value.exemptions)}`);
  }

  const messages = value.messages;
  if (!isRecord(messages) || Object.keys(messages).length === 0) {
    fail(`messages must be an object of message templates, e.g. { holiday: 'no calls on {name}' }, got ${describe(messages)}`);
  }
  for (const [messageId, template] of Object.entries(messages as Record<string, unknown>)) {
    if (typeof template !== 'string') fail(`messages.${messageId} must be a string (a message template), got ${describe(template)}`);
    if ((ENGINE_MESSAGE_IDS as readonly string[]).includes(messageId)) fail(`message id "${messageId}" is reserved for the engine's own findings`);
  }

  const known = Object.keys(OPTIONAL_FACTS);
  if (value.requires !== undefined && (!Array.isArray(value.requires) || value.requires.some((fact) => !known.includes(fact as string)))) {
    fail(`requires must be an array of facts among ${known.join(', ')}, got ${describe(value.requires)}`);
  }
  if (value.guards !== undefined && !known.includes(value.guards as string)) {
    fail(`guards must be one of ${known.join(', ')}, got ${describe(value.guards)}`);
  }
  if (value.terminal !== undefined && typeof value.terminal !== 'boolean') fail(`terminal must be true or false, got ${describe(value.terminal)}`);
  if (value.timeRule !== undefined && typeof value.timeRule !== 'boolean') fail(`timeRule must be true or false, got ${describe(value.timeRule)}`);
  if (value.citationFor !== undefined && typeof value.citationFor !== 'function') fail(`citationFor must be a function (facts) => citation, got ${describe(value.citationFor)}`);
  if (value.changesAt !== undefined && typeof value.changesAt !== 'function') fail(`changesAt must be a function (facts) => instants, got ${describe(value.changesAt)}`);

  if (value.extensions !== undefined) {
    if (!isRecord(value.extensions)) fail(`extensions must be an object such as { postalCode: 'string' }, got ${describe(value.extensions)}`);
    for (const [fact, kind] of Object.entries(value.extensions as Record<string, unknown>)) {
      if (!FACT_NAME.test(fact)) fail(`extensions: "${fact}" is not a fact name (letters, digits and _)`);
      if (!EXTENSION_KINDS.includes(kind as ExtensionKind)) {
        fail(`extensions.${fact} must be one of ${EXTENSION_KINDS.join(', ')}, got ${describe(kind)}`);
      }
    }
  }
  if (value.examples !== undefined && !Array.isArray(value.examples)) fail(`examples must be an array, got ${describe(value.examples)}`);
  if (value.applies !== undefined && typeof value.applies !== 'function') fail(`applies must be a function, got ${describe(value.applies)}`);
  if (typeof value.evaluate !== 'function') fail(`evaluate must be a function (facts) => pass | violation(...) | lifted(...), got ${describe(value.evaluate)}`);

  const definition = value as unknown as Policy & Record<string, unknown>;
  return {
    ...definition,
    description: definition.description ?? '',
    exemptions: definition.exemptions ?? [],
    examples: definition.examples ?? [],
    applies: definition.applies ?? appliesAlways,
    evaluate: definition.evaluate,
  };
}

function appliesAlways(): boolean {
  return true;
}
