import type { Policy, PolicyPack } from '../core/policy.js';
import type { ScenarioResult } from '../scenario/run-scenario.js';
import { escapeHtml } from '../core/escape-html.js';
import { html, SafeHtml } from './html.js';

/**
 * The report's rule pages: one for every rule the report shows (a rule that blocked or was lifted on some attempt),
 * rendered from the rule's own metadata (title, citation, when it blocks, what lifts it, its message templates),
 * as docs/rules/<id>.md is. The report is one file that may be filed or mailed on its own, so its citations link
 * to these anchors rather than to the repository's markdown.
 */

/** The anchor of a rule's page in the report. */
export const ruleAnchor = (ruleId: string) => `rule-${ruleId}`;

/** Prose from a rule's metadata: escaped, with its `code spans` kept as code. */
function prose(text: string): SafeHtml {
  return new SafeHtml(escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>'));
}

/** The rule ids the report shows, sorted: every rule that blocked or was lifted on some attempt. */
export function rulesShown(results: readonly ScenarioResult[]): string[] {
  const ids = new Set<string>();
  for (const result of results) {
    for (const { record } of result.attempts) {
      for (const finding of [...record.violations, ...record.exemptions]) ids.add(finding.rule);
    }
  }
  return [...ids].sort();
}

/** Each rule by id, with the pack that declares it, from the packs the scenarios were screened with. */
function rulesById(results: readonly ScenarioResult[]): Map<string, { policy: Policy; pack: PolicyPack }> {
  const byId = new Map<string, { policy: Policy; pack: PolicyPack }>();
  for (const result of results) {
    for (const pack of result.pack.members ?? [result.pack]) {
      for (const policy of pack.policies) if (!byId.has(policy.id)) byId.set(policy.id, { policy, pack });
    }
  }
  return byId;
}

function rulePage(id: string, entry: { policy: Policy; pack: PolicyPack } | undefined): SafeHtml {
  if (entry === undefined) {
    // A finding whose rule is in none of the packs: a rule id kept as an alias, say. Its citation is still in the table.
    return html`<article class="rule-page" id="${ruleAnchor(id)}"><h3><code>${id}</code></h3><p class="muted">This rule is not among the packs the scenarios were screened with.</p></article>`;
  }
  const { policy, pack } = entry;
  return html`<article class="rule-page" id="${ruleAnchor(id)}" data-rule-page="${id}"><h3><code>${id}</code>: ${policy.title}</h3><dl class="facts"><div><dt>Citation</dt><dd class="citation">${policy.citation}</dd></div><div><dt>Pack</dt><dd><code>${pack.id}</code>: ${pack.title}</dd></div></dl><h4>When it blocks</h4><p>${prose(policy.description)}</p><h4>What lifts it</h4>${
    policy.exemptions.length === 0 ? html`<p>Nothing: no exemption lifts this rule.</p>` : html`<ul>${policy.exemptions.map((text) => html`<li>${prose(text)}</li>`)}</ul>`
  }<h4>Messages</h4><ul class="messages">${Object.entries(policy.messages).map(([messageId, template]) => html`<li><code>${messageId}</code>: ${template}</li>`)}</ul></article>`;
}

/** The appendix of rule pages, or null when no rule decided anything. */
export function rulesAppendix(results: readonly ScenarioResult[]): SafeHtml | null {
  const ids = rulesShown(results);
  if (ids.length === 0) return null;
  const byId = rulesById(results);
  return html`<section class="rules-appendix card" id="rules"><h2>Rules cited in this report</h2><p class="muted">Every rule that blocked or was lifted on an attempt above, from the rule's own definition (the packs and their versions are in each scenario's provenance).</p>${ids.map((id) => rulePage(id, byId.get(id)))}</section>`;
}
