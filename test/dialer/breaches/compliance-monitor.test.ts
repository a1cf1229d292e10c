import { describe, expect, it } from 'vitest';
import { MemoryAuditSink, type AuditRecord } from '../../../src/dialer/audit-log.js';
import { ComplianceMonitor, CAMPAIGN_OBLIGATIONS } from '../../../src/dialer/breaches/compliance-monitor.js';
import { BREACH_RULE_IDS, MAX_LISTED_ATTEMPTS } from '../../../src/dialer/breaches/obligation.js';
import { defaultStrategy } from '../../../src/resolve/resolve-attempt.js';

/**
 * The monitor reads only audit records, so each case writes the records a run would and checks what it finds: a
 * breach on one side of each limit, none on the other.
 */

const NEW_YORK = '+12125550142';
const TORONTO = '+14165550142';
const T0 = Date.parse('2026-03-10T14:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

function setup() {
  const strategy = defaultStrategy();
  const sink = new MemoryAuditSink();
  const monitor = new ComplianceMonitor(sink, (e164) => strategy.number(e164).region);
  let attempts = 0;
  const write = (record: AuditRecord) => monitor.write(record);
  /** Screens and allows one call to `to` at `at`; returns its id and a function that steps it (state, ms after `at`). */
  const call = (to: string, at: number, verdict: 'allow' | 'block' = 'allow') => {
    const attemptId = `A${String(++attempts).padStart(7, '0')}`;
    write({
      type: 'attempt',
      attemptId,
      leadId: `L${attempts}`,
      to,
      at: iso(at),
      method: 'autodialer',
      purpose: 'telemarketing',
      caller: { seller: 'acme', kind: 'seller' },
      verdict,
      violations: [],
      exemptions: [],
      callee: { validity: 'valid', region: strategy.number(to).region, kind: 'geographic', lineType: 'landline', business: false, timeZones: [], timeZoneSource: null, states: [], stateSources: [] },
      localTimes: [],
      registries: [],
      consents: { priorExpressWritten: { valid: false, gap: 'none-on-file', at: null }, priorExpress: { valid: false, gap: 'none-on-file', at: null } },
      relationship: { lastTransactionAt: null, lastInquiryAt: null, personal: false },
      subject: null,
      history: [],
    });
    let state = 'screening';
    write({ type: 'transition', attemptId, from: 'queued', to: state, at: iso(at) });
    const to_ = (next: string, afterMs = 0) => {
      write({ type: 'transition', attemptId, from: state, to: next, at: iso(at + afterMs) });
      state = next;
    };
    to_(verdict === 'allow' ? 'dialing' : 'blocked');
    return {
      attemptId,
      to: to_,
      message: (afterMs: number) => write({ type: 'identification-message', attemptId, at: iso(at + afterMs), seller: 'acme' }),
      dncRequest: (afterMs: number) => write({ type: 'dnc-request', attemptId, leadId: 'L', to, at: iso(at + afterMs), seller: 'acme' }),
    };
  };
  /** A live answer 10 s after the dial, then an agent `waitMs` after the greeting, or abandonment with its message. */
  const answered = (to: string, at: number, outcome: { waitMs: number } | 'abandoned') => {
    const placed = call(to, at);
    placed.to('ringing', 3_000);
    placed.to('answered', 10_000);
    if (outcome === 'abandoned') {
      placed.to('abandoned', 12_000);
      placed.message(12_000);
    } else placed.to('connected', 10_000 + outcome.waitMs);
    return placed;
  };
  return { monitor, sink, call, answered };
}

describe('ComplianceMonitor', () => {
  it('passes every record on to the next sink unchanged and in order', () => {
    const { sink, answered } = setup();
    answered(NEW_YORK, T0, 'abandoned');
    expect(sink.records().map((record) => (record.type === 'transition' ? record.to : record.type))).toEqual(['attempt', 'screening', 'dialing', 'ringing', 'answered', 'abandoned', 'identification-message']);
  });

  it('declares one obligation per breach rule id, each with a US and a Canadian citation and mark', () => {
    expect(CAMPAIGN_OBLIGATIONS.map((obligation) => obligation.id)).toEqual([...BREACH_RULE_IDS]);
    for (const obligation of CAMPAIGN_OBLIGATIONS) {
      for (const jurisdiction of ['US', 'CA'] as const) {
        expect(obligation.law[jurisdiction].citation, `${obligation.id} ${jurisdiction}`).not.toBe('');
        expect(['P', 'S', 'U']).toContain(obligation.law[jurisdiction].confidence);
      }
    }
  });

  it('finds nothing in a run that keeps every obligation', () => {
    const { monitor, call, answered } = setup();
    for (let i = 0; i < 40; i++) answered(NEW_YORK, T0 + i * 60_000, { waitMs: i % 3 === 0 ? 2_000 : 0 });
    answered(NEW_YORK, T0 + 50 * 60_000, 'abandoned');
    const unanswered = call(NEW_YORK, T0 + 60 * 60_000);
    unanswered.to('ringing', 3_000);
    unanswered.to('no-answer', 18_000);
    expect(monitor.breaches()).toEqual([]);
  });
});

describe('abandonment.rate', () => {
  it('3 abandoned of 100 live answers in 30 days is at the US cap, 4 of 100 is over it', () => {
    const atCap = setup();
    for (let i = 0; i < 97; i++) atCap.answered(NEW_YORK, T0 + i * 60_000, { waitMs: 0 });
    for (let i = 0; i < 3; i++) atCap.answered(NEW_YORK, T0 + (100 + i) * 60_000, 'abandoned');
    expect(atCap.monitor.breaches()).toEqual([]);

    const over = setup();
    for (let i = 0; i < 96; i++) over.answered(NEW_YORK, T0 + i * 60_000, { waitMs: 0 });
    for (let i = 0; i < 4; i++) over.answered(NEW_YORK, T0 + (100 + i) * 60_000, 'abandoned');
    const [breach] = over.monitor.breaches();
    expect(breach).toMatchObject({
      rule: 'abandonment.rate',
      jurisdiction: 'US',
      citation: '47 CFR 64.1200(a)(7); 16 CFR 310.4(b)(4)',
      confidence: 'P',
      messageId: 'overCap',
      data: { abandoned: 4, answered: 100, rate: '4.00%', cap: '3%', period: 'the 30 days ending 2026-03-10', periodsOver: 1, periods: 1 },
      occurrences: 1,
      attemptIds: [],
      first: '2026-03-10',
    });
    expect(breach!.message).toMatchInlineSnapshot(`"4 of 100 calls answered by a person were abandoned (4.00%) in the 30 days ending 2026-03-10, over the 3% cap (periods over the cap: 1 of 1 measured)"`);
  });

  it('measures Canadian numbers per calendar month against 5%, marked U, apart from US numbers', () => {
    const { monitor, answered } = setup();
    // 4 of 100 Canadian answers (4%) is under Canada's cap; 1 of 10 US answers (10%) is over the US one.
    for (let i = 0; i < 96; i++) answered(TORONTO, T0 + i * 60_000, { waitMs: 0 });
    for (let i = 0; i < 4; i++) answered(TORONTO, T0 + (100 + i) * 60_000, 'abandoned');
    for (let i = 0; i < 9; i++) answered(NEW_YORK, T0 + (200 + i) * 60_000, { waitMs: 0 });
    answered(NEW_YORK, T0 + 300 * 60_000, 'abandoned');
    expect(monitor.breaches().map((breach) => [breach.rule, breach.jurisdiction])).toEqual([['abandonment.rate', 'US']]);
    answered(TORONTO, T0 + 400 * 60_000, 'abandoned');
    answered(TORONTO, T0 + 401 * 60_000, 'abandoned');
    const canada = monitor.breaches().find((breach) => breach.jurisdiction === 'CA');
    expect(canada).toMatchObject({ rule: 'abandonment.rate', confidence: 'U', data: { abandoned: 6, answered: 102, cap: '5%', period: 'calendar month 2026-03' }, first: '2026-03' });
  });

  it('counts a call connected more than 2 s after the greeting as abandoned, whatever the dialer called it', () => {
    const { monitor, answered } = setup();
    for (let i = 0; i < 9; i++) answered(NEW_YORK, T0 + i * 60_000, { waitMs: 0 });
    answered(NEW_YORK, T0 + 10 * 60_000, { waitMs: 3_000 });
    expect(monitor.breaches().find((breach) => breach.rule === 'abandonment.rate')?.data).toMatchObject({ abandoned: 1, answered: 10 });
  });
});

describe('abandonment.two-second', () => {
  it('an agent 2 s after the greeting is in time, 3 s is an abandoned call counted as a connect', () => {
    const { monitor, answered } = setup();
    for (let i = 0; i < 99; i++) answered(NEW_YORK, T0 + i * 60_000, { waitMs: 2_000 });
    const late = answered(NEW_YORK, T0 + 100 * 60_000, { waitMs: 3_000 });
    const breach = monitor.breaches().find((found) => found.rule === 'abandonment.two-second');
    expect(breach).toMatchObject({ jurisdiction: 'US', messageId: 'connectedLate', data: { attemptId: late.attemptId, waitedSeconds: 3 }, occurrences: 1, attemptIds: [late.attemptId], confidence: 'P' });
    expect(breach!.message).toMatchInlineSnapshot(`"A0000100 was answered at 2026-03-10T15:40:10Z and reached an agent 3 s later: after 2 s it is an abandoned call, not a connect"`);
  });

  it('groups the late connects of one jurisdiction into one breach, listing the first attempts and counting all', () => {
    const { monitor, answered } = setup();
    const late = Array.from({ length: MAX_LISTED_ATTEMPTS + 5 }, (_, i) => answered(NEW_YORK, T0 + i * 60_000, { waitMs: 5_000 }).attemptId);
    const breaches = monitor.breaches().filter((found) => found.rule === 'abandonment.two-second');
    expect(breaches).toHaveLength(1);
    expect(breaches[0]!.occurrences).toBe(MAX_LISTED_ATTEMPTS + 5);
    expect(breaches[0]!.attemptIds).toEqual(late.slice(0, MAX_LISTED_ATTEMPTS));
    expect(breaches[0]!.message).toMatch(/ \(the first of 25 calls\)$/);
  });
});

describe('abandonment.message', () => {
  it('an abandoned call with no identification message is a breach; one at the moment of abandonment is not', () => {
    const { monitor, answered, call } = setup();
    for (let i = 0; i < 99; i++) answered(NEW_YORK, T0 + i * 60_000, 'abandoned');
    const silent = call(NEW_YORK, T0 + 100 * 60_000);
    silent.to('ringing', 3_000);
    silent.to('answered', 10_000);
    silent.to('abandoned', 12_000);
    const breach = monitor.breaches().find((found) => found.rule === 'abandonment.message');
    expect(breach).toMatchObject({ messageId: 'noMessage', occurrences: 1, attemptIds: [silent.attemptId], first: '2026-03-10T15:40:12Z' });
  });

  it('a message 2 s after the call is given up is prompt, 3 s is late', () => {
    const { monitor, call } = setup();
    const placeAbandoned = (at: number, messageAfterMs: number) => {
      const placed = call(NEW_YORK, at);
      placed.to('ringing', 3_000);
      placed.to('answered', 10_000);
      placed.to('abandoned', 12_000);
      placed.message(12_000 + messageAfterMs);
      return placed.attemptId;
    };
    placeAbandoned(T0, 2_000);
    const late = placeAbandoned(T0 + 60_000, 3_000);
    const found = monitor.breaches().filter((breach) => breach.rule === 'abandonment.message');
    expect(found).toMatchObject([{ messageId: 'lateMessage', attemptIds: [late], data: { delaySeconds: 3 } }]);
  });
});

describe('ring.duration', () => {
  /** Places a call to New York at `at` that rings from 3 s for `ringMs` and is given up unanswered; its attempt id. */
  const ringingOut = (call: ReturnType<typeof setup>['call']) => (at: number, ringMs: number) => {
    const placed = call(NEW_YORK, at);
    placed.to('ringing', 3_000);
    placed.to('no-answer', 3_000 + ringMs);
    return placed.attemptId;
  };

  it('an unanswered call given up after 15 s of ringing is fine, after 14 s it is a breach, whatever the event claimed', () => {
    const { monitor, call } = setup();
    const ringOut = ringingOut(call);
    ringOut(T0, 15_000);
    const short = ringOut(T0 + 60_000, 14_000);
    const toronto = call(TORONTO, T0 + 120_000);
    toronto.to('ringing', 0);
    toronto.to('no-answer', 5_000);
    const found = monitor.breaches().filter((breach) => breach.rule === 'ring.duration');
    expect(found.map(({ jurisdiction, attemptIds, confidence, data }) => ({ jurisdiction, attemptIds, confidence, rangSeconds: data['rangSeconds'] }))).toEqual([
      { jurisdiction: 'US', attemptIds: [short], confidence: 'P', rangSeconds: 14 },
      // No Canadian source: held to the US rule and marked unconfirmed.
      { jurisdiction: 'CA', attemptIds: [toronto.attemptId], confidence: 'U', rangSeconds: 5 },
    ]);
  });

  it('times every ring right when a run comes back to instants it met thousands of records before', () => {
    // The monitor keeps the instants it parsed and lets them go when there are many: 6,000 calls a minute apart pass
    // that bound, then calls ring again from the first instant and from a recent one.
    const { monitor, call } = setup();
    const ringOut = ringingOut(call);
    for (let index = 0; index < 6_000; index++) ringOut(T0 + index * 60_000, 15_000);
    const first = ringOut(T0, 14_000);
    const recent = ringOut(T0 + 5_999 * 60_000, 13_000);
    ringOut(T0 + 60_000, 15_000);
    const [found] = monitor.breaches().filter((breach) => breach.rule === 'ring.duration');
    expect({ attemptIds: found?.attemptIds, occurrences: found?.occurrences, rangSeconds: found?.data['rangSeconds'] }).toEqual({ attemptIds: [first, recent], occurrences: 2, rangSeconds: 14 });
  });

  it('a line that is busy or picked up by a machine is not given up unanswered', () => {
    const { monitor, call } = setup();
    const busy = call(NEW_YORK, T0);
    busy.to('ringing', 3_000);
    busy.to('busy', 4_000);
    const machine = call(NEW_YORK, T0 + 60_000);
    machine.to('ringing', 3_000);
    machine.to('answering-machine', 6_000);
    expect(monitor.breaches()).toEqual([]);
  });
});

describe('dnc.request-honoured', () => {
  it('an attempt allowed after a do-not-call request from the number is a breach; a blocked one, or one before, is not', () => {
    const { monitor, call } = setup();
    const before = call(NEW_YORK, T0);
    before.dncRequest(60_000);
    call(NEW_YORK, T0 + 86_400_000, 'block');
    const after = call(NEW_YORK, T0 + 2 * 86_400_000);
    const found = monitor.breaches();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'dnc.request-honoured', jurisdiction: 'US', citation: '47 CFR 64.1200(d); 16 CFR 310.4(b)(1)(iii)(A)', attemptIds: [after.attemptId] });
    expect(found[0]!.message).toMatchInlineSnapshot(`"A0000003 to +12125550142 was allowed at 2026-03-12T14:00:00Z, after the do-not-call request from that number to acme at 2026-03-10T14:01:00Z"`);
  });

  it('cites the Canadian Telemarketing Rules for a Canadian number', () => {
    const { monitor, call } = setup();
    call(TORONTO, T0).dncRequest(60_000);
    call(TORONTO, T0 + 86_400_000);
    expect(monitor.breaches()).toMatchObject([{ rule: 'dnc.request-honoured', jurisdiction: 'CA', citation: expect.stringContaining('CRTC Unsolicited Telecommunications Rules') }]);
  });
});
