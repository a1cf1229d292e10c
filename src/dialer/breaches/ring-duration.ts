import { formatInstantUtc } from '../../core/instant.js';
import { defineObligation, Occurrences, secondsBetween } from './obligation.js';
import { CallsInProgress } from './calls-in-progress.js';

/** The shortest ring before an unanswered call may be given up. Four rings take longer, so 15 s meets the rule either way. */
export const MIN_RING_BEFORE_GIVING_UP_MS = 15_000;

export const ringDuration = defineObligation({
  id: 'ring.duration',
  title: 'An unanswered call rings at least 15 seconds or four rings before it is disconnected',
  description:
    'Breached by a call that went from `ringing` to `no-answer` less than 15 seconds after it started ringing. ' +
    'dialsim records seconds, not rings; four rings last longer than 15 s, so 15 s is the measure.',
  law: {
    US: {
      value: 'an unanswered call rings for at least 15 seconds or four rings before it is disconnected',
      citation: '16 CFR 310.4(b)(4); 47 CFR 64.1200(a)(6)',
      confidence: 'P',
      source: 'rules.md §5: the FTC text reproduced at dnc.com [P]; the FCC rule quoted at telemarketingrules.com [S]',
    },
    CA: {
      value: 'held to the US standard: 15 seconds or four rings',
      citation: 'CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules), predictive dialing',
      confidence: 'U',
      source: 'rules.md §9 has no Canadian ring-time rule',
      note: 'Unconfirmed: calls to Canadian numbers are held to the US rule, the stricter reading, and marked U.',
    },
  },
  messages: {
    hungUpEarly: '{attemptId} rang for {rangSeconds} s from {ringingAt} and was given up as unanswered: under 15 s (or four rings)',
  },
  start() {
    const ringingSince = new CallsInProgress<number>();
    const found = new Occurrences();
    return {
      observe(record, { jurisdiction, at }) {
        if (record.type !== 'transition' || jurisdiction === null) return;
        if (record.to === 'ringing') {
          ringingSince.set(record.attemptId, at);
          return;
        }
        if (record.from !== 'ringing') return;
        const since = ringingSince.get(record.attemptId);
        ringingSince.delete(record.attemptId);
        if (since === undefined || record.to !== 'no-answer' || at - since >= MIN_RING_BEFORE_GIVING_UP_MS) return;
        const ringingAt = formatInstantUtc(since);
        found.add(jurisdiction, 'hungUpEarly', { attemptId: record.attemptId, rangSeconds: secondsBetween(since, at), ringingAt }, record.attemptId, ringingAt);
      },
      breaches: () => found.drafts(),
    };
  },
});
