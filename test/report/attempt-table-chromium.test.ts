/**
 * Issue 12 §3 in a real browser: the report's attempt tables filter by verdict and by rule in the page itself, their
 * counts match the audit log the same run wrote, the rule links land on the rules appendix, and nothing is
 * requested or logged as an error. Leaves a screenshot (/tmp/dialsim-attempts.png) and a printed PDF
 * (/tmp/dialsim-report.pdf, and its first page as /tmp/dialsim-report-page-1.png when pdftoppm is installed) for a
 * person to look at.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, test as base } from 'vitest';
import { MemoryAuditSink, type AttemptRecord, type AuditRecord } from '../../src/dialer/audit-log.js';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { renderReport } from '../../src/report/render-report.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario, type ScenarioResult } from '../../src/scenario/run-scenario.js';
import { launchChromium, watchPage } from '../support/chromium.js';
import { repoRoot } from '../support/built-package.js';
import { reportFixtures } from './report-fixtures.js';

const SCREENSHOT = '/tmp/dialsim-attempts.png';
const PDF = '/tmp/dialsim-report.pdf';

interface Opened {
  readonly page: Page;
  readonly url: string;
  readonly results: readonly ScenarioResult[];
  /** Each scenario's attempt records, read back from the audit log its run wrote. */
  readonly logs: readonly AttemptRecord[][];
  readonly requests: readonly string[];
  readonly errors: readonly string[];
}

const test = base.extend<{ opened: Opened }>({
  opened: [
    async ({}, use) => {
      const fixtures = reportFixtures();
      const pack = packsInForce({ packs: ['us-federal'] });
      // The fixture scenarios run again, each with an audit log, plus the library's business-lines story.
      const files = [join(repoRoot, 'scenarios/01-single-call.yaml'), join(fixtures.dir, 'predictive-floor.yaml'), join(repoRoot, 'scenarios/11-business-lines.yaml')];
      const logs: AttemptRecord[][] = [];
      const results = files.map((file) => {
        const audit = new MemoryAuditSink();
        const result = runScenario(loadScenario(file, { pack }), { pack, audit });
        logs.push(audit.lines.map((line) => JSON.parse(line) as AuditRecord).filter((record): record is AttemptRecord => record.type === 'attempt'));
        return result;
      });
      const file = join(fixtures.dir, 'report.html');
      writeFileSync(file, renderReport(results));
      const url = pathToFileURL(file).href;
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const { requests, errors } = watchPage(page);
        await page.goto(url, { waitUntil: 'load' });
        await use({ page, url, results, logs, requests, errors });
      } finally {
        await browser.close();
        fixtures.cleanup();
      }
    },
    { scope: 'file' },
  ],
});

const table = (page: Page, scenario: number) => page.locator(`section[data-scenario="${scenario}"] [data-attempt-table]`);
const visibleRows = (page: Page, scenario: number) =>
  table(page, scenario).locator('tbody tr').evaluateAll((rows) => rows.filter((row) => !(row as unknown as { hidden: boolean }).hidden).map((row) => (row as unknown as { dataset: Record<string, string> }).dataset['attempt']!));

describe('the attempt tables in headless Chromium', () => {
  test('show the filter form (the script ran), with no request but the file and no console error', async ({ opened }) => {
    expect(await opened.page.locator('form.attempt-filter:visible').count()).toBe(3);
    expect(opened.requests).toEqual([opened.url]);
    expect(opened.errors).toEqual([]);
  });

  test('list every attempt of the audit log, and the verdict filter shows exactly the log’s allowed and blocked ones', async ({ opened }) => {
    const { page, logs } = opened;
    for (const [index, log] of logs.entries()) {
      const scenario = index + 1;
      const form = table(page, scenario).locator('form');
      expect(await visibleRows(page, scenario)).toEqual(log.map((record) => record.attemptId));
      for (const verdict of ['allow', 'block'] as const) {
        await form.locator('select[name="verdict"]').selectOption(verdict);
        const expected = log.filter((record) => record.verdict === verdict).map((record) => record.attemptId);
        expect(await visibleRows(page, scenario), `scenario ${scenario}, ${verdict}`).toEqual(expected);
        expect(await form.locator('[data-shown]').textContent()).toBe(`${expected.length.toLocaleString('en-US')} of ${log.length.toLocaleString('en-US')} shown`);
      }
      await form.locator('select[name="verdict"]').selectOption('');
    }
  });

  test('the rule filter shows the attempts a rule blocked or was lifted on, and combines with the verdict', async ({ opened }) => {
    const { page, logs } = opened;
    const log = logs[1]!;
    const form = table(page, 2).locator('form');
    const rules = await form.locator('select[name="rule"] option').evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value).filter((value) => value !== ''));
    expect(rules).toContain('consent.autodial-wireless');
    for (const rule of rules) {
      await form.locator('select[name="rule"]').selectOption(rule);
      const expected = log.filter((record) => [...record.violations, ...record.exemptions].some((finding) => finding.rule === rule)).map((record) => record.attemptId);
      expect(expected.length, rule).toBeGreaterThan(0);
      expect(await visibleRows(page, 2), rule).toEqual(expected);
    }
    await form.locator('select[name="verdict"]').selectOption('allow');
    await form.locator('select[name="rule"]').selectOption('hours.federal');
    expect(await visibleRows(page, 2)).toEqual([]);
    await form.locator('select[name="verdict"]').selectOption('block');
    await table(page, 2).locator('h3').scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT });
    await form.locator('select[name="verdict"]').selectOption('');
    await form.locator('select[name="rule"]').selectOption('');
  });

  test('a rule link lands on the rule’s page in the appendix, which gives its citation', async ({ opened }) => {
    const { page } = opened;
    await table(page, 3).locator('a[href="#rule-hours.federal"]').first().click();
    expect(new URL(page.url()).hash).toBe('#rule-hours.federal');
    const target = page.locator('article:target');
    expect(await target.getAttribute('data-rule-page')).toBe('hours.federal');
    expect(await target.locator('.citation').textContent()).toBe('47 CFR 64.1200(c)(1); 16 CFR 310.4(c)');
    expect(await target.isVisible()).toBe(true);
  });

  test('prints to a PDF without the filter form: the print style sheet applies', async ({ opened }) => {
    const { page } = opened;
    expect(await page.locator('.attempts-scroll').first().evaluate((element) => (globalThis as unknown as { getComputedStyle(element: unknown): { maxHeight: string } }).getComputedStyle(element).maxHeight)).toBe('640px');
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('form.attempt-filter').first().isVisible()).toBe(false);
      const style = (selector: string) => page.locator(selector).first().evaluate((element) => (globalThis as unknown as { getComputedStyle(element: unknown): { display: string; maxHeight: string } }).getComputedStyle(element));
      expect((await style('thead')).display).toBe('table-header-group');
      // On screen a long table scrolls in a box; printed, every row is on the page.
      expect((await style('.attempts-scroll')).maxHeight).toBe('none');
      const pdf = await page.pdf({ path: PDF, preferCSSPageSize: true, printBackground: false });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    if (spawnSync('pdftoppm', ['-v']).error === undefined) {
      const converted = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', PDF, '/tmp/dialsim-report-page']);
      expect(converted.status).toBe(0);
    }
  });
});
