/**
 * Issue 13 item 10: the web trainer's rule links opened raw markdown (`/docs/rules/<id>.md`, text/plain), and the
 * level and count could only be chosen on the command line. The trainer now renders each rule's page itself, from
 * the same page model as docs/rules and `dialsim rules ID`, and starts new rounds of generated drills that the page
 * asks for, checked as the CLI checks its flags.
 */
import { describe, expect, it } from 'vitest';
import { definePolicy, pass } from '../../src/core/policy.js';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { CANADA_FACTS } from '../../policies/canada/canada-facts.js';
import { rulePage } from '../../src/rule-page/rule-page.js';
import { escapeHtml } from '../../src/core/escape-html.js';
import { proseHtml } from '../../src/rule-page/rule-page-html.js';
import { generateDrills } from '../../src/training/generate-drills.js';
import { drillCard } from '../../src/training/drill-card.js';
import { startTrainerServer } from '../../src/training/trainer-server.js';

/** A trainer on a free port with two single drills of seed 3, run around `body` and closed after. */
async function withTrainer<T>(body: (url: string) => Promise<T>, pack = packsInForce()): Promise<T> {
  const drills = generateDrills({ seed: 3, level: 'single', count: 2, pack });
  const server = await startTrainerServer({ drills, port: 0, description: '2 single drills, seed 3', pack, settings: { seed: 3, level: 'single', count: 2, from: null } });
  try {
    return await body(server.url);
  } finally {
    await server.close();
  }
}

