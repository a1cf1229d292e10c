import type { CitedFact } from '../src/core/cited-fact.js';
import { CONFIDENCE_WORDS } from './render-state-table.js';

/**
 * A page of a jurisdiction's facts (docs/rules/canada.md, docs/rules/finra.md), rendered from the same constants the
 * rules read, so the page cannot drift from them: every fact with its value, citation, confidence mark and source.
 */

export interface FactsPage {
  readonly path: string;
  readonly title: string;
  /** Paragraphs before the table: what the pack covers and how dialsim reads the unconfirmed facts. */
  readonly intro: readonly string[];
  readonly facts: Readonly<Record<string, CitedFact<unknown>>>;
  /** What each fact is, in words, by key. */
  readonly labels: Readonly<Record<string, string>>;
  /** Sections after the table (Canada's province rows), as markdown lines. */
  readonly sections?: readonly string[];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.from === 'string' && typeof record.to === 'string') return `${record.from}–${record.to} (start allowed, end blocked)`;
    return Object.entries(record).map(([key, entry]) => `${key}: ${String(entry)}`).join(', ');
  }
  return String(value);
}

/** The page's markdown: pure and deterministic. */
export function renderFactsPage(page: FactsPage, generatedBanner: string): string {
  const rows = Object.entries(page.facts).map(([key, fact]) => {
    const label = page.labels[key];
    if (label === undefined) throw new Error(`${page.path}: no label for the fact ${key}`);
    return `| ${cell(label)} | ${cell(valueText(fact.value))} | ${cell(fact.citation)} | ${fact.confidence} | ${cell(fact.source)}${fact.note ? `. Note: ${cell(fact.note)}` : ''} |`;
  });
  return [
    generatedBanner,
    '',
    `# ${page.title}`,
    '',
    ...page.intro.flatMap((paragraph) => [paragraph, '']),
    'Confidence marks:',
    '',
    ...Object.values(CONFIDENCE_WORDS).map((words) => `- ${words}`),
    '',
    '| Fact | Value | Citation | Confidence | Source |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    ...(page.sections ?? []),
  ].join('\n');
}
