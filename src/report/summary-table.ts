import { breachesWords, expectationsHeld } from '../scenario/expectations-summary.js';
import type { ScenarioResult } from '../scenario/run-scenario.js';
import { formatCount, formatPercent } from './format.js';
import { html, type SafeHtml } from './html.js';
import { sectionId, verdictBadge } from './scenario-section.js';

/** One row per scenario: its result, expectations held, and the counts a reader compares across scenarios. */
export function summaryTable(results: readonly ScenarioResult[]): SafeHtml {
  return html`<table class="summary"><thead><tr><th scope="col" class="num">#</th><th scope="col">Scenario</th><th scope="col">Result</th><th scope="col" class="num">Expectations held</th><th scope="col">Compliance</th><th scope="col" class="num">Attempts</th><th scope="col" class="num">Allowed</th><th scope="col" class="num">Blocked</th><th scope="col" class="num">Connected</th><th scope="col" class="num">Highest abandonment</th></tr></thead><tbody>${results.map((result, index) => {
    return html`<tr class="${result.passed ? 'passed' : 'failed'}" data-scenario="${index + 1}"><td class="num">${index + 1}</td><td><a href="#${sectionId(index)}">${result.title}</a></td><td>${verdictBadge(result.passed)}</td><td class="num">${expectationsHeld(result)}</td><td>${breachesWords(result)}</td><td class="num">${formatCount(result.counts.attempts)}</td><td class="num">${formatCount(result.counts.allowed)}</td><td class="num">${formatCount(result.counts.blocked)}</td><td class="num">${formatCount(result.counts.connects)}</td><td class="num">${formatPercent(result.counts.maxAbandonmentRate)}</td></tr>`;
  })}</tbody></table>`;
}
