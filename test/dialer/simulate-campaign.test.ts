import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/input-error.js';
import { MemoryAuditSink, type AttemptRecord, type AuditRecord, type TransitionRecord } from '../../src/dialer/audit-log.js';
import { parseCampaignConfig, parseLead } from '../../src/dialer/campaign-config.js';
import { simulateCampaign, type CampaignInput } from '../../src/dialer/simulate-campaign.js';
import { MIN_RING_MS } from '../../src/lifecycle/call-machine.js';
import { InMemoryRegistry } from '../../src/resolve/registry.js';
import { aCampaign, someLeads } from '../support/campaign.js';

const freshCopy = () => ({ national: { syncedAt: Date.parse('2026-03-01T00:00:00Z'), numbers: new InMemoryRegistry() } });

function run(input: Omit<CampaignInput, 'audit' | 'registries'> & Partial<Pick<CampaignInput, 'registries'>>) {
  const audit = new MemoryAuditSink();
  const summary = simulateCampaign({ registries: freshCopy(), ...input, audit });
  return { summary, audit, records: audit.records() };
}

const ofType = <T extends AuditRecord['type']>(records: AuditRecord[], type: T) =>
  records.filter((record): record is Extract<AuditRecord, { type: T }> => record.type === type);

describe('campaign simulation', () => {
  it('gives a byte-identical audit log for the same inputs and seed, and a different one for another seed', () => {
    const leads = someLeads(300);
    const first = run({ config: aCampaign({ mode: 'predictive' }), leads });
    const second = run({ config: aCampaign({ mode: 'predictive' }), leads });
    const otherSeed = run({ config: aCampaign({ mode: 'predictive', seed: 8 }), leads });
    expect(first.audit.lines.length).toBeGreaterThan(1000);
    expect(second.audit.lines.join('\n')).toBe(first.audit.lines.join('\n'));
    expect(otherSeed.audit.lines.join('\n')).not.toBe(first.audit.lines.join('\n'));
    expect(second.summary).toEqual(first.summary);
  });

  it('dials only attempts the engine allowed: every transition into dialing follows an allowed attempt record', () => {
    const leads = [...someLeads(200), ...someLeads(100, { lineType: 'mobile' }, 2)];
    const { records } = run({ config: aCampaign({ mode: 'progressive' }), leads });
    const verdicts = new Map(ofType(records, 'attempt').map((attempt) => [attempt.attemptId, attempt.verdict]));
    const intoDialing = ofType(records, 'transition').filter((transition) => transition.to === 'dialing');
    expect(intoDialing.length).toBeGreaterThan(0);
    for (const transition of intoDialing) {
      expect(transition.from).toBe('screening');
      expect(verdicts.get(transition.attemptId)).toBe('allow');
    }
    // The autodialed mobile leads have no consent: every one of their attempts is blocked.
    const blockedMobile = ofType(records, 'attempt').filter((attempt) => attempt.violations.some((v) => v.rule === 'consent.autodial-wireless'));
    expect(blockedMobile.length).toBeGreaterThan(0);
    expect(blockedMobile.every((attempt) => attempt.verdict === 'block')).toBe(true);
  });

  it('counts a lead as exhausted only when it ran out of calls without being reached', () => {
    const { summary } = run({ config: aCampaign({ outcomeModel: { preset: 'cold-calling-article' } }), leads: someLeads(400) });
    const { reached, exhausted, blockedOut, unfinished, filteredOut } = summary.leads;
    expect(reached + exhausted + blockedOut + unfinished + filteredOut).toBeLessThanOrEqual(400);
    expect(exhausted).toBeGreaterThan(0);
  });

  it('writes instants in whole seconds, so the log sorts as text, even from a fractional start and spacing', () => {
    const config = aCampaign({ mode: 'predictive', start: '2026-03-02T08:00:00.250-05:00', retry: { maxAttempts: 4, minSpacingHours: 1.00001 } });
    const { audit } = run({ config, leads: someLeads(200) });
    // The header describes the run and has no instant of its own.
    expect(audit.lines[0]).toMatch(/^\{"type":"header",/);
    for (const line of audit.lines.slice(1)) expect(line).toMatch(/"at":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
  });

  it('writes the attempt record with the contract fields, and one transition record per state change', () => {
    const { records } = run({ config: aCampaign(), leads: someLeads(20) });
    const attempt = ofType(records, 'attempt')[0]!;
    expect(Object.keys(attempt)).toEqual(['type', 'attemptId', 'leadId', 'to', 'at', 'method', 'purpose', 'caller', 'verdict', 'violations', 'exemptions', 'callee', 'localTimes', 'registries', 'consents', 'relationship', 'subject', 'history']);
    expect(attempt.to).toMatch(/^\+1\d{10}$/);
    expect(attempt.at).toMatch(/^2026-03-\d\dT\d\d:\d\d:\d\dZ$/);
    const own = ofType(records, 'transition').filter((transition) => transition.attemptId === attempt.attemptId);
    expect(own[0]).toMatchObject({ from: 'queued', to: 'screening' });
    for (let index = 1; index < own.length; index++) expect(own[index]!.from).toBe(own[index - 1]!.to);
  });

  it('lets an unanswered call ring 15 seconds before giving up', () => {
    const { records } = run({ config: aCampaign(), leads: someLeads(100) });
    const transitions = ofType(records, 'transition');
    const ringingAt = new Map(transitions.filter((t) => t.to === 'ringing').map((t) => [t.attemptId, Date.parse(t.at)]));
    const noAnswers = transitions.filter((t) => t.to === 'no-answer');
    expect(noAnswers.length).toBeGreaterThan(0);
    for (const t of noAnswers) expect(Date.parse(t.at) - ringingAt.get(t.attemptId)!).toBeGreaterThanOrEqual(MIN_RING_MS);
  });

  it('puts a do-not-call request on the internal list at once, so the next attempt to that number is blocked', () => {
    const twin = someLeads(1)[0]!;
    const leads = [twin, parseLead({ id: 'L-twin', phone: twin.phone, lineType: 'landline' }, 'leads[1]')];
    const config = aCampaign({
      agents: { count: 1, shift: { start: '09:00', end: '20:00', timeZone: 'America/New_York' } },
      outcomeModel: { preset: 'field-study', overrides: { notInService: 0, answered: 1, outcomes: { rejected: 0, callback: 0, meeting: 0, sale: 0, doNotCall: 1 } } },
    });
    const { records, summary } = run({ config, leads });
    const requests = ofType(records, 'dnc-request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ leadId: twin.id, to: twin.phone, seller: 'acme' });
    const second = ofType(records, 'attempt').find((attempt) => attempt.leadId === 'L-twin')!;
    expect(second.verdict).toBe('block');
    expect(second.violations.map((v) => v.rule)).toEqual(['dnc.internal']);
    expect(Date.parse(second.at)).toBeGreaterThan(Date.parse(requests[0]!.at));
    expect(summary.leads.doNotCall).toBe(1);
  });

  it('reaches more leads with 18 attempts than with 4', () => {
    const leads = someLeads(400);
    const model = { preset: 'cold-calling-article' as const };
    // 30 days: the registry copy synced on 1 March stays fresh for the whole run.
    const four = run({ config: aCampaign({ retry: { maxAttempts: 4, minSpacingHours: 4 }, outcomeModel: model }), leads });
    const eighteen = run({ config: aCampaign({ retry: { maxAttempts: 18, minSpacingHours: 4 }, outcomeModel: model }), leads });
    expect(eighteen.summary.leads.reached).toBeGreaterThan(four.summary.leads.reached * 1.5);
  });

  it('keeps predictive abandonment at or under the cap in every 30-day window when pacing adapts, and not when it does not', () => {
    const leads = someLeads(4000);
    const busyFloor = {
      mode: 'predictive' as const,
      agents: { count: 5, shift: { start: '09:00', end: '20:00', timeZone: 'America/New_York' }, talkSeconds: 300 },
      outcomeModel: { preset: 'field-study' as const, overrides: { notInService: 0.05, answered: 0.6 } },
    };
    const adaptive = run({ config: aCampaign({ ...busyFloor, pacing: { abandonCap: 0.03, maxLinesPerAgent: 3, adaptive: true } }), leads });
    const fixed = run({ config: aCampaign({ ...busyFloor, pacing: { abandonCap: 0.03, maxLinesPerAgent: 3, adaptive: false } }), leads });
    expect(adaptive.summary.connects).toBeGreaterThan(500);
    // The adaptive dialer did dial extra lines (some calls were abandoned), and still kept under the cap.
    expect(adaptive.summary.abandoned).toBeGreaterThan(0);
    expect(adaptive.summary.abandonment.maxRollingRate).toBeLessThanOrEqual(0.03);
    expect(fixed.summary.abandonment.maxRollingRate).toBeGreaterThan(0.03);
    // Each abandoned call got the recorded identification message.
    expect(ofType(fixed.records, 'identification-message')).toHaveLength(fixed.summary.abandoned);
  });

  it('never abandons a call in manual, preview or progressive mode (one line per agent)', () => {
    for (const mode of ['manual', 'preview', 'progressive'] as const) {
      expect(run({ config: aCampaign({ mode }), leads: someLeads(300) }).summary.abandoned).toBe(0);
    }
  });

  it('has summary counts that agree with the audit log', () => {
    const { summary, records } = run({ config: aCampaign({ mode: 'predictive' }), leads: [...someLeads(300), ...someLeads(50, { lineType: 'mobile' }, 3)] });
    const attempts = ofType(records, 'attempt');
    expect(summary.attempts).toBe(attempts.length);
    expect(summary.allowed).toBe(attempts.filter((a) => a.verdict === 'allow').length);
    expect(summary.blocked).toBe(attempts.filter((a) => a.verdict === 'block').length);
    const into = (state: string) => ofType(records, 'transition').filter((t: TransitionRecord) => t.to === state).length;
    expect(summary.connects).toBe(into('connected'));
    expect(summary.abandoned).toBe(into('abandoned'));
    expect(summary.outcomes.meeting).toBe(into('meeting'));
    expect(summary.attemptsByLocalHour.reduce((a, b) => a + b, 0)).toBe(attempts.filter((a: AttemptRecord) => a.localTimes.length > 0).length);
  });

  it('discloses the firm\'s number or address on a broker-dealer\'s calls', () => {
    const config = aCampaign({ callerKind: 'broker-dealer', firmContact: '+1 212 555 0100' });
    const disclosure = ofType(run({ config, leads: someLeads(200) }).records, 'disclosure')[0]!;
    expect(disclosure.items).toEqual([
      'caller name',
      'firm: acme',
      'firm telephone number or address: +1 212 555 0100',
      'purpose: to solicit the purchase of securities or related services',
    ]);
  });

  it('skips leads the filters exclude, and counts them', () => {
    const leads = [...someLeads(10, { state: 'NY', netWorth: 2_000_000 }), ...someLeads(5, { state: 'TX', netWorth: 2_000_000 }, 4), ...someLeads(5, { state: 'NY' }, 5)];
    const { summary, records } = run({ config: aCampaign({ filters: { states: ['NY'], minNetWorth: 1_000_000 } }), leads });
    expect(summary.leads).toMatchObject({ loaded: 20, filteredOut: 10 });
    expect(new Set(ofType(records, 'attempt').map((a) => a.leadId)).size).toBeLessThanOrEqual(10);
  });
});

describe('campaign configuration: refused before anything runs, naming the field and the reason', () => {
  const base = {
    seed: 1,
    seller: 'acme',
    start: '2026-03-02T08:00:00-05:00',
    mode: 'predictive',
    agents: { count: 10, shift: { start: '09:00', end: '17:00', timeZone: 'America/New_York' } },
  };
  const cases: [string, unknown, string][] = [
    ['no agents', { ...base, agents: { ...base.agents, count: 0 } }, 'agents.count: a campaign needs at least 1 agent'],
    ['a negative rate', { ...base, outcomeModel: { preset: 'field-study', overrides: { answered: -0.1 } } }, 'outcomeModel.overrides.answered: must be at least 0'],
    ['a pacing cap over 100%', { ...base, pacing: { abandonCap: 3 } }, 'pacing.abandonCap: must be at most 1 (a rate, not a percentage)'],
    ['an unknown dialing mode', { ...base, mode: 'robo' }, 'mode: expected one of manual|preview|progressive|predictive (got "robo")'],
    ['an unknown field', { ...base, agent: { count: 3 } }, 'agent: unknown field (did you mean "agents"?)'],
    ['a shift that ends before it starts', { ...base, agents: { ...base.agents, shift: { ...base.agents.shift, start: '18:00' } } }, 'agents.shift.end: the shift must end after it starts'],
    ['a start without an offset', { ...base, start: '2026-03-02T08:00:00' }, 'start: expected an ISO-8601 instant with an offset or Z'],
  ];
  for (const [name, config, message] of cases) {
    it(`${name}: ${message}`, () => {
      expect(() => parseCampaignConfig(config)).toThrow(InputError);
      expect(() => parseCampaignConfig(config)).toThrow(message);
    });
  }

  it('outcome shares that add up to more than 1 are refused with the configuration', () => {
    expect(() => aCampaign({ outcomeModel: { preset: 'field-study', overrides: { answered: 0.9, notInService: 0.5 } } })).toThrow(
      'outcomeModel: notInService + busy + answeringMachine + answered is 1.400, more than 1',
    );
  });

  it("a broker-dealer campaign without the firm's number or address is refused", () => {
    expect(() => aCampaign({ callerKind: 'broker-dealer' })).toThrow(
      "firmContact: a broker-dealer's calls must disclose the firm's telephone number or address (FINRA Rule 3230): set firmContact",
    );
  });

  it('a lead that fails validation names its place and field', () => {
    expect(() => parseLead({ id: 'L1', phone: 3035550123 }, 'leads[0]')).toThrow('leads[0]: phone: expected a phone number as a string');
  });
});

describe('the calls of finished leads', () => {
  it('are kept by default: a row of the same lead loaded after the first has finished sees its calls', () => {
    const [first, ...others] = someLeads(400);
    const again = parseLead({ id: first!.id, phone: first!.phone, lineType: 'landline' }, 'leads[400]');
    const { records } = run({ config: aCampaign({ mode: 'progressive', batchSize: 5, retry: { maxAttempts: 2 } }), leads: [first!, ...others, again] });
    const attempts = ofType(records, 'attempt').filter((attempt) => attempt.leadId === first!.id);
    const callsBefore = attempts.slice(0, -1).filter((attempt) => attempt.verdict === 'allow').length;
    expect(callsBefore).toBeGreaterThan(1);
    // The last screening of the lead, from its second row, counts every call placed before it.
    expect(attempts.at(-1)!.history).toHaveLength(callsBefore);
  });

  it('are shared by every row of a lead id, in play together or one after another: each history counts every call placed before it', () => {
    const leads = someLeads(300);
    // Rows of the same ids in the same batch, in a later batch, and after the first rows have long finished.
    const rows = [...leads.slice(0, 100), ...leads.slice(0, 10), ...leads.slice(100), ...leads.slice(20, 60), ...leads.slice(0, 30)];
    const { records } = run({ config: aCampaign({ mode: 'progressive', batchSize: 40, retry: { maxAttempts: 3 } }), leads: rows });
    const placed = new Map<string, string[]>();
    let withHistory = 0;
    for (const attempt of ofType(records, 'attempt')) {
      const before = placed.get(attempt.leadId) ?? [];
      expect(attempt.history.map((call) => call.at)).toEqual(before);
      if (before.length > 0) withHistory++;
      if (attempt.verdict === 'allow') placed.set(attempt.leadId, [...before, attempt.at]);
    }
    expect(withHistory).toBeGreaterThan(100);
  });

  it('are shared by rows of one id in play together even when the ids were vouched unique (a wrong vouch fails closed while they last)', () => {
    const leads = someLeads(60);
    const rows = [...leads, ...leads.slice(0, 20)];
    const { records } = run({ config: aCampaign({ mode: 'progressive', batchSize: 100, retry: { maxAttempts: 3 } }), leads: rows, leadIds: 'unique' });
    const placed = new Map<string, string[]>();
    let withHistory = 0;
    for (const attempt of ofType(records, 'attempt')) {
      const before = placed.get(attempt.leadId) ?? [];
      expect(attempt.history.map((call) => call.at)).toEqual(before);
      if (before.length > 1) withHistory++;
      if (attempt.verdict === 'allow') placed.set(attempt.leadId, [...before, attempt.at]);
    }
    expect(withHistory).toBeGreaterThan(5);
  });

  it('can be let go when the caller vouches for unique lead ids, with the same audit log', () => {
    const leads = someLeads(300);
    const kept = run({ config: aCampaign({ mode: 'predictive', batchSize: 20 }), leads });
    const letGo = run({ config: aCampaign({ mode: 'predictive', batchSize: 20 }), leads, leadIds: 'unique' });
    expect(letGo.audit.lines.join('\n')).toBe(kept.audit.lines.join('\n'));
    expect(letGo.summary).toEqual(kept.summary);
  });
});
