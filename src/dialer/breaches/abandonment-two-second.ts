import { formatInstantUtc } from '../../core/instant.js';
import type { CitedFact } from '../../core/cited-fact.js';
import { CANADA_FACTS } from '../../../policies/canada/canada-facts.js';
import type { AbandonmentJurisdiction } from '../abandonment-by-jurisdiction.js';
import { defineObligation, Occurrences, secondsBetween } from './obligation.js';
import { CallsInProgress } from './calls-in-progress.js';

/**
 * The 2-second rule: a call answered by a person is abandoned unless a live agent takes it within 2 seconds of the
 * completed greeting. The limit is read here, not from the lifecycle machine's delay, so that a machine or a dialer
 * that waits longer is caught rather than trusted.
 */
export const TWO_SECOND_LIMIT_MS: CitedFact<number> = {
  value: 2_000,
  citation: '16 CFR 310.4(b)(1)(iv), safe harbor 310.4(b)(4); 47 CFR 64.1200(a)(7)',
  confidence: 'P',
  source: 'rules.md §5: the FTC text reproduced at dnc.com [P], lexology and telemarketingrules.com [S]',
};

const CANADA_TWO_SECONDS: CitedFact<string> = {
  value: 'a live answer reaches a representative within 2 seconds, or the call is abandoned',
  citation: CANADA_FACTS.abandonmentCapPercent.citation,
  confidence: 'S',
  source: 'rules.md §9: a CRTC summary on scribd [S]',
};

/** Answered calls waiting for an agent, by attempt: when the greeting ended. */
type Waiting = CallsInProgress<{ at: number; jurisdiction: AbandonmentJurisdiction }>;

export const abandonmentTwoSecond = defineObligation({
  id: 'abandonment.two-second',
  title: 'A live answer reaches an agent within 2 seconds of the greeting, or counts as abandoned',
  description:
    'Breached by a call answered by a person and connected to an agent more than 2 seconds after the greeting: the ' +
    'law counts it as abandoned (and so does the `abandonment.rate` check), the dialer counted it as a connect.',
  law: {
    US: { ...TWO_SECOND_LIMIT_MS, value: 'a live answer reaches a sales representative within 2 seconds of the completed greeting, or the call is abandoned' },
    CA: CANADA_TWO_SECONDS,
  },
  messages: {
    connectedLate: '{attemptId} was answered at {answeredAt} and reached an agent {waitedSeconds} s later: after 2 s it is an abandoned call, not a connect',
  },
  start() {
    const waiting: Waiting = new CallsInProgress();
    const found = new Occurrences();
    return {
      observe(record, { jurisdiction, at }) {
        if (record.type !== 'transition' || jurisdiction === null) return;
        if (record.to === 'answered') waiting.set(record.attemptId, { at, jurisdiction });
        else if (record.from === 'answered') {
          const answered = waiting.get(record.attemptId);
          waiting.delete(record.attemptId);
          if (answered === undefined || record.to !== 'connected' || at - answered.at <= TWO_SECOND_LIMIT_MS.value) return;
          const data = { attemptId: record.attemptId, answeredAt: formatInstantUtc(answered.at), waitedSeconds: secondsBetween(answered.at, at) };
          found.add(jurisdiction, 'connectedLate', data, record.attemptId, data.answeredAt);
        }
      },
      breaches: () => found.drafts(),
    };
  },
});
