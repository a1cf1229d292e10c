import type { ScenarioResult } from '../scenario/run-scenario.js';
import { attemptRows, type AttemptRow } from './attempt-rows.js';
import { formatCount, formatInstant } from './format.js';
import { html, type SafeHtml } from './html.js';
import { ruleAnchor } from './rules-appendix.js';

/**
 * The per-attempt table of a scenario: every screening with its lead, number, callee-local time, method, verdict,
 * rules with citations (each linked to its page in the report's rules appendix) and outcome. A small form filters
 * it by verdict and by rule in the page itself (ATTEMPT_FILTER_SCRIPT); without scripts the form stays hidden and
 * the whole table shows.
 */

/** Rows beyond this are left to the CSV export: a browser slows down long before a reader finishes a longer table. */
export const MAX_TABLE_ROWS = 20_000;

function rulesCell(row: AttemptRow): SafeHtml {
  const blocked = row.rules.map(
    (entry) => html`<li><a href="#${ruleAnchor(entry.rule)}"><code>${entry.rule}</code></a> <span class="citation">${entry.citation}</span></li>`,
  );
  const lifted = row.lifted.map(
    (entry) => html`<li class="lifted"><span class="muted">lifted:</span> <a href="#${ruleAnchor(entry.rule)}"><code>${entry.rule}</code></a> <span class="citation">${entry.citation}</span></li>`,
  );
  return blocked.length + lifted.length === 0 ? html`<span class="muted">–</span>` : html`<ul class="rule-list">${blocked}${lifted}</ul>`;
}

function rowMarkup(row: AttemptRow): SafeHtml {
  const local = row.localTimes.length === 0 ? html`<span class="muted">unknown</span>` : row.localTimes.map((time, index) => html`${index > 0 ? html`<br>` : null}${time}`);
  return html`<tr data-attempt="${row.attemptId}" data-verdict="${row.verdict}" data-rules="${row.rules.map((entry) => entry.rule).join(' ')}" data-lifted="${row.lifted.map((entry) => entry.rule).join(' ')}"><td><code>${row.attemptId}</code><br><span class="muted nowrap">${formatInstant(row.at)}</span></td><td>${row.leadId}</td><td class="nowrap"><code>${row.number}</code></td><td class="nowrap">${local}</td><td>${row.method}</td><td>${
    row.verdict === 'allow' ? html`<span class="ok">allowed</span>` : html`<span class="ko">blocked</span>`
  }</td><td>${rulesCell(row)}</td><td>${row.outcome}</td></tr>`;
}

/** The scenario's attempt table with its filter form; null when the run screened nothing. */
export function attemptTable(result: ScenarioResult, index: number): SafeHtml | null {
  const rows = attemptRows(result);
  if (rows.length === 0) return null;
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  const rules = [...new Set(rows.flatMap((row) => [...row.rules, ...row.lifted].map((entry) => entry.rule)))].sort();
  const id = `attempts-${index + 1}`;
  const allowed = rows.filter((row) => row.verdict === 'allow').length;
  return html`<div class="attempt-table" data-attempt-table id="${id}"><h3>Attempts</h3><form class="attempt-filter" hidden><label>Verdict <select name="verdict"><option value="">all (${formatCount(rows.length)})</option><option value="allow">allowed (${formatCount(allowed)})</option><option value="block">blocked (${formatCount(rows.length - allowed)})</option></select></label><label>Rule <select name="rule"><option value="">any rule</option>${rules.map(
    (rule) => html`<option value="${rule}">${rule}</option>`,
  )}</select></label><output class="muted" data-shown aria-live="polite">${formatCount(shown.length)} of ${formatCount(shown.length)} shown</output></form>${
    rows.length > shown.length ? html`<p class="muted">The table shows the first ${formatCount(shown.length)} of ${formatCount(rows.length)} attempts; <code>dialsim run --attempts-csv FILE</code> writes them all.</p>` : null
  }<div class="table-wrap attempts-scroll"><table class="attempts"><thead><tr><th scope="col">Attempt</th><th scope="col">Lead</th><th scope="col">Number</th><th scope="col">Callee-local time</th><th scope="col">Method</th><th scope="col">Verdict</th><th scope="col">Rules and citations</th><th scope="col">Outcome</th></tr></thead><tbody>${shown.map(rowMarkup)}</tbody></table></div></div>`;
}

/**
 * The page's one script: shows each attempt table's filter form and hides the rows that do not match it. A rule
 * matches the rows it blocked or was lifted on. Inline, so the report stays one file; the page's content security
 * policy allows exactly this script by its hash.
 */
export const ATTEMPT_FILTER_SCRIPT = `
for (const table of document.querySelectorAll('[data-attempt-table]')) {
  const form = table.querySelector('form');
  const rows = Array.from(table.querySelectorAll('tbody tr'));
  const shown = form.querySelector('[data-shown]');
  const count = (value) => String(value).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');
  const apply = () => {
    const verdict = form.elements.verdict.value;
    const rule = form.elements.rule.value;
    let matching = 0;
    for (const row of rows) {
      const rules = (row.dataset.rules + ' ' + row.dataset.lifted).split(' ');
      const match = (verdict === '' || row.dataset.verdict === verdict) && (rule === '' || rules.includes(rule));
      row.hidden = !match;
      if (match) matching++;
    }
    shown.textContent = count(matching) + ' of ' + count(rows.length) + ' shown';
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
}
`;
