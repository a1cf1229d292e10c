import { CANADA_FACTS } from '../../../policies/canada/canada-facts.js';
import { ABANDONMENT_LIMITS, AbandonmentByJurisdiction, type AbandonmentJurisdiction } from '../abandonment-by-jurisdiction.js';
import { TWO_SECOND_LIMIT_MS } from './abandonment-two-second.js';
import { defineObligation, type BreachDraft } from './obligation.js';
import { CallsInProgress } from './calls-in-progress.js';

const percent = (share: number) => `${(share * 100).toFixed(2)}%`;

export const abandonmentRate = defineObligation({
  id: 'abandonment.rate',
  title: 'Abandoned calls stay within the cap: 3% of live answers per 30 days (US), 5% per calendar month (Canada)',
  description:
    'Breached when, on the calls to one jurisdiction\'s numbers, abandoned calls are more than its cap of the calls ' +
    'answered by a person in some measured period: every 30-day window (UTC days) for US numbers, each calendar ' +
    'month (UTC) for Canadian ones. Counted from the records by the 2-second rule: a call connected more than 2 s ' +
    'after the greeting counts as abandoned, whatever the dialer called it. Scripted calls count with the campaign\'s.',
  law: {
    US: {
      value: `${ABANDONMENT_LIMITS.US.cap * 100}% of live answers over every 30-day period`,
      citation: ABANDONMENT_LIMITS.US.citation,
      confidence: ABANDONMENT_LIMITS.US.confidence,
      source: 'rules.md §5: the FTC text reproduced at dnc.com [P]; the FCC quote in a repository [S]',
    },
    CA: {
      value: `${ABANDONMENT_LIMITS.CA.cap * 100}% of live answers per calendar month`,
      citation: ABANDONMENT_LIMITS.CA.citation,
      confidence: ABANDONMENT_LIMITS.CA.confidence,
      source: `cap: ${CANADA_FACTS.abandonmentCapPercent.source}; window: ${CANADA_FACTS.abandonmentWindow.source}`,
      note: CANADA_FACTS.abandonmentWindow.note,
    },
  },
  messages: {
    overCap: '{abandoned} of {answered} calls answered by a person were abandoned ({rate}) in {period}, over the {cap} cap (periods over the cap: {periodsOver} of {periods} measured)',
  },
  start() {
    const measured = new AbandonmentByJurisdiction();
    // Calls answered and not yet connected or abandoned: when the greeting ended, the instant the rate is counted at.
    const answeredAt = new CallsInProgress<number>();
    return {
      observe(record, { jurisdiction, at }) {
        if (record.type !== 'transition' || jurisdiction === null) return;
        if (record.to === 'answered') {
          answeredAt.set(record.attemptId, at);
          measured.record(jurisdiction, 'answered', at);
          return;
        }
        if (record.from !== 'answered') return;
        const answered = answeredAt.get(record.attemptId) ?? at;
        answeredAt.delete(record.attemptId);
        const late = record.to === 'connected' && at - answered > TWO_SECOND_LIMIT_MS.value;
        if (record.to === 'abandoned' || late) measured.record(jurisdiction, 'abandoned', answered);
      },
      breaches() {
        return measured.report().flatMap((entry): BreachDraft[] => {
          const over = entry.periods.filter((period) => period.rate > entry.cap);
          if (over.length === 0) return [];
          const worst = over.reduce((a, b) => (b.rate > a.rate ? b : a));
          const data = {
            jurisdiction: entry.jurisdiction,
            abandoned: worst.abandoned,
            answered: worst.answered,
            rate: percent(worst.rate),
            cap: `${entry.cap * 100}%`,
            period: periodWords(entry.jurisdiction, worst.period),
            periodsOver: over.length,
            periods: entry.periods.length,
          };
          return [{ jurisdiction: entry.jurisdiction, messageId: 'overCap', data, occurrences: over.length, attemptIds: [], first: over[0]!.period }];
        });
      },
    };
  },
});

/** A measured period in words: a US window is named by its last day, a Canadian one is a month. */
function periodWords(jurisdiction: AbandonmentJurisdiction, period: string): string {
  return jurisdiction === 'US' ? `the 30 days ending ${period}` : `calendar month ${period}`;
}
