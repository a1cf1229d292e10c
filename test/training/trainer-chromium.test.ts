/**
 * The web trainer in a real browser (issue 5, part 3): Debian's chromium, driven by playwright-core, opens the page
 * served by `startTrainerServer`, answers one drill right and one wrong, and checks the feedback (rule id and
 * citation) and the running score. No console error and no request outside 127.0.0.1 are allowed. The test never
 * skips: without /usr/bin/chromium (or the browser CHROMIUM_PATH names) it fails and says how to install it. It
 * leaves /tmp/dialsim-trainer.png behind.
 */
import { chromiumPath, DEFAULT_CHROMIUM, launchChromium, watchPage } from '../support/chromium.js';
import { describe, expect, test } from 'vitest';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { screenRequest } from '../../src/training/drill-key.js';
import { generateDrills } from '../../src/training/generate-drills.js';
import { startTrainerServer } from '../../src/training/trainer-server.js';
import { gradeSession, resultsJson } from '../../src/training/session.js';
import { readFileSync } from 'node:fs';

const SCREENSHOT = '/tmp/dialsim-trainer.png';


/** Two blocked drills, so both feedback panels show a rule and its citation. */
function setup() {
  const drills = generateDrills({ seed: 5, level: 'interacting', count: 30 }).filter((drill) => drill.key.verdict === 'block').slice(0, 2);
  // The citation a finding reports (a state rule cites the deciding state's statute), as the engine decides it.
  const citationOf = (drill: (typeof drills)[number], rule: string) => screenRequest(drill.request).violations.find((found) => found.rule === rule)!.citation;
  return { drills, citationOf };
}

