import { escapeHtml } from '../core/escape-html.js';
import type { Inline, RulePage } from './rule-page.js';
import { factWords } from './rule-page.js';

/**
 * The rule page as a self-contained HTML document (inline styles, no script, no request anywhere), for the web
 * trainer. Every piece of text that comes from a policy is escaped: a custom policy's title or template is data.
 */

/**
 * A policy's prose, escaped, with its `code spans` (the only markdown the metadata uses) shown as code, and each
 * `docs/rules/<name>.md` it names linked to the page `pageHref` gives (left as text where it gives none).
 */
export function proseHtml(text: string, pageHref: (name: string) => string | undefined = () => undefined): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/docs\/rules\/([a-z0-9.-]+)\.md/g, (path, name: string) => {
      const href = pageHref(name);
      return href === undefined ? path : `<a href="${escapeHtml(href)}">${path}</a>`;
    });
}

export interface RulePageHtmlOptions {
  /** Where another rule's page is, as a link from this one: `/rules/timezone.unknown`. */
  readonly ruleHref: (id: string) => string;
  /** Where a facts page (`canada`) or a rule page named in prose is served, if it is. */
  readonly pageHref?: (name: string) => string | undefined;
  /** Where the list of every rule is. */
  readonly indexHref: string;
  /** Which rules screened the examples, in a phrase: "this trainer's packs (common, us-federal)". */
  readonly screenedWith: string;
}

const STYLES = `
:root { --ink:#1d2433; --muted:#5b6478; --line:#dde2ec; --bg:#f4f6fa; --card:#fff; --accent:#2f5fd0; --ok:#1f8a4c; --bad:#c23a2b; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:var(--bg); }
header { padding:12px 24px; background:#1d2433; color:#fff; }
header a { color:#b9c3d8; font-size:13px; }
main { max-width:980px; margin:0 auto; padding:20px 24px; }
h1 { font-size:22px; margin:8px 0 16px; }
h2 { font-size:15px; margin:24px 0 8px; color:var(--muted); text-transform:uppercase; letter-spacing:.6px; }
h3 { font-size:15px; margin:16px 0 6px; }
section { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:14px 20px; margin-bottom:14px; }
dl.facts { display:grid; grid-template-columns:110px 1fr; gap:6px 14px; margin:0; }
dl.facts dt { color:var(--muted); font-weight:600; font-size:13px; }
dl.facts dd { margin:0; }
table { border-collapse:collapse; width:100%; font-size:14px; }
td, th { text-align:left; border-top:1px solid var(--line); padding:6px 8px; vertical-align:top; }
code { font:13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background:#f1f3f8; padding:1px 4px; border-radius:4px; }
pre { background:#f6f8fb; border:1px solid var(--line); padding:10px; border-radius:6px; overflow:auto; font-size:12.5px; }
.verdict-allow { color:var(--ok); font-weight:600; }
.verdict-block { color:var(--bad); font-weight:600; }
.note { color:var(--muted); font-size:13px; }
td.confidence { font-weight:700; text-align:center; }
.facts-page h2 { text-transform:none; letter-spacing:0; color:var(--ink); font-size:17px; }
td.confidence-S { color:#8a5a00; }
td.confidence-U { color:var(--bad); }
a { color:var(--accent); }
`;

/** The row naming the page of the facts the rule's pack reads, linked where the trainer serves it. */
function factsRow(page: RulePage, options: RulePageHtmlOptions): string {
  if (page.facts === undefined) return '';
  const href = options.pageHref?.(page.facts.name);
  const name = href === undefined ? escapeHtml(page.facts.path) : `<a href="${escapeHtml(href)}">${escapeHtml(page.facts.title)}</a>`;
  return `<dt>Facts</dt><dd class="facts-link">${name}: every fact this pack's rules read, with its citation and confidence mark (P primary source, S secondary only, U unconfirmed, read the stricter way)</dd>\n`;
}

function inlineHtml(parts: readonly Inline[], options: RulePageHtmlOptions): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return proseHtml(part, options.pageHref);
      if ('rule' in part) return `<a href="${escapeHtml(options.ruleHref(part.rule))}"><code>${escapeHtml(part.rule)}</code></a>`;
      return `${escapeHtml(factWords(part.fact))} (<code>${escapeHtml(part.fact)}</code>)`;
    })
    .join('');
}

/** A whole page in the rule pages' look: `body` is HTML already escaped. */
export function documentHtml(title: string, indexHref: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLES}</style>
</head>
<body>
<header><a href="${escapeHtml(indexHref)}">dialsim rules</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * A rule's page: title, citation, pack, when it blocks, what lifts it, how the engine runs it, its message templates
 * and its examples with the decision screening gave each, as docs/rules/<id>.md and `dialsim rules ID` show them.
 * @example
 * renderRulePageHtml(rulePage(pack, policy), { ruleHref: (id) => `/rules/${id}`, indexHref: '/rules', screenedWith: 'the default packs' });
 */
