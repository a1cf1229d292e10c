/**
 * Markup built by a tagged template that escapes every interpolated value, so no text from a scenario file (a
 * title, a note, a rule id) can become markup. Only `SafeHtml` values, themselves built by `html`, pass through.
 */

import { escapeHtml } from '../core/escape-html.js';

/** Markup that is already escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

export type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

/**
 * A number as markup: whole numbers as they are, others to two decimals. A number that is not finite is a bug in
 * the report's arithmetic (a division by zero), never data to print, so it throws rather than write "NaN" into
 * an SVG attribute.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`report: a non-finite number (${value}) reached the markup; this should not happen`);
  if (Number.isInteger(value)) return String(value);
  const fixed = value.toFixed(2).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return formatNumber(value);
  if (value === null || value === undefined || value === false || value === true) return '';
  return value.map(render).join('');
}

/** Builds markup; interpolated strings are escaped, arrays are joined, and `null`, `undefined` and booleans vanish. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return new SafeHtml(out);
}

/** `data-*` attributes from a record: names are kebab-cased keys, values escaped; objects become JSON. */
export function dataAttributes(data: Readonly<Record<string, string | number | object>>): SafeHtml {
  return new SafeHtml(
    Object.entries(data)
      .map(([key, value]) => {
        const name = key.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`);
        const text = typeof value === 'number' ? formatNumber(value) : typeof value === 'string' ? value : JSON.stringify(value);
        return ` data-${name}="${escapeHtml(text)}"`;
      })
      .join(''),
  );
}
