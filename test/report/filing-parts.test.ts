import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/render-report.js';
import { ruleAnchor, rulesShown } from '../../src/report/rules-appendix.js';
import { MAX_TABLE_ROWS } from '../../src/report/attempt-table.js';
import { reportFixtures } from './report-fixtures.js';
import { attributesOf, sectionOf, tagsWith } from './report-markup.js';

const fixtures = reportFixtures();
fixtures.cleanup();
const html = renderReport(fixtures.results);

describe('the report: provenance, attempt table and rules appendix', () => {
  it.each(fixtures.results.map((result, index) => [index + 1, result] as const))('scenario %i shows the provenance of its audit header', (number, result) => {
    const section = sectionOf(html, number);
    const { provenance } = result;
    expect(section).toContain(`<code class="hash" data-sha256>${provenance.scenario!.sha256}</code>`);
    expect(section).toContain(`<dd data-seed>${provenance.seed}</dd>`);
    for (const pack of provenance.packs) expect(section).toContain(`<tr data-pack="${pack.id}"><td><code>${pack.id}</code></td><td>${pack.title}</td><td><code>${pack.version}</code></td></tr>`);
    for (const [name, version] of Object.entries(provenance.data)) expect(section).toContain(`<code>${name} ${version}</code>`);
    expect(tagsWith(section, 'tr', 'data-list=').map((row) => row['data-list'])).toEqual(provenance.registries.map((copy) => copy.list));
  });

  it('the campaign fixture lists its national registry copy: inline numbers, its date and how many', () => {
    const section = sectionOf(html, 2);
    const copy = fixtures.results[1]!.provenance.registries.find((entry) => entry.list === 'national')!;
    expect(copy).toMatchObject({ source: 'inline', syncedAt: '2026-02-20T00:00:00Z' });
    expect(section).toMatch(new RegExp(`<tr data-list="national"><td>National Do Not Call Registry</td><td><code>inline</code></td><td class="nowrap">2026-02-20 00:00:00 UTC</td><td class="num">${copy.numbers} numbers</td></tr>`));
  });

  it.each(fixtures.results.map((result, index) => [index + 1, result] as const))('scenario %i: one table row per attempt, with its verdict and blocking rules', (number, result) => {
    const rows = tagsWith(sectionOf(html, number), 'tr', 'data-attempt=');
    expect(result.attempts.length).toBeLessThan(MAX_TABLE_ROWS);
    expect(rows.map((row) => [row['data-attempt'], row['data-verdict'], row['data-rules']])).toEqual(
      result.attempts.map(({ record }) => [record.attemptId, record.verdict, record.violations.map((violation) => violation.rule).join(' ')]),
    );
  });

  it('links every rule it shows to a rule page in the appendix, with the rule’s citation', () => {
    const shown = rulesShown(fixtures.results);
    expect(shown).toContain('hours.federal');
    const pages = tagsWith(html, 'article', 'data-rule-page=').map((page) => page['data-rule-page']);
    expect(pages).toEqual(shown);
    for (const rule of shown) {
      expect(html).toContain(`<a href="#${ruleAnchor(rule)}"><code>${rule}</code></a>`);
      const policy = fixtures.results[0]!.pack.policies.find((candidate) => candidate.id === rule)!;
      expect(html).toContain(`<dd class="citation">${policy.citation}</dd>`);
    }
  });

  it('renders a rule page from the rule’s metadata, its code spans as code', () => {
    const start = html.indexOf(`<article class="rule-page" id="${ruleAnchor('hours.federal')}"`);
    const page = html.slice(start, html.indexOf('</article>', start));
    expect(page).toContain('<h3><code>hours.federal</code>: Telemarketing calls only between 08:00 and 21:00 local time</h3>');
    expect(page).toContain('<code>callee.timeZone</code>');
    expect(page).toContain('<li><code>beforeWindow</code>: {localTime} in {zone} is before 08:00</li>');
    expect(attributesOf(/<article[^>]*>/.exec(page)![0])['id']).toBe('rule-hours.federal');
  });

  it('has a print style sheet that hides the filters and keeps rows whole', () => {
    const print = html.slice(html.lastIndexOf('@media print'));
    expect(print).toContain('.attempt-filter { display: none; }');
    expect(print).toContain('thead { display: table-header-group; }');
    expect(print).toContain('tr, .rule-page, .provenance { break-inside: avoid; }');
  });
});
