/**
 * The rule-page model (src/rule-page) that docs/rules/<id>.md, `dialsim rules ID` and the web trainer's rule pages
 * all render, and the HTML of the generated facts pages, where each fact carries its confidence mark.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesDocs } from '../../scripts/generate-rules-docs.js';
import { BUILT_IN_PACK_IDS, packsInForce } from '../../src/engine/packs-in-force.js';
import { renderFactsPageHtml } from '../../src/rule-page/facts-page-html.js';
import { FACTS_PAGES, rulePage } from '../../src/rule-page/rule-page.js';

const allPacks = () => packsInForce({ packs: BUILT_IN_PACK_IDS });
const links = { pageHref: (name: string) => (name === 'states' || name === 'hours.state' ? `/rules/${name}` : undefined), indexHref: '/rules' };

describe('the rule-page model', () => {
  it('names, for the rules of a pack with a facts page, a page the docs generator writes', () => {
    const written = renderRulesDocs(allPacks());
    for (const [pack, facts] of Object.entries(FACTS_PAGES)) {
      expect(written.has(facts.path), `${pack}: ${facts.path}`).toBe(true);
      expect(facts.path).toBe(`docs/rules/${facts.name}.md`);
    }
    const pageOf = (id: string) => rulePage(allPacks(), allPacks().policies.find((policy) => policy.id === id)!);
    expect(pageOf('hours.state').facts?.path).toBe('docs/rules/states.md');
    expect(pageOf('days.province').facts?.path).toBe('docs/rules/canada.md');
    expect(pageOf('dnc.finra').facts?.path).toBe('docs/rules/finra.md');
    expect(pageOf('hours.federal').facts).toBeUndefined();
  });

  it('screens every example with the pack it is given: the decision is what dialsim check --json prints', () => {
    const page = rulePage(allPacks(), allPacks().policies.find((policy) => policy.id === 'hours.federal')!);
    expect(page.examples.map((example) => example.decision.verdict)).toEqual(allPacks().policies.find((policy) => policy.id === 'hours.federal')!.examples.map((example) => example.verdict));
  });
});

describe('a generated facts page as HTML', () => {
  it('docs/rules/states.md: one heading per state, every table row a row, each confidence mark in its own cell, no markdown left', () => {
    const markdown = readFileSync('docs/rules/states.md', 'utf8');
    const html = renderFactsPageHtml(markdown, links);
    expect(html).toContain('<title>The state table · dialsim</title>');
    expect(html.match(/<h2>/g)?.length).toBe(markdown.match(/^## /gm)?.length);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Field '));
    expect(html.match(/<tr><td>/g)?.length).toBe(rows.length);
    expect(html.match(/<td class="confidence confidence-[PSU]">[PSU]<\/td>/g)?.length).toBe(rows.length);
    expect(html).toContain('<td class="confidence confidence-U">U</td>');
    expect(html).not.toMatch(/\|---|`|\]\(/);
    expect(html).not.toContain('<!--');
  });

  it('escapes what it prints and links only to pages the trainer serves', () => {
    const html = renderFactsPageHtml(
      [
        '<!-- Generated -->',
        '# Facts of `x` <b>',
        '',
        'A <script>alert(1)</script> paragraph, see [the table](states.md), [a rule](../rules/hours.state.md), [the glossary](../glossary.md) and [a site](https://example.com/x.md).',
        '',
        '| Fact | Confidence |',
        '|---|---|',
        '| a \\| b & c | U |',
      ].join('\n'),
      links,
    );
    expect(html).toContain('<h1>Facts of <code>x</code> &lt;b&gt;</h1>');
    expect(html).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; paragraph, see <a href="/rules/states">the table</a>, <a href="/rules/hours.state">a rule</a>, the glossary and a site.');
    expect(html).toContain('<tr><td>a | b &amp; c</td><td class="confidence confidence-U">U</td></tr>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('example.com');
  });
});
