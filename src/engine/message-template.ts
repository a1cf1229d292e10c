import type { MessageData } from '../core/policy.js';

/** A message template split once into literal text and `{placeholder}` names, so rendering is a join. */
export type CompiledTemplate = readonly (string | { readonly name: string })[];

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export function compileTemplate(template: string): CompiledTemplate {
  const parts: (string | { name: string })[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(template.slice(last, match.index));
    parts.push({ name: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

export function placeholders(template: CompiledTemplate): string[] {
  return template.flatMap((part) => (typeof part === 'string' ? [] : [part.name]));
}

/** Renders a template; a placeholder without data is left visible as `{name}` rather than silently dropped. */
export function renderTemplate(template: CompiledTemplate, data: MessageData): string {
  let text = '';
  for (const part of template) {
    if (typeof part === 'string') text += part;
    else {
      const value = data[part.name];
      text += value === undefined ? `{${part.name}}` : String(value);
    }
  }
  return text;
}