describe('the web trainer serves each rule page, rendered', () => {
  it('/rules/hours.federal is HTML with the title, citation, pack, when it blocks, what lifts it, the engine notes, templates and examples', async () => {
    await withTrainer(async (url) => {
      const response = await fetch(`${url}rules/hours.federal`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      // Self-contained: the browser may load nothing, run nothing.
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      const html = await response.text();
      const page = rulePage(packsInForce(), packsInForce().policies.find((policy) => policy.id === 'hours.federal')!);
      expect(html).toContain('<title>hours.federal: Telemarketing calls only between 08:00 and 21:00 local time · dialsim</title>');
      expect(html).toContain('<h1><code>hours.federal</code>: Telemarketing calls only between 08:00 and 21:00 local time</h1>');
      expect(html).toContain('<dd class="citation">47 CFR 64.1200(c)(1); 16 CFR 310.4(c)</dd>');
      expect(html).toContain('<code>us-federal</code>: US federal telemarketing rules (TCPA and TSR)');
      expect(html).toContain(`<p>${proseHtml(page.description)}</p>`);
      for (const exemption of page.exemptions) expect(html).toContain(`<li>${proseHtml(exemption)}</li>`);
      // The metadata's code spans are code, not backticks.
      expect(html).toContain('<li>Informational calls (<code>purpose: informational</code>) are not telephone solicitations.</li>');
      expect(html).toContain(
        "<li>Needs the callee&#39;s local time (<code>localTime</code>). When that is unknown the rule is not checked: <a href=\"/rules/timezone.unknown\"><code>timezone.unknown</code></a> blocks in its place (fail closed).</li>",
      );
      expect(html).toContain('<tr><td><code>afterWindow</code></td><td><code>{localTime} in {zone} is at or after 21:00</code></td></tr>');
      expect(page.examples.length).toBeGreaterThan(0);
      for (const [index, example] of page.examples.entries()) {
        expect(html).toContain(`<h3>${index + 1}. ${escapeHtml(example.title)}</h3>`);
        expect(html).toContain(`<pre>${escapeHtml(JSON.stringify(example.decision, null, 2))}</pre>`);
      }
      expect(html).not.toMatch(/<script|src="http|href="http/);
    });
  });

  it('every rule of the trainer has a page carrying its docs page\'s citation, description, exemptions and templates', async () => {
    const pack = packsInForce();
    // The paths the prose names lead to the pages the trainer serves: its rules' and its packs' facts pages.
    const pageHref = (name: string) => (pack.policies.some((policy) => policy.id === name) || ['states', 'canada', 'finra'].includes(name) ? `/rules/${name}` : undefined);
    await withTrainer(async (url) => {
      for (const policy of pack.policies) {
        const response = await fetch(`${url}rules/${policy.id}`);
        expect(response.status, policy.id).toBe(200);
        const html = await response.text();
        expect(html, policy.id).toContain(`<dd class="citation">${escapeHtml(policy.citation)}</dd>`);
        expect(html, policy.id).toContain(proseHtml(policy.description, pageHref));
        for (const exemption of policy.exemptions) expect(html, policy.id).toContain(proseHtml(exemption, pageHref));
        expect(html, policy.id).not.toMatch(/<p>[^<]*`/);
        for (const template of Object.values(policy.messages)) expect(html, policy.id).toContain(`<code>${escapeHtml(template as string)}</code>`);
      }
    });
  });

  it('an unknown rule id gets a 404 page naming it (escaped) and the closest id', async () => {
    await withTrainer(async (url) => {
      const typo = await fetch(`${url}rules/hours.fedral`);
      expect(typo.status).toBe(404);
      const html = await typo.text();
      expect(html).toContain('<h1>No rule "hours.fedral"</h1>');
      expect(html).toContain('Did you mean <a href="/rules/hours.federal"><code>hours.federal</code></a>?');
      const hostile = await fetch(`${url}rules/${encodeURIComponent('<script>alert(1)</script>')}`);
      expect(hostile.status).toBe(404);
      const text = await hostile.text();
      expect(text).toContain('No rule "&lt;script&gt;alert(1)&lt;/script&gt;"');
      expect(text).not.toContain('<script>');
    });
  });

  it('text from a policy is escaped: a custom rule whose title and template hold markup shows them as text', async () => {
    const sneaky = definePolicy({
      id: 'acme.sneaky',
      title: 'No <b>bold</b> & "quoted" calls',
      citation: "Acme's policy <§3>",
      messages: { always: '<img src=x onerror=alert(1)> {zone}' },
      evaluate: () => pass,
    });
    const pack = packsInForce({ custom: [{ id: 'acme', title: 'Acme <house> rules', policies: [sneaky] }] });
    await withTrainer(async (url) => {
      const html = await (await fetch(`${url}rules/acme.sneaky`)).text();
      expect(html).toContain('<code>acme.sneaky</code>: No &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; calls');
      expect(html).toContain('<dd class="citation">Acme&#39;s policy &lt;§3&gt;</dd>');
      expect(html).toContain('<code>&lt;img src=x onerror=alert(1)&gt; {zone}</code>');
      expect(html).toContain('<code>acme</code>: Acme &lt;house&gt; rules');
      expect(html).not.toContain('<img');
      expect(html).toContain('This rule has no documented examples.');
    }, pack);
  });

  it('a rule whose pack has a facts page links to it, and the trainer serves it with every fact\'s confidence mark', async () => {
    await withTrainer(async (url) => {
      const rule = await (await fetch(`${url}rules/hours.canada`)).text();
      expect(rule).toContain(`<dt>Facts</dt><dd class="facts-link"><a href="/rules/canada">Canada&#39;s facts</a>: every fact this pack's rules read, with its citation and confidence mark`);
      // The description's repository path leads to the served page instead.
      expect(rule).toContain('<a href="/rules/canada">docs/rules/canada.md</a>');
      const response = await fetch(`${url}rules/canada`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      const facts = await response.text();
      for (const fact of Object.values(CANADA_FACTS)) expect(facts).toContain(`<td>${escapeHtml(fact.citation)}</td><td class="confidence confidence-${fact.confidence}">${fact.confidence}</td>`);
      expect(facts).toContain('<a href="/rules/states">state table</a>');
      const index = await (await fetch(`${url}rules`)).text();
      expect(index).toContain('<li><a href="/rules/states">The state table</a></li>');
    });
  });

  it('only the facts pages of the packs in force are served, and no other file', async () => {
    await withTrainer(async (url) => {
      for (const path of ['rules/canada', 'rules/states', 'rules/..%2F..%2Fpackage.json', 'rules/rules', 'rules/glossary']) {
        const response = await fetch(`${url}${path}`);
        expect(response.status, path).toBe(404);
        expect(await response.text(), path).toContain('No rule "');
      }
      expect((await fetch(`${url}rules/finra`)).status).toBe(404);
    }, packsInForce({ packs: ['us-federal'] }));
  });

  it('/rules lists every rule with a link to its page; the old markdown address redirects to the page', async () => {
    await withTrainer(async (url) => {
      const index = await (await fetch(`${url}rules`)).text();
      for (const policy of packsInForce().policies) expect(index).toContain(`<a href="/rules/${policy.id}"><code>${policy.id}</code></a>`);
      const old = await fetch(`${url}docs/rules/dnc.national.md`, { redirect: 'manual' });
      expect(old.status).toBe(301);
      expect(old.headers.get('location')).toBe('/rules/dnc.national');
    });
  });
});

describe('the web trainer starts a new round of the level, count and seed the page asks for', () => {
  it('GET /api/drills?level=edge&count=3&seed=7 hands out the drills `dialsim train --level edge --count 3 --seed 7` would, and grades them', async () => {
    await withTrainer(async (url) => {
      const response = await fetch(`${url}api/drills?level=edge&count=3&seed=7`);
      expect(response.status).toBe(200);
      const round = (await response.json()) as { description: string; settings: unknown; drills: { id: string; card: unknown; key?: unknown }[] };
      const expected = generateDrills({ seed: 7, level: 'edge', count: 3 });
      expect(round.description).toBe('3 edge drills, seed 7');
      expect(round.settings).toEqual({ seed: 7, level: 'edge', count: 3, from: null });
      expect(round.drills.map((drill) => drill.id)).toEqual(['edge-7-1', 'edge-7-2', 'edge-7-3']);
      expect(round.drills.map((drill) => drill.card)).toEqual(expected.map((drill) => drillCard(drill)));
      expect(round.drills[0]!.key).toBeUndefined();

      const third = expected[2]!;
      const answer = third.key.verdict === 'allow' ? { kind: 'dial' } : { kind: 'block', rule: third.key.rules[0] };
      const grade = await fetch(`${url}api/grade`, { method: 'POST', body: JSON.stringify({ drillId: 'edge-7-3', answer }) });
      expect(grade.status).toBe(200);
      expect(await grade.json()).toMatchObject({ correct: true, verdict: third.key.verdict });
    });
  });

  it('a field left out keeps the session\'s choice: ?count=1 is one single drill of seed 3', async () => {
    await withTrainer(async (url) => {
      const round = (await (await fetch(`${url}api/drills?count=1`)).json()) as { description: string; drills: { id: string }[] };
      expect(round.description).toBe('1 single drill, seed 3');
      expect(round.drills.map((drill) => drill.id)).toEqual(['single-3-1']);
    });
  });

  it.each([
    ['level=expert', 'level', 'unknown level "expert": choose single, interacting or edge'],
    ['count=0', 'count', 'count must be a whole number from 1 to 10000, got "0"'],
    ['count=10001', 'count', 'count must be a whole number from 1 to 10000, got "10001"'],
    ['count=ten', 'count', 'count must be a whole number from 1 to 10000, got "ten"'],
    ['seed=1.5', 'seed', 'seed must be a whole number from -2147483648 to 4294967295, got "1.5"'],
  ])('?%s is refused with the CLI flag\'s message, naming the field', async (query, field, error) => {
    await withTrainer(async (url) => {
      const response = await fetch(`${url}api/drills?${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error, field });
    });
  });

  it('an id that names no drill of any round is a 404, with the id', async () => {
    await withTrainer(async (url) => {
      for (const drillId of ['single-3-0', 'single-3-10001', 'nope', 'edge-99999999999-1']) {
        const response = await fetch(`${url}api/grade`, { method: 'POST', body: JSON.stringify({ drillId, answer: { kind: 'dial' } }) });
        expect(response.status, drillId).toBe(404);
        expect(await response.json()).toEqual({ error: `no drill "${drillId}" in this session` });
      }
    });
  });

  it('the CSV export neutralises a trainee name a spreadsheet would run as a formula: =HYPERLINK(...) arrives as text', async () => {
    await withTrainer(async (url) => {
      const name = '=HYPERLINK("http://evil.example","x")';
      const body = new URLSearchParams({ format: 'csv', name, answers: JSON.stringify([{ drillId: 'interacting-11-1', answer: { kind: 'dial' } }]), level: 'interacting', count: '4', seed: '11' });
      const [header, row, end] = (await (await fetch(`${url}api/results`, { method: 'POST', body })).text()).split('\r\n');
      expect(header).toBe('trainee,drill,answer,right answer,correct,rules');
      expect(row).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""x""\)",interacting-11-1,dial,/);
      expect(end).toBe('');
    });
  });

  it('the export of a round started in the page records that round\'s settings', async () => {
    await withTrainer(async (url) => {
      const body = new URLSearchParams({ format: 'json', name: 'Ana', answers: JSON.stringify([{ drillId: 'interacting-11-1', answer: { kind: 'dial' } }]), level: 'interacting', count: '4', seed: '11' });
      const exported = (await (await fetch(`${url}api/results`, { method: 'POST', body })).json()) as { session: unknown; drills: { id: string }[] };
      expect(exported.session).toEqual({ seed: 11, level: 'interacting', count: 4, from: null });
      expect(exported.drills.map((drill) => drill.id)).toEqual(['interacting-11-1']);
      const bad = await fetch(`${url}api/results`, { method: 'POST', body: new URLSearchParams({ format: 'csv', answers: '[]', count: '-1' }) });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ error: 'count must be a whole number from 1 to 10000, got "-1"', field: 'count' });
    });
  });
});