export function renderRulePageHtml(page: RulePage, options: RulePageHtmlOptions): string {
  const exemptions =
    page.exemptions.length === 0 ? '<p>Nothing lifts it.</p>' : `<ul>${page.exemptions.map((text) => `<li>${proseHtml(text, options.pageHref)}</li>`).join('')}</ul>`;
  const examples =
    page.examples.length === 0
      ? '<p>This rule has no documented examples.</p>'
      : page.examples
          .map(
            ({ title, request, decision }, index) => `<div class="example">
<h3>${index + 1}. ${escapeHtml(title)}</h3>
<p>Verdict: <span class="verdict-${escapeHtml(decision.verdict)}">${escapeHtml(decision.verdict)}</span></p>
<p>Request:</p>
<pre>${escapeHtml(JSON.stringify(request, null, 2))}</pre>
<p>Decision (what <code>dialsim check --json</code> prints):</p>
<pre>${escapeHtml(JSON.stringify(decision, null, 2))}</pre>
</div>`,
          )
          .join('\n');
  const optIn = page.pack.optIn ? ` <span class="note">(screened only when the ${escapeHtml(page.pack.id)} pack is named)</span>` : '';
  const body = `<h1><code>${escapeHtml(page.id)}</code>: ${escapeHtml(page.title)}</h1>
<section>
<dl class="facts">
<dt>Rule id</dt><dd><code>${escapeHtml(page.id)}</code></dd>
<dt>Citation</dt><dd class="citation">${escapeHtml(page.citation)}</dd>
<dt>Pack</dt><dd><code>${escapeHtml(page.pack.id)}</code>: ${escapeHtml(page.pack.title)}${optIn}</dd>
${factsRow(page, options)}<dt>In a terminal</dt><dd><code>dialsim rules ${escapeHtml(page.id)}</code> prints this page</dd>
</dl>
</section>
<section id="when">
<h2>When it blocks</h2>
<p>${proseHtml(page.description, options.pageHref)}</p>
</section>
<section id="lifts">
<h2>What lifts it</h2>
${exemptions}
</section>
<section id="engine">
<h2>How the engine runs it</h2>
<ul>${page.engine.map((note) => `<li>${inlineHtml(note, options)}</li>`).join('')}</ul>
</section>
<section id="messages">
<h2>Messages</h2>
<p class="note">The message of a violation (or the reason of an exemption) is rendered from one of these templates, its <code>{placeholders}</code> filled with the call's values.</p>
<table><thead><tr><th>messageId</th><th>template</th></tr></thead><tbody>
${page.messages.map(({ id, template }) => `<tr><td><code>${escapeHtml(id)}</code></td><td><code>${escapeHtml(template)}</code></td></tr>`).join('\n')}
</tbody></table>
</section>
<section id="examples">
<h2>Examples</h2>
<p class="note">Each request was screened by ${escapeHtml(options.screenedWith)} when this page was served.</p>
${examples}
</section>`;
  return documentHtml(`${page.id}: ${page.title} · dialsim`, options.indexHref, body);
}

/** Every rule, each linking to its page. */
export function renderRuleIndexHtml(
  rules: readonly { readonly id: string; readonly title: string; readonly pack: string }[],
  options: Pick<RulePageHtmlOptions, 'ruleHref' | 'indexHref'>,
  factsPages: readonly { readonly href: string; readonly title: string }[] = [],
): string {
  const rows = rules
    .map((rule) => `<tr><td><a href="${escapeHtml(options.ruleHref(rule.id))}"><code>${escapeHtml(rule.id)}</code></a></td><td><code>${escapeHtml(rule.pack)}</code></td><td>${escapeHtml(rule.title)}</td></tr>`)
    .join('\n');
  return documentHtml('dialsim rules', options.indexHref, `<h1>${rules.length} rules</h1>
<section>
<table><thead><tr><th>Rule</th><th>Pack</th><th>Title</th></tr></thead><tbody>
${rows}
</tbody></table>
</section>${
    factsPages.length === 0
      ? ''
      : `\n<section id="facts-pages">\n<h2>Facts, with their citations and confidence marks</h2>\n<ul>${factsPages.map((facts) => `<li><a href="${escapeHtml(facts.href)}">${escapeHtml(facts.title)}</a></li>`).join('')}</ul>\n</section>`
  }`);
}

/** The page for a rule id that is not among the rules: it names the id, and the closest known one. */
export function renderUnknownRuleHtml(id: string, suggestion: string | undefined, options: Pick<RulePageHtmlOptions, 'ruleHref' | 'indexHref'>): string {
  const hint = suggestion === undefined ? '' : ` Did you mean <a href="${escapeHtml(options.ruleHref(suggestion))}"><code>${escapeHtml(suggestion)}</code></a>?`;
  return documentHtml(`No rule "${id}" · dialsim`, options.indexHref, `<h1>No rule "${escapeHtml(id)}"</h1>
<section>
<p id="unknown">There is no rule with the id <code>${escapeHtml(id)}</code> among this trainer's rules.${hint} <a href="${escapeHtml(options.indexHref)}">Every rule</a>.</p>
</section>`);
}
