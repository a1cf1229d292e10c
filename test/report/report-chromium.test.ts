/**
 * The HTML report in a real browser (issue 4, part 4): Debian's chromium, driven by playwright-core, opens the
 * report from a file. It must render without a single network request or console error, and every scenario must
 * show its four charts with the run's counts. The test never skips: without /usr/bin/chromium it fails and says
 * how to install it (.ci/run does). It leaves a screenshot at /tmp/dialsim-report.png for a person to look at.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, watchPage } from '../support/chromium.js';
import { describe, expect, test as base } from 'vitest';
import { formatCount } from '../../src/report/format.js';
import { renderReport } from '../../src/report/render-report.js';
import type { ScenarioResult } from '../../src/scenario/run-scenario.js';
import { reportFixtures } from './report-fixtures.js';

const SCREENSHOT = '/tmp/dialsim-report.png';
const CHART_KINDS = ['attempts-by-day', 'attempts-by-local-hour', 'abandonment', 'funnel'];

interface OpenedReport {
  readonly results: readonly ScenarioResult[];
  readonly page: Page;
  readonly url: string;
  /** Every request the page made, the report file's own included. */
  readonly requests: readonly string[];
  /** Console errors and uncaught page errors. */
  readonly errors: readonly string[];
}


/** One browser and one rendered report for the whole file, closed and removed when the file's tests end. */
const test = base.extend<{ report: OpenedReport }>({
  report: [
    async ({}, use) => {
      const fixtures = reportFixtures();
      const file = join(fixtures.dir, 'report.html');
      writeFileSync(file, renderReport(fixtures.results, { generatedBy: 'dialsim report test' }));
      const url = pathToFileURL(file).href;
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const { requests, errors } = watchPage(page);
        await page.goto(url, { waitUntil: 'load' });
        await page.screenshot({ path: SCREENSHOT, fullPage: true });
        await use({ results: fixtures.results, page, url, requests, errors });
      } finally {
        await browser.close();
        fixtures.cleanup();
      }
    },
    { scope: 'file' },
  ],
});

/** The `data-*` attributes of every element matching `selector`. */
const dataOf = (page: Page, selector: string) =>
  page.$$eval(selector, (elements) => elements.map((element) => ({ ...(element as unknown as { dataset: Record<string, string> }).dataset })));

const sum = (values: readonly (string | undefined)[]) => values.reduce((total, value) => total + Number(value ?? 0), 0);

