import { describe, expect, it } from 'vitest';
import { breachesSection } from '../../src/report/breaches-section.js';
import { renderReport } from '../../src/report/render-report.js';
import type { ScenarioBreach, ScenarioResult } from '../../src/scenario/run-scenario.js';
import { reportFixtures } from './report-fixtures.js';
import { sectionOf, tagsWith } from './report-markup.js';

/** The report's Compliance part: the verdict line, then each breach with its rule, citation, mark and status. */

const breach = (overrides: Partial<ScenarioBreach> = {}): ScenarioBreach => ({
  rule: 'ring.duration',
  title: 'An unanswered call rings at least 15 seconds or four rings before it is disconnected',
  jurisdiction: 'CA',
  citation: 'CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules), predictive dialing',
  confidence: 'U',
  source: 'rules.md §9 has no Canadian ring-time rule',
  note: 'Unconfirmed: calls to Canadian numbers are held to the US rule, the stricter reading, and marked U.',
  messageId: 'hungUpEarly',
  data: { attemptId: 'A0000001', rangSeconds: 5, ringingAt: '2026-03-10T14:00:00Z' },
  message: 'A0000001 rang for 5 s from 2026-03-10T14:00:00Z and was given up as unanswered: under 15 s (or four rings)',
  occurrences: 1,
  attemptIds: ['A0000001'],
  first: '2026-03-10T14:00:00Z',
  expected: false,
  ...overrides,
});

const resultWith = (breaches: ScenarioBreach[], passed = breaches.every((found) => found.expected)) =>
  ({ expectations: [{ description: 'd', passed: true, expected: 'e', actual: 'a' }], breaches, passed }) as unknown as ScenarioResult;

describe('breachesSection', () => {
  it('lists each breach with its rule, where, what happened, citation with its mark and note, occurrences and status', () => {
    const markup = breachesSection(resultWith([breach()])).value;
    expect(markup).toContain('<strong>expectations 1/1 held · compliance: 1 breach, unexpected</strong>');
    expect(markup).toContain('Failed: a scenario passes when every expectation held and every compliance breach was expected.');
    const [row] = tagsWith(markup, 'tr', 'data-rule=');
    expect(row).toEqual({ class: 'failed', 'data-rule': 'ring.duration', 'data-jurisdiction': 'CA', 'data-expected': 'false' });
    expect(markup).toContain('CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules), predictive dialing <abbr class="confidence" title="unconfirmed: the stricter reading">[U]</abbr>');
    expect(markup).toContain('Attempts: A0000001</span>');
    expect(markup).toContain('<span class="ko">✗ unexpected</span>');
  });

  it('marks an expected breach as such, and says when only the first attempts are listed', () => {
    const many = breach({ expected: true, occurrences: 25, attemptIds: ['A0000001', 'A0000002'] });
    const markup = breachesSection(resultWith([many])).value;
    expect(markup).toContain('<span class="ok">expected</span>');
    expect(markup).toContain('Attempts: A0000001, A0000002 …');
    expect(markup).toContain('compliance: 1 breach, expected');
  });

  it('says which obligations were checked when there is no breach', () => {
    const markup = breachesSection(resultWith([])).value;
    expect(markup).toContain('compliance: no breaches');
    expect(markup).toContain('No breach of the campaign-level obligations');
    expect(markup).not.toContain('<table');
  });

  it('escapes what comes from the run: a seller name in a message cannot become markup', () => {
    const markup = breachesSection(resultWith([breach({ message: 'to <b>acme</b>' })])).value;
    expect(markup).toContain('to &lt;b&gt;acme&lt;/b&gt;');
  });

  it('appears in each scenario of the report, after the expectations, and the page says what "passed" means', () => {
    const fixtures = reportFixtures();
    try {
      const html = renderReport(fixtures.results);
      expect(html).toContain('A scenario passes when every expectation held and every compliance breach was expected.');
      for (const index of [1, 2, 3]) {
        const section = sectionOf(html, index);
        expect(section.indexOf('<h3>Compliance</h3>')).toBeGreaterThan(section.indexOf('<h3>Expectations</h3>'));
        expect(section.indexOf('<h3>Compliance</h3>')).toBeLessThan(section.indexOf('<h3>Key counts</h3>'));
      }
      // The predictive fixture is over the cap with no breach expectation: its breach is listed, unexpected.
      expect(tagsWith(sectionOf(html, 2), 'p', 'class="compliance-line"')).toEqual([{ class: 'compliance-line', 'data-breaches': '1', 'data-unexpected': '1' }]);
    } finally {
      fixtures.cleanup();
    }
  });
});