describe('the browser the tests drive (issue 13: only /usr/bin/chromium was looked at)', () => {
  test('CHROMIUM_PATH names it when set; unset or empty means /usr/bin/chromium', () => {
    expect(chromiumPath({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
    expect(chromiumPath({})).toBe(DEFAULT_CHROMIUM);
    expect(chromiumPath({ CHROMIUM_PATH: '' })).toBe(DEFAULT_CHROMIUM);
  });

  test('a missing browser, named by CHROMIUM_PATH or not, fails with its path and how to install Chromium', () => {
    expect(() => chromiumPath({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      'CHROMIUM_PATH names /nonexistent/chromium, which does not exist: install Chromium (apt-get update && apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium or Chrome executable. .ci/run installs it; browser tests never skip.',
    );
    expect(() => chromiumPath({}, '/nonexistent/usr/bin/chromium')).toThrow(
      '/nonexistent/usr/bin/chromium does not exist: install Chromium (apt-get update && apt-get install -y chromium), or set CHROMIUM_PATH',
    );
  });
});

describe('dialsim train --web in headless Chromium', () => {
  test('one drill answered right and one wrong: feedback names the rule and its citation, the score reads 1 / 2', async () => {
    const { drills, citationOf } = setup();
    expect(drills).toHaveLength(2);
    const [first, second] = drills as [(typeof drills)[0], (typeof drills)[0]];
    const server = await startTrainerServer({ drills, port: 0, description: '2 interacting drills, seed 5' });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const { requests, errors } = watchPage(page);
      await page.goto(server.url);
      await page.locator('dl.card').waitFor();
      expect(await page.locator('#progress').textContent()).toContain(`Drill 1 of 2 · ${first.id}`);
      expect(await page.locator('svg.lifecycle #state-screening').count()).toBe(1);

      // Right: don't dial, naming the first rule that blocks the call.
      const rightRule = first.key.rules[0]!;
      await page.click('#nodial');
      await page.check(`#rule-${rightRule.replace(/\./g, '\\.')}`);
      await page.click('#submit-rule');
      await page.locator('#feedback.shown').waitFor();
      const rightFeedback = (await page.locator('#feedback').textContent())!;
      expect(rightFeedback).toContain(`Right: do not dial. ${rightRule} blocks this call.`);
      expect(rightFeedback).toContain(rightRule);
      expect(rightFeedback).toContain(citationOf(first, rightRule));
      expect(await page.locator('#score').textContent()).toBe('Score 1 / 1');
      expect(await page.locator('#state-blocked.on').count()).toBe(1);

      // Wrong: dial a call that must not be dialed.
      await page.click('#next');
      await page.locator('#progress', { hasText: second.id }).waitFor();
      await page.click('#dial');
      await page.locator('#feedback.shown').waitFor();
      const wrongFeedback = (await page.locator('#feedback').textContent())!;
      expect(wrongFeedback).toContain(`Wrong: do not dial this call. Blocked by ${second.key.rules.join(', ')}.`);
      for (const rule of second.key.rules) expect(wrongFeedback).toContain(citationOf(second, rule));
      expect(await page.locator('#score').textContent()).toBe('Score 1 / 2');

      // The end screen reviews the one mistake, as the terminal's review does: the answer, the right one, rules, citations.
      await page.click('#next');
      await page.locator('#review').waitFor();
      expect(await page.locator('#review h3').textContent()).toBe('Review of 1 mistake');
      expect(await page.locator('#review .mistake').count()).toBe(1);
      const review = (await page.locator('#review .mistake').textContent())!;
      expect(review).toContain(`${second.id}: you said dial; the answer is don't dial (${second.key.rules.join(' or ')}).`);
      for (const rule of second.key.rules) {
        expect(review).toContain(rule);
        expect(review).toContain(citationOf(second, rule));
      }
      expect(review).not.toContain(first.id);

      // Named and exported: the same dialsim.training-results/1 JSON as `train --json`, and one CSV row per drill.
      await page.fill('#trainee', 'Ana Souza');
      const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
      const exported = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as Record<string, unknown>;
      const expected = resultsJson({ seed: null, level: null, count: 2, from: null }, gradeSession(drills, [{ kind: 'block', rule: rightRule }, { kind: 'dial' }]));
      expect(exported).toEqual({ ...(expected as object), trainee: 'Ana Souza' });
      expect(jsonDownload.suggestedFilename()).toBe('dialsim-training-results.json');
      const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      expect(readFileSync((await csvDownload.path())!, 'utf8')).toBe(
        'trainee,drill,answer,right answer,correct,rules\r\n' +
          `Ana Souza,${first.id},block ${rightRule},block ${first.key.rules.join(' ')},true,${first.key.rules.join(' ')}\r\n` +
          `Ana Souza,${second.id},dial,block ${second.key.rules.join(' ')},false,${second.key.rules.join(' ')}\r\n`,
      );
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      expect(errors).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test('a rule link opens the rule page the trainer renders; a new round takes the level, count and seed chosen in the page', async () => {
    const { drills } = setup();
    const first = drills[0]!;
    const server = await startTrainerServer({ drills: drills.slice(0, 1), port: 0, description: '1 interacting drill, seed 5', settings: { seed: 5, level: 'interacting', count: 1, from: null } });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      const page = await context.newPage();
      const { requests, errors } = watchPage(page);
      await page.goto(server.url);
      await page.locator('dl.card').waitFor();
      // The form starts from the session's own choice.
      expect(await page.inputValue('#round-level')).toBe('interacting');
      expect(await page.inputValue('#round-count')).toBe('1');
      expect(await page.inputValue('#round-seed')).toBe('5');

      await page.click('#dial');
      await page.locator('#feedback.shown').waitFor();
      const rule = first.key.rules[0]!;
      const link = page.locator('#feedback a.rule-page').first();
      expect(await link.getAttribute('href')).toBe(`/rules/${rule}`);
      const [rulePage] = await Promise.all([context.waitForEvent('page'), link.click()]);
      const ruleWatch = watchPage(rulePage);
      await rulePage.waitForLoadState();
      const policy = packsInForce().policies.find((candidate) => candidate.id === rule)!;
      expect(await rulePage.locator('h1').textContent()).toBe(`${rule}: ${policy.title}`);
      expect(await rulePage.locator('dd.citation').textContent()).toBe(policy.citation);
      expect(await rulePage.locator('#when p').textContent()).toBe(policy.description.replace(/`/g, ''));
      expect(await rulePage.locator('#messages tbody tr').count()).toBe(Object.keys(policy.messages).length);
      expect(await rulePage.locator('#examples .example').count()).toBe(policy.examples.length);
      await rulePage.screenshot({ path: '/tmp/dialsim-trainer-rule-page.png', fullPage: true });
      expect(ruleWatch.errors).toEqual([]);
      await rulePage.close();

      // A new round: two edge drills of seed 7, as `dialsim train --level edge --count 2 --seed 7` hands out.
      await page.selectOption('#round-level', 'edge');
      await page.fill('#round-count', '2');
      await page.fill('#round-seed', '7');
      await page.click('#round-start');
      await page.locator('#progress', { hasText: 'Drill 1 of 2 · edge-7-1' }).waitFor();
      expect(await page.locator('#session').textContent()).toBe('2 edge drills, seed 7');
      expect(await page.locator('#score').textContent()).toBe('Score 0 / 0');
      const edge = generateDrills({ seed: 7, level: 'edge', count: 2 });
      for (const drill of edge) {
        await page.click('#dial');
        await page.locator('#feedback.shown').waitFor();
        expect(await page.locator('#feedback .verdict').textContent()).toMatch(drill.key.verdict === 'allow' ? /^Right/ : /^Wrong/);
        await page.click('#next');
      }
      await page.locator('#review').waitFor();
      const right = edge.filter((drill) => drill.key.verdict === 'allow').length;
      expect(await page.locator('.done .big').textContent()).toBe(`${right} of 2 right`);
      // The next round's seed is offered, so the trainee gets drills not yet seen.
      expect(await page.inputValue('#round-seed')).toBe('8');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
      const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { session: unknown; drills: { id: string }[] };
      expect(exported.session).toEqual({ seed: 7, level: 'edge', count: 2, from: null });
      expect(exported.drills.map((drill) => drill.id)).toEqual(['edge-7-1', 'edge-7-2']);
      await page.screenshot({ path: '/tmp/dialsim-trainer-new-round.png', fullPage: true });

      expect(errors).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
      expect(ruleWatch.requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test('a count out of range is refused in the page with the CLI flag\'s message; an unknown rule gets a page naming it', async () => {
    const server = await startTrainerServer({ drills: generateDrills({ seed: 2, level: 'single', count: 1 }), port: 0, description: '1 single drill, seed 2' });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const { errors } = watchPage(page);
      await page.goto(server.url);
      await page.locator('dl.card').waitFor();
      await page.fill('#round-count', '0');
      await page.click('#round-start');
      await page.locator('#round-error', { hasText: 'count' }).waitFor();
      expect(await page.locator('#round-error').textContent()).toBe('count must be a whole number from 1 to 10000, got "0"');
      // The round in progress is left as it was.
      expect(await page.locator('#progress').textContent()).toContain('Drill 1 of 1 · single-2-1');
      // The refused request is the one error the browser reports.
      expect(errors).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);

      const missing = await page.goto(`${server.url}rules/hours.fedral`);
      expect(missing!.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('No rule "hours.fedral"');
      expect(await page.locator('#unknown a').first().getAttribute('href')).toBe('/rules/hours.federal');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
