import { escapeHtml } from '../core/escape-html.js';
import { documentHtml } from './rule-page-html.js';

/**
 * A generated facts page (docs/rules/canada.md, finra.md, states.md: every fact a pack's rules read, with its
 * citation and confidence mark) as HTML for the web trainer. The pages are written by scripts/generate-rules-docs.ts
 * from the same constants the rules read, in a small fixed part of markdown: one-line headings, paragraphs, `- `
 * lists, pipe tables, code spans and links. That part is what this renders; anything else shows as plain text,
 * escaped, never as markup.
 */

export interface FactsPageHtmlOptions {
  /** The trainer's address of a page a link names (`states.md` → `/rules/states`), or undefined to show the text alone. */
  readonly pageHref: (name: string) => string | undefined;
  readonly indexHref: string;
}

const INLINE = /(`+)(.+?)\1|\[([^\]]+)\]\(([^)\s]+)\)/g;

function inlineHtml(text: string, options: FactsPageHtmlOptions): string {
  let html = '';
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    html += escapeHtml(text.slice(at, match.index));
    at = match.index + match[0].length;
    if (match[2] !== undefined) {
      html += `<code>${escapeHtml(match[2].trim())}</code>`;
      continue;
    }
    const label = inlineHtml(match[3]!, options);
    // Only links to other rule or facts pages lead anywhere: the trainer serves no other file, and no request leaves it.
    const page = /^(?:\.\.\/)?(?:rules\/)?([a-z0-9.-]+)\.md$/.exec(match[4]!);
    const href = page === null ? undefined : options.pageHref(page[1]!);
    html += href === undefined ? label : `<a href="${escapeHtml(href)}">${label}</a>`;
  }
  return html + escapeHtml(text.slice(at));
}

/** The cells of a pipe-table row; `\|` is a pipe inside a cell. */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

function tableHtml(rows: readonly string[], options: FactsPageHtmlOptions): string {
  const [header = '', , ...body] = rows;
  const heads = cells(header);
  const confidence = heads.indexOf('Confidence');
  const bodyRows = body.map((row) => {
    const tds = cells(row).map((cell, index) => (index === confidence ? `<td class="confidence confidence-${escapeHtml(cell)}">${escapeHtml(cell)}</td>` : `<td>${inlineHtml(cell, options)}</td>`));
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<table><thead><tr>${heads.map((head) => `<th>${inlineHtml(head, options)}</th>`).join('')}</tr></thead><tbody>\n${bodyRows.join('\n')}\n</tbody></table>`;
}

/**
 * The page's HTML: its first heading is the title.
 * @example
 * renderFactsPageHtml(readFileSync('docs/rules/canada.md', 'utf8'), { pageHref: (name) => `/rules/${name}`, indexHref: '/rules' });
 */
export function renderFactsPageHtml(markdown: string, options: FactsPageHtmlOptions): string {
  const blocks: string[] = [];
  let title = 'dialsim facts';
  let paragraph: string[] = [];
  let list: string[] = [];
  let table: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push(`<p>${inlineHtml(paragraph.join(' '), options)}</p>`);
    if (list.length > 0) blocks.push(`<ul>${list.map((item) => `<li>${inlineHtml(item, options)}</li>`).join('')}</ul>`);
    if (table.length > 0) blocks.push(tableHtml(table, options));
    paragraph = [];
    list = [];
    table = [];
  };
  for (const line of markdown.split('\n')) {
    if (line.startsWith('<!--')) continue;
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (line.trim() === '' || heading !== null) flush();
    if (heading !== null) {
      const level = heading[1]!.length;
      if (level === 1) title = heading[2]!.replace(/`/g, '');
      blocks.push(`<h${level}>${inlineHtml(heading[2]!, options)}</h${level}>`);
    } else if (line.startsWith('|')) table.push(line);
    else if (line.startsWith('- ')) list.push(line.slice(2));
    else if (line.trim() !== '') paragraph.push(line.trim());
  }
  flush();
  return documentHtml(`${title} · dialsim`, options.indexHref, `<section class="facts-page">\n${blocks.join('\n')}\n</section>`);
}
