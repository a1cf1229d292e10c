import { formatInstantUtc } from '../../core/instant.js';
import { CANADA_FACTS } from '../../../policies/canada/canada-facts.js';
import { defineObligation, Occurrences } from './obligation.js';

export const dncRequestHonoured = defineObligation({
  id: 'dnc.request-honoured',
  title: 'A do-not-call request is honoured before the next call to that number',
  description:
    'Breached by an attempt allowed to a number after a do-not-call request from it (during a call or by a ' +
    '`dnc-request` step), whatever its purpose: the screening should have blocked it by `dnc.internal`.',
  law: {
    US: {
      value: 'a number that asked the seller not to call is not called again',
      citation: '47 CFR 64.1200(d); 16 CFR 310.4(b)(1)(iii)(A)',
      confidence: 'P',
      source: 'rules.md §3: LII-310.4 for the TSR section [P]; 64.1200(d) quoted in repositories [S]',
      note: 'The FCC allows up to 10 business days to honour a request; dialsim reads the duty as dnc.internal does, from the moment of the request.',
    },
    CA: {
      value: 'a number that asked the telemarketer not to call is not called again',
      citation: CANADA_FACTS.internalList.citation,
      confidence: CANADA_FACTS.internalList.confidence,
      source: CANADA_FACTS.internalList.source,
      note: CANADA_FACTS.internalList.note,
    },
  },
  messages: {
    calledAfterRequest: '{attemptId} to {to} was allowed at {at}, after the do-not-call request from that number to {seller} at {requestedAt}',
  },
  start() {
    // The first request from each number: a call after it, whenever, breaches the request.
    const requests = new Map<string, { at: number; seller: string }>();
    const found = new Occurrences();
    return {
      observe(record, { jurisdiction, at }) {
        if (record.type === 'dnc-request') {
          if (!requests.has(record.to)) requests.set(record.to, { at, seller: record.seller });
          return;
        }
        if (record.type !== 'attempt' || record.verdict !== 'allow' || jurisdiction === null) return;
        const request = requests.get(record.to);
        if (request === undefined || request.at > at) return;
        const data = { attemptId: record.attemptId, to: record.to, at: record.at, seller: request.seller, requestedAt: formatInstantUtc(request.at) };
        found.add(jurisdiction, 'calledAfterRequest', data, record.attemptId, record.at);
      },
      breaches: () => found.drafts(),
    };
  },
});
