import type { RegistryCopyProvenance, RunProvenance } from '../dialer/provenance.js';
import { formatCount, formatInstant } from './format.js';
import { html, type SafeHtml } from './html.js';

const LIST_NAMES: Readonly<Record<string, string>> = {
  national: 'National Do Not Call Registry',
  state: 'State do-not-call list',
  canada: "Canada's National DNCL",
  internal: 'Internal do-not-call list',
};

/**
 * The header block of a scenario: what the run was made of, the same values as its audit log's header record (both
 * come from `runProvenance`): the registry copies with their source, date and coverage, dialsim's, the packs' and
 * the data packages' versions, the seed and the scenario file's hash.
 */
export function provenanceBlock(provenance: RunProvenance): SafeHtml {
  const copies = provenance.registries;
  return html`<div class="provenance" data-provenance><h3>Provenance</h3><dl class="facts"><div><dt>Scenario file</dt><dd>${
    provenance.scenario === null ? 'none' : html`<code>${provenance.scenario.file}</code> <span class="muted">sha256</span> <code class="hash" data-sha256>${provenance.scenario.sha256}</code>`
  }</dd></div><div><dt>Seed</dt><dd data-seed>${provenance.seed}</dd></div><div><dt>dialsim</dt><dd><code>${provenance.dialsim}</code></dd></div><div><dt>Data</dt><dd>${Object.entries(provenance.data).map(
    ([name, version], index) => html`${index > 0 ? ', ' : ''}<code>${name} ${version}</code>`,
  )}</dd></div></dl><div class="table-wrap"><table class="packs"><caption>Packs in force (a version is a hash of the pack's rules, citations and cited facts)</caption><thead><tr><th scope="col">Pack</th><th scope="col">Title</th><th scope="col">Version</th></tr></thead><tbody>${provenance.packs.map(
    (pack) => html`<tr data-pack="${pack.id}"><td><code>${pack.id}</code></td><td>${pack.title}</td><td><code>${pack.version}</code></td></tr>`,
  )}</tbody></table></div><div class="table-wrap"><table class="registry-copies"><caption>${
    copies.length === 0 ? 'The seller supplied no registry copy: every rule that needs one blocks.' : 'Registry copies as the run starts'
  }</caption>${
    copies.length === 0
      ? null
      : html`<thead><tr><th scope="col">List</th><th scope="col">Source</th><th scope="col">Synced</th><th scope="col" class="num">Coverage</th></tr></thead><tbody>${copies.map(
          (copy) =>
            html`<tr data-list="${copy.list}"><td>${LIST_NAMES[copy.list] ?? copy.list}${copy.state === undefined ? null : html` <code>${copy.state}</code>`}</td><td>${copy.source === null ? html`<span class="muted">not stated</span>` : html`<code>${copy.source}</code>`}</td><td class="nowrap">${
              copy.list === 'internal' ? html`<span class="muted">kept live</span>` : copy.areaCodes !== undefined ? storeDates(copy.areaCodes) : copy.syncedAt === null ? html`<span class="ko">undated</span>` : formatInstant(copy.syncedAt)
            }</td><td class="num">${formatCount(copy.numbers)} ${copy.numbers === 1 ? 'number' : 'numbers'}${
              copy.areaCodes === undefined ? null : html` in ${formatCount(copy.areaCodes.length)} area ${copy.areaCodes.length === 1 ? 'code' : 'codes'}`
            }</td></tr>`,
        )}</tbody>`
  }</table></div></div>`;
}

/** A registry store's dates: each area code is dated by its own download, so the range is what a reader needs. */
function storeDates(areaCodes: NonNullable<RegistryCopyProvenance['areaCodes']>): SafeHtml {
  if (areaCodes.length === 0) return html`<span class="ko">no area code held</span>`;
  const dates = areaCodes.map((held) => held.syncedAt).sort();
  return html`per area code, ${formatInstant(dates[0]!)} to ${formatInstant(dates.at(-1)!)}`;
}
