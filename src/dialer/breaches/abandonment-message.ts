import { formatInstantUtc } from '../../core/instant.js';
import type { AbandonmentJurisdiction } from '../abandonment-by-jurisdiction.js';
import { defineObligation, Occurrences, secondsBetween } from './obligation.js';

/**
 * How soon after the call is given up its identification message must be recorded. The law says "promptly"; the
 * simulator plays it the moment the call is abandoned, and dialsim reads "promptly" as within 2 seconds of that.
 */
export const PROMPT_MESSAGE_MS = 2_000;

export const abandonmentMessage = defineObligation({
  id: 'abandonment.message',
  title: "Every abandoned call gets a recorded message with the seller's name and telephone number",
  description:
    'Breached by a call that entered `abandoned` with no `identification-message` record for its attempt, or with ' +
    'one more than 2 seconds later (dialsim\'s reading of "promptly").',
  law: {
    US: {
      value: "an abandoned call promptly gets a recorded message stating the seller's name and telephone number",
      citation: '16 CFR 310.4(b)(4); 47 CFR 64.1200(a)(7)',
      confidence: 'P',
      source: 'rules.md §5: the FTC text reproduced at dnc.com [P]',
    },
    CA: {
      value: 'held to the US standard: a recorded message identifying the telemarketer',
      citation: 'CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules), predictive dialing; Telecom Decision CRTC 2004-35',
      confidence: 'U',
      source: 'rules.md §9 names Telecom Decision CRTC 2004-35 (headline only) but not its message rule',
      note: 'Unconfirmed: calls to Canadian numbers are held to the US rule, the stricter reading, and marked U.',
    },
  },
  messages: {
    noMessage: '{attemptId} was abandoned at {abandonedAt} and got no identification message',
    lateMessage: '{attemptId} was abandoned at {abandonedAt} and its identification message came {delaySeconds} s later, not promptly',
  },
  start() {
    // Abandoned calls whose message has not been recorded yet: those left at the end are breaches.
    const awaiting = new Map<string, { at: number; jurisdiction: AbandonmentJurisdiction }>();
    const late = new Occurrences();
    return {
      observe(record, { jurisdiction, at }) {
        if (jurisdiction === null) return;
        if (record.type === 'transition' && record.to === 'abandoned') awaiting.set(record.attemptId, { at, jurisdiction });
        if (record.type !== 'identification-message') return;
        const abandoned = awaiting.get(record.attemptId);
        if (abandoned === undefined) return;
        awaiting.delete(record.attemptId);
        if (at - abandoned.at <= PROMPT_MESSAGE_MS) return;
        const abandonedAt = formatInstantUtc(abandoned.at);
        late.add(abandoned.jurisdiction, 'lateMessage', { attemptId: record.attemptId, abandonedAt, delaySeconds: secondsBetween(abandoned.at, at) }, record.attemptId, abandonedAt);
      },
      breaches() {
        const missing = new Occurrences();
        for (const [attemptId, { at, jurisdiction }] of awaiting) missing.add(jurisdiction, 'noMessage', { attemptId, abandonedAt: formatInstantUtc(at) }, attemptId, formatInstantUtc(at));
        return [...missing.drafts(), ...late.drafts()];
      },
    };
  },
});