describe('the HTML report in headless Chromium', () => {
  test('loads with no request but the file itself and no console error', async ({ report }) => {
    expect(report.requests).toEqual([report.url]);
    expect(report.errors).toEqual([]);
  });

  test('shows one section per scenario, each with the four charts', async ({ report }) => {
    const { page, results } = report;
    expect(await page.locator('section.scenario').count()).toBe(results.length);
    for (const [index] of results.entries()) {
      const section = page.locator(`section[data-scenario="${index + 1}"]`);
      const kinds = await section.locator('svg.chart').evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('data-chart')));
      expect(kinds).toEqual(CHART_KINDS);
      for (const kind of CHART_KINDS) {
        const svg = section.locator(`svg[data-chart="${kind}"]`);
        expect(await svg.getAttribute('role')).toBe('img');
        const box = await svg.boundingBox();
        expect(box?.width, `${kind} of scenario ${index + 1} is drawn`).toBeGreaterThan(300);
        expect(box?.height).toBeGreaterThan(120);
      }
    }
  });

  test("plots the run's counts: attempts and blocks by rule per day, and attempts by local hour", async ({ report }) => {
    const { page, results } = report;
    for (const [index, result] of results.entries()) {
      const scope = `section[data-scenario="${index + 1}"]`;
      const [byDay] = await dataOf(page, `${scope} svg[data-chart="attempts-by-day"]`);
      expect(Number(byDay!['attempts'])).toBe(result.counts.attempts);
      expect(Number(byDay!['allowed'])).toBe(result.counts.allowed);
      expect(Number(byDay!['blocked'])).toBe(result.counts.blocked);
      expect(JSON.parse(byDay!['blockedByRule']!)).toEqual(result.counts.blockedByRule);
      const bars = await dataOf(page, `${scope} svg[data-chart="attempts-by-day"] g.bar`);
      expect(sum(bars.map((bar) => bar['total']))).toBe(result.counts.attempts);
      const allowedSegments = await dataOf(page, `${scope} svg[data-chart="attempts-by-day"] rect[data-series="allowed"]`);
      expect(sum(allowedSegments.map((segment) => segment['count']))).toBe(result.counts.allowed);

      const withLocalTime = result.attempts.filter(({ record }) => record.localTimes.length > 0).length;
      const hourSegments = await dataOf(page, `${scope} svg[data-chart="attempts-by-local-hour"] rect.segment`);
      expect(sum(hourSegments.map((segment) => segment['count']))).toBe(withLocalTime);
      const allowedByHour = await dataOf(page, `${scope} svg[data-chart="attempts-by-local-hour"] rect[data-series="allowed"]`);
      expect(sum(allowedByHour.map((segment) => segment['count']))).toBe(result.attempts.filter(({ record }) => record.localTimes.length > 0 && record.verdict === 'allow').length);
    }
    // 01-single-call: the 20:30 Denver call is allowed, the 21:30 one blocked, outside the shaded window.
    const single = 'section[data-scenario="1"] svg[data-chart="attempts-by-local-hour"]';
    expect(await dataOf(page, `${single} g.bar[data-total="1"]`)).toEqual([
      { category: '20', total: '1' },
      { category: '21', total: '1' },
    ]);
    expect(await page.locator(`${single} g.bar[data-category="20"] rect`).getAttribute('data-series')).toBe('allowed');
    expect(await page.locator(`${single} g.bar[data-category="21"] rect`).getAttribute('data-series')).toBe('blocked');
    expect(await page.locator(`${single} .band-label`).textContent()).toBe('Permitted 08:00–21:00');
  });

  test('plots the abandonment rate against the cap and the outcome funnel', async ({ report }) => {
    const { page, results } = report;
    for (const [index, result] of results.entries()) {
      const scope = `section[data-scenario="${index + 1}"]`;
      const [abandonment] = await dataOf(page, `${scope} svg[data-chart="abandonment"]`);
      if (result.campaign !== null) {
        const points = await dataOf(page, `${scope} svg[data-chart="abandonment"] circle.point`);
        expect(points.map((point) => [point['day'], Number(point['answered']), Number(point['abandoned'])])).toEqual(
          result.campaign.abandonment.rolling.map((entry) => [entry.day, entry.answered, entry.abandoned]),
        );
        expect(Number(abandonment!['cap'])).toBe(result.campaign.abandonment.cap);
        expect(Number(abandonment!['maxRate'])).toBeCloseTo(result.counts.maxAbandonmentRate, 6);
      } else {
        expect(abandonment!['mode']).toBe('single');
        expect(Number(abandonment!['answered'])).toBe(result.counts.answered);
        expect(Number(abandonment!['abandoned'])).toBe(result.counts.abandoned);
      }
      const stages = await dataOf(page, `${scope} svg[data-chart="funnel"] g.stage`);
      const { counts } = result;
      const meetingsAndSales = (counts.outcomes['meeting'] ?? 0) + (counts.outcomes['sale'] ?? 0);
      if (counts.attempts > 0) {
        expect(stages.map((stage) => [stage['stage'], Number(stage['count'])])).toEqual([
          ['attempts', counts.attempts],
          ['allowed', counts.allowed],
          ['answered', counts.answered],
          ['connects', counts.connects],
          ['meetingsAndSales', meetingsAndSales],
        ]);
      }
    }
    // The campaign's dashed cap line is drawn, and the days over it are marked.
    const campaign = 'section[data-scenario="2"] svg[data-chart="abandonment"]';
    expect(await page.locator(`${campaign} .cap-label`).textContent()).toBe('Cap 3%');
    expect(await page.locator(`${campaign} circle.over-cap`).count()).toBe(results[1]!.campaign!.abandonment.rolling.filter((entry) => entry.rate > 0.03).length);
  });

  test('shows the counts as visible text: key counts, legends and funnel labels', async ({ report }) => {
    const { page, results } = report;
    for (const [index, result] of results.entries()) {
      const scope = `section[data-scenario="${index + 1}"]`;
      expect(await page.locator(`${scope} .tile[data-count="attempts"] dd`).innerText()).toBe(formatCount(result.counts.attempts));
      expect(await page.locator(`${scope} .tile[data-count="connects"] dd`).innerText()).toBe(formatCount(result.counts.connects));
      if (result.counts.attempts > 0) {
        expect(await page.locator(`${scope} [data-chart-card="attempts-by-day"] li[data-legend="allowed"]`).innerText()).toMatch(new RegExp(`^Allowed\\s+${formatCount(result.counts.allowed)}$`));
        const values = await page.locator(`${scope} svg[data-chart="funnel"] .stage-value`).allTextContents();
        expect(values[0]).toMatch(new RegExp(`^${formatCount(result.counts.attempts)}\\s+100\\.0%$`));
      }
    }
    // The scenario without attempts says so in every chart instead of drawing empty axes.
    const quiet = page.locator('section[data-scenario="3"] svg.chart .empty-message');
    expect(await quiet.count()).toBe(4);
    // The failed abandonment expectation is highlighted, with expected against actual.
    const failed = page.locator('section[data-scenario="2"] table.expectations:not(.breaches) tr.failed');
    expect(await failed.count()).toBe(1);
    expect(await failed.innerText()).toContain('<= 3.00%');
    // So is the abandonment.rate breach that no expectation names, with its citation.
    const breach = page.locator('section[data-scenario="2"] table.breaches tr.failed');
    expect(await breach.count()).toBe(1);
    expect(await breach.innerText()).toContain('47 CFR 64.1200(a)(7)');
    expect(await page.locator('table.summary tbody tr.failed').count()).toBe(results.filter((result) => !result.passed).length);
  });

  test('fits a 1280-pixel window without sideways scrolling', async ({ report }) => {
    const overflow = await report.page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
