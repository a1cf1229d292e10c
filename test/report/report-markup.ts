/**
 * Reads the report's markup without a browser: the sections, and the attributes of chosen opening tags. The report
 * writes every attribute double-quoted and escaped, so a regular expression reads it exactly.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);

/** The attributes of one opening tag, values unescaped. */
export function attributesOf(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/\s([a-z][\w-]*)="([^"]*)"/g)].map(([, name, value]) => [name!, unescape(value!)]));
}

/** The markup of the nth scenario section (from 1). */
export function sectionOf(html: string, scenario: number): string {
  const match = new RegExp(`<section class="scenario[^"]*" id="[^"]*" data-scenario="${scenario}"[\\s\\S]*?</section>`).exec(html);
  if (match === null) throw new Error(`the report has no section for scenario ${scenario}`);
  return match[0];
}

/** The markup of one chart (`<svg data-chart="kind">…</svg>`) in a section. */
export function chartOf(section: string, kind: string): string {
  const match = new RegExp(`<svg class="chart"[^>]* data-chart="${kind}"[\\s\\S]*?</svg>`).exec(section);
  if (match === null) throw new Error(`the section has no ${kind} chart`);
  return match[0];
}

/** The attributes of every opening tag of `element` whose attributes include `marker` (e.g. `class="bar"`). */
export function tagsWith(markup: string, element: string, marker: string): Record<string, string>[] {
  return [...markup.matchAll(new RegExp(`<${element}\\b[^>]*>`, 'g'))].map(([tag]) => tag).filter((tag) => tag.includes(marker)).map(attributesOf);
}

export const sumOf = (rows: readonly Record<string, string>[], attribute: string) => rows.reduce((total, row) => total + Number(row[attribute] ?? 0), 0);
