import type { ScenarioResult, StepOutcome } from '../scenario/run-scenario.js';
import { breachesSection } from './breaches-section.js';
import { formatCount, formatInstant, formatPercent } from './format.js';
import { html, type SafeHtml } from './html.js';
import { BLOCKED_COLOUR } from './palette.js';
import { attemptTable } from './attempt-table.js';
import { provenanceBlock } from './provenance-block.js';
import { abandonmentCard, attemptsByDayCard, attemptsByHourCard, funnelCard } from './scenario-charts.js';

/** The anchor of the nth scenario (from 1), for the summary table's links. */
export const sectionId = (index: number) => `scenario-${index + 1}`;

/** A pass or fail badge: a word and a symbol, so the result never rests on colour alone. */
export function verdictBadge(passed: boolean): SafeHtml {
  return passed ? html`<span class="badge pass">✓ Passed</span>` : html`<span class="badge fail">✗ Failed</span>`;
}

function keyCounts(result: ScenarioResult, colours: ReadonlyMap<string, string>): SafeHtml {
  const { counts } = result;
  const tiles: [string, string, string][] = [
    ['attempts', 'Attempts', formatCount(counts.attempts)],
    ['allowed', 'Allowed', formatCount(counts.allowed)],
    ['blocked', 'Blocked', formatCount(counts.blocked)],
    ['answered', 'Answered live', formatCount(counts.answered)],
    ['connects', 'Connected', formatCount(counts.connects)],
    ['abandoned', 'Abandoned', formatCount(counts.abandoned)],
    ['max-abandonment-rate', 'Highest abandonment', formatPercent(counts.maxAbandonmentRate)],
    ['dnc-requests', 'Do-not-call requests', formatCount(counts.dncRequests)],
    ['leads-reached', 'Leads reached', formatCount(counts.leadsReached)],
    ['leads-exhausted', 'Leads exhausted', formatCount(counts.leadsExhausted)],
  ];
  const rules = Object.entries(counts.blockedByRule).sort(([a], [b]) => (a < b ? -1 : 1));
  return html`<dl class="tiles">${tiles.map(([key, label, value]) => html`<div class="tile" data-count="${key}"><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>${
    rules.length === 0
      ? null
      : html`<p class="rule-chips"><span class="chips-label">Blocks by rule</span>${rules.map(
          ([rule, count]) => html`<span class="chip" data-rule="${rule}"><span class="key key-swatch" style="--key: ${colours.get(rule) ?? BLOCKED_COLOUR}" aria-hidden="true"></span><code>${rule}</code> <strong>${formatCount(count)}</strong></span>`,
        )}</p>`
  }`;
}

function expectationsTable(result: ScenarioResult): SafeHtml {
  if (result.expectations.length === 0) return html`<p class="muted">This scenario states no expectations.</p>`;
  const failed = result.expectations.filter((expectation) => !expectation.passed).length;
  return html`<div class="table-wrap"><table class="expectations"><caption>${failed === 0 ? `All ${result.expectations.length} expectations hold.` : `${failed} of ${result.expectations.length} expectations failed.`}</caption><thead><tr><th scope="col" class="num">#</th><th scope="col">Expectation</th><th scope="col">Expected</th><th scope="col">Actual</th><th scope="col">Result</th></tr></thead><tbody>${result.expectations.map(
    (expectation, index) =>
      html`<tr class="${expectation.passed ? 'passed' : 'failed'}" data-passed="${String(expectation.passed)}"><td class="num">${index + 1}</td><td>${expectation.description}</td><td><code>${expectation.expected}</code></td><td><code>${expectation.actual}</code></td><td>${expectation.passed ? html`<span class="ok">✓ holds</span>` : html`<span class="ko">✗ fails</span>`}</td></tr>`,
  )}</tbody></table></div>`;
}

function stepAction(outcome: StepOutcome): string {
  const { step } = outcome;
  if (step.type === 'dnc-request') return 'Asks not to be called again';
  if (step.type === 'consent') return `${step.action === 'grant' ? 'Grants' : 'Revokes'} ${step.kind} consent`;
  return `Dial (${outcome.attempt?.record.method ?? step.method ?? 'default'})`;
}

function stepsTable(result: ScenarioResult): SafeHtml | null {
  if (result.steps.length === 0) return null;
  return html`<details class="steps" open><summary>Scripted steps (${result.steps.length})</summary><div class="table-wrap"><table><thead><tr><th scope="col" class="num">#</th><th scope="col">Step</th><th scope="col">At</th><th scope="col">Lead</th><th scope="col">Action</th><th scope="col">Decision</th><th scope="col">Lifecycle</th></tr></thead><tbody>${result.steps.map((outcome) => {
    const record = outcome.attempt?.record;
    const decision =
      record === undefined
        ? html`<span class="muted">–</span>`
        : record.verdict === 'allow'
          ? html`<span class="ok">allowed</span>${record.exemptions.length > 0 ? html` <span class="muted">(exempt: ${record.exemptions.map((exemption) => exemption.rule).join(', ')})</span>` : null}`
          : html`<span class="ko">blocked</span> <span class="muted">by</span> ${record.violations.map((violation, index) => html`${index > 0 ? ', ' : ''}<code title="${violation.message}">${violation.rule}</code>`)}`;
    return html`<tr><td class="num">${outcome.index + 1}</td><td>${outcome.step.id ?? ''}</td><td class="nowrap">${formatInstant(outcome.at)}${record?.localTimes[0] === undefined ? null : html`<br><span class="muted">local ${record.localTimes[0].slice(11, 16)}</span>`}</td><td>${outcome.step.lead}</td><td>${stepAction(outcome)}</td><td>${decision}</td><td class="path">${outcome.attempt === undefined ? '' : ['screening', ...outcome.attempt.path].join(' → ')}</td></tr>`;
  })}</tbody></table></div></details>`;
}

/** One scenario: its story, result, expectations, key counts, scripted steps and the four charts. */
export function scenarioSection(result: ScenarioResult, index: number, colours: ReadonlyMap<string, string>): SafeHtml {
  const campaign = result.campaign;
  const meta = [
    html`<span><span class="muted">File</span> <code>${result.file}</code></span>`,
    html`<span><span class="muted">Seed</span> ${result.seed}</span>`,
    campaign === null ? null : html`<span><span class="muted">Campaign</span> ${formatInstant(campaign.simulated.from)} to ${formatInstant(campaign.simulated.to)}</span>`,
  ];
  return html`<section class="scenario ${result.passed ? 'is-passed' : 'is-failed'}" id="${sectionId(index)}" data-scenario="${index + 1}" data-passed="${String(result.passed)}"><header class="scenario-head"><h2><span class="index">${index + 1}</span>${result.title}</h2>${verdictBadge(result.passed)}</header><p class="meta">${meta}</p>${
    result.notes === undefined || result.notes.trim() === '' ? null : html`<div class="notes">${result.notes.trim()}</div>`
  }${provenanceBlock(result.provenance)}<h3>Expectations</h3>${expectationsTable(result)}${breachesSection(result)}<h3>Key counts</h3>${keyCounts(result, colours)}${stepsTable(result)}${attemptTable(result, index)}<h3>Charts</h3><div class="charts">${attemptsByDayCard(result, colours)}${attemptsByHourCard(result)}${abandonmentCard(result)}${funnelCard(result)}</div></section>`;
}
