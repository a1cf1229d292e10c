import type { Confidence } from '../core/cited-fact.js';
import { PASSED_MEANS, resultPhrase } from '../scenario/expectations-summary.js';
import type { ScenarioResult } from '../scenario/run-scenario.js';
import { formatCount } from './format.js';
import { html, type SafeHtml } from './html.js';

const CONFIDENCE_WORDS: Readonly<Record<Confidence, string>> = {
  P: 'confirmed by a primary source',
  S: 'confirmed by a secondary source only',
  U: 'unconfirmed: the stricter reading',
};

/**
 * A scenario's compliance part: the verdict line that keeps expectations and breaches apart ("expectations 5/5
 * held · compliance: 1 breach, expected"), then each breach of a campaign-level obligation with its rule id, the
 * jurisdiction, what happened, the citation with its confidence mark, and whether an expectation named it.
 */
export function breachesSection(result: ScenarioResult): SafeHtml {
  const unexpected = result.breaches.filter((breach) => !breach.expected).length;
  const line = html`<p class="compliance-line" data-breaches="${result.breaches.length}" data-unexpected="${unexpected}"><strong>${resultPhrase(result)}</strong> <span class="muted">${result.passed ? `Passed: ${PASSED_MEANS}.` : `Failed: a scenario passes when ${PASSED_MEANS}.`}</span></p>`;
  if (result.breaches.length === 0) {
    return html`<h3>Compliance</h3>${line}<p class="muted">No breach of the campaign-level obligations, checked from the run's records: the abandonment cap, the 2-second rule, the identification message, the ring time and do-not-call requests.</p>`;
  }
  return html`<h3>Compliance</h3>${line}<div class="table-wrap"><table class="expectations breaches"><caption>Campaign-level obligations the run breached, found from its records whether or not an expectation asked.</caption><thead><tr><th scope="col">Rule</th><th scope="col">Where</th><th scope="col">What happened</th><th scope="col">Citation</th><th scope="col" class="num">Occurrences</th><th scope="col">Status</th></tr></thead><tbody>${result.breaches.map(
    (breach) =>
      html`<tr class="${breach.expected ? 'passed' : 'failed'}" data-rule="${breach.rule}" data-jurisdiction="${breach.jurisdiction}" data-expected="${String(breach.expected)}"><td><code>${breach.rule}</code><br><span class="muted">${breach.title}</span></td><td>${breach.jurisdiction}</td><td>${breach.message}${breach.attemptIds.length === 0 ? null : html`<br><span class="muted">Attempts: ${breach.attemptIds.join(', ')}${breach.occurrences > breach.attemptIds.length ? ' …' : ''}</span>`}</td><td>${breach.citation} <abbr class="confidence" title="${CONFIDENCE_WORDS[breach.confidence]}">[${breach.confidence}]</abbr>${breach.note === undefined ? null : html`<br><span class="muted">${breach.note}</span>`}</td><td class="num">${formatCount(breach.occurrences)}</td><td>${breach.expected ? html`<span class="ok">expected</span>` : html`<span class="ko">✗ unexpected</span>`}</td></tr>`,
  )}</tbody></table></div>`;
}
