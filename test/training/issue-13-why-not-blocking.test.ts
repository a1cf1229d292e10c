/**
 * Issue 13, item 9: a trainee who named a rule that does not block the call ("don't dial, because of hours.federal"
 * for a call that may be dialed, or one blocked by another rule) was told only "no rule blocks it". Root cause: the
 * grade carried the decision's violations and exemptions only, and nothing asked the named rule why it stayed
 * silent. The explanation now comes from the engine's facts and the rule's own `applies` and evaluation.
 */
import { describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../src/core/check-request.js';
import type { Drill } from '../../src/training/drill.js';
import { keyOf, screenRequest } from '../../src/training/drill-key.js';
import { gradeAnswer } from '../../src/training/grade.js';
import { trainMessages } from '../../src/cli/commands/train-messages.js';
import { whyNotBlocking } from '../../src/training/why-not.js';

/** A clean 14:05 manual call to a Chicago landline, with current national and Illinois copies. */
function aRequest(overrides: Partial<CheckRequestInput> = {}): CheckRequestInput {
  return {
    at: '2026-03-10T14:05:00-05:00',
    to: '+1 312 555 0188',
    method: 'manual',
    caller: { seller: 'acme' },
    callee: { lineType: 'landline' },
    registries: { national: { syncedAt: '2026-03-01', numbers: [] }, states: { IL: { syncedAt: '2026-03-01', numbers: [] } } },
    ...overrides,
  };
}

function aDrill(request: CheckRequestInput): Drill {
  return { id: 'why-1', level: 'single', source: { kind: 'generated', seed: 1, level: 'single', index: 1 }, request, floorZone: 'America/Chicago', key: keyOf(screenRequest(request)) };
}

describe('whyNotBlocking: a rule that applies and passes', () => {
  it('hours.federal at 14:05 in Chicago: the time is inside the window the rule itself allows, 08:00–21:00', () => {
    expect(whyNotBlocking(aRequest(), 'hours.federal')).toBe('14:05 in America/Chicago is inside 08:00–21:00');
  });

  it("hours.canada on a Saturday in Toronto: the weekend window the rule allows, 10:00–18:00", () => {
    const request = aRequest({ at: '2026-03-14T17:59:00-04:00', to: '+1 416 555 0199', registries: { canada: { syncedAt: '2026-03-01', numbers: [] } } });
    expect(whyNotBlocking(request, 'hours.canada')).toBe('17:59 in America/Toronto is inside 10:00–18:00');
  });

  it('a 208 number: the window that holds in every candidate zone, in the first zone', () => {
    const request = aRequest({ to: '(208) 555-0101', registries: { national: { syncedAt: '2026-03-01', numbers: [] } } });
    expect(whyNotBlocking(request, 'hours.federal')).toBe(
      '13:05 in America/Boise and 13:05 in America/Denver and 12:05 in America/Los_Angeles are inside the hours it allows in every zone of the number: 09:00–21:00 in America/Boise',
    );
  });

  it('dnc.national, dnc.internal and dnc.state: the number is not on the copy', () => {
    expect(whyNotBlocking(aRequest(), 'dnc.national')).toBe('+13125550188 is not on your national registry copy');
    expect(whyNotBlocking(aRequest(), 'dnc.internal')).toBe("+13125550188 is not on acme's internal do-not-call list");
    const florida = aRequest({ to: '(305) 555-0141', registries: { national: { syncedAt: '2026-03-01', numbers: [] }, states: { FL: { syncedAt: '2026-03-01', numbers: [] } } } });
    expect(whyNotBlocking(florida, 'dnc.state')).toBe("+13055550141 is not on your copy of FL's do-not-call list");
  });

  it("dnc.registry-stale: the copy's age and the limit found by asking the rule (31 days)", () => {
    expect(whyNotBlocking(aRequest(), 'dnc.registry-stale')).toBe(
      'your national registry copy was synced 9 days 19 hours 5 minutes before the call; it blocks only a copy older than 31 days',
    );
  });

  it('number.invalid: the number is valid', () => {
    expect(whyNotBlocking(aRequest(), 'number.invalid')).toBe('+13125550188 is a valid number in a jurisdiction the packs in use cover');
  });
});

describe('whyNotBlocking: a rule that does not apply, and why', () => {
  it('an informational call, quoting what lifts the rule', () => {
    expect(whyNotBlocking(aRequest({ purpose: 'informational' }), 'hours.federal')).toBe(
      'it does not apply to this call: it is an informational call, not a sales call (purpose: informational). Its page says: "Informational calls (purpose: informational) are not telephone solicitations."',
    );
  });

  it('a business line', () => {
    expect(whyNotBlocking(aRequest({ callee: { lineType: 'landline', business: true } }), 'dnc.national')).toBe(
      'it does not apply to this call: the number is a business line (callee.business: true)',
    );
  });

  it('manual dialing to a landline: the two facts together decide consent.autodial-wireless', () => {
    expect(whyNotBlocking(aRequest(), 'consent.autodial-wireless')).toMatch(
      /^it does not apply to this call: you dial it by hand \(method: manual\) and the line is a landline \(callee\.lineType: landline\)\. Its page says: "/,
    );
    expect(whyNotBlocking(aRequest(), 'consent.prerecorded-residential')).toBe('it does not apply to this call: you dial it by hand (method: manual)');
  });

  it('a Canadian number for a US rule, and a US number for a Canadian one: the pack covers other countries', () => {
    const toronto = aRequest({ to: '+1 416 555 0145', registries: { canada: { syncedAt: '2026-03-01', numbers: [] } } });
    expect(whyNotBlocking(toronto, 'dnc.national')).toBe(
      'it does not apply to this call: it is a rule of the us-federal pack, which covers numbers in US, PR, GU, VI, MP, AS, and +14165550145 is a number in Canada (CA)',
    );
    expect(whyNotBlocking(aRequest(), 'hours.canada')).toBe(
      'it does not apply to this call: it is a rule of the canada pack, which covers numbers in CA, and +13125550188 is a number in United States (US)',
    );
  });

  it("an ordinary seller for FINRA's rules, and a state without such a rule for a state rule", () => {
    expect(whyNotBlocking(aRequest(), 'hours.finra')).toBe(
      'it does not apply to this call (its pack, finra, does not cover it): the caller is an ordinary seller, not a broker-dealer (caller.kind: seller)',
    );
    expect(whyNotBlocking(aRequest(), 'days.state')).toMatch(/^it does not apply to this call: the lead is in IL, and it speaks only to calls into [A-Z, ]*PA/);
  });

  it('a guard rule when its fact is known, and a lifted rule with the reason the decision reports', () => {
    expect(whyNotBlocking(aRequest(), 'timezone.unknown')).toBe(
      "it blocks only in place of a rule that needs localTime when that fact is unknown, and here the callee's local time is known (14:05 in America/Chicago)",
    );
    const bought = aRequest({ relationship: { lastTransactionAt: '2025-06-01' }, registries: { national: { syncedAt: '2026-03-01', numbers: ['312-555-0188'] } } });
    expect(whyNotBlocking(bought, 'dnc.national')).toBe(
      'it applies, but is lifted: established business relationship: transaction on 2025-06-01, within the 18 months before the call',
    );
  });
});

describe('grading a named rule that does not block the call', () => {
  it('an allowed call: the grade carries the named rule with why not, and the feedback prints it', () => {
    const grade = gradeAnswer(aDrill(aRequest()), { kind: 'block', rule: 'hours.federal' });
    expect(grade.chosen).toEqual({
      rule: 'hours.federal',
      title: 'Telemarketing calls only between 08:00 and 21:00 local time',
      citation: '47 CFR 64.1200(c)(1); 16 CFR 310.4(c)',
      why: '14:05 in America/Chicago is inside 08:00–21:00',
      docs: 'docs/rules/hours.federal.md',
      read: 'dialsim rules hours.federal',
    });
    expect(trainMessages.feedback(grade)).toMatchInlineSnapshot(`
      "  ✖ Wrong: this call may be dialed; no rule blocks it, hours.federal included.
           ○ hours.federal (your answer) does not block this call: Telemarketing calls only between 08:00 and 21:00 local time
               Citation: 47 CFR 64.1200(c)(1); 16 CFR 310.4(c)
               Why not: 14:05 in America/Chicago is inside 08:00–21:00
               Read: dialsim rules hours.federal"
    `);
  });

  it('a call blocked by another rule: why the named one does not block, then the rule that does', () => {
    const grade = gradeAnswer(aDrill(aRequest({ at: '2026-03-10T21:15:00-05:00' })), { kind: 'block', rule: 'dnc.national' });
    expect(grade).toMatchObject({ correct: false, verdictCorrect: true, chosen: { rule: 'dnc.national', why: '+13125550188 is not on your national registry copy' } });
    expect(trainMessages.feedback(grade)).toContain('✖ Wrong rule: the call is blocked, but not by dnc.national. Blocked by hours.federal, hours.state.');
  });

  it('a right answer, and a dial, carry no chosen rule', () => {
    expect(gradeAnswer(aDrill(aRequest({ at: '2026-03-10T21:15:00-05:00' })), { kind: 'block', rule: 'hours.federal' }).chosen).toBeUndefined();
    expect(gradeAnswer(aDrill(aRequest()), { kind: 'dial' }).chosen).toBeUndefined();
  });
});

describe('the web trainer', () => {
  it('POST /api/grade returns the named rule with why not, and the page shows it as "Why not:" with its dialsim rules command', async () => {
    const { startTrainerServer } = await import('../../src/training/trainer-server.js');
    const { trainerPage } = await import('../../src/training/trainer-page.js');
    const server = await startTrainerServer({ drills: [aDrill(aRequest())], port: 0, description: '1 drill' });
    try {
      const response = await fetch(`${server.url}api/grade`, { method: 'POST', body: JSON.stringify({ drillId: 'why-1', answer: { kind: 'block', rule: 'dnc.national' } }) });
      expect(response.status).toBe(200);
      const grade = (await response.json()) as { chosen?: { rule: string; why: string; read: string } };
      expect(grade.chosen).toMatchObject({ rule: 'dnc.national', why: '+13125550188 is not on your national registry copy', read: 'dialsim rules dnc.national' });
    } finally {
      await server.close();
    }
    const page = trainerPage();
    expect(page).toContain("if (grade.chosen) box.append(ruleBlock(grade.chosen, false, true));");
    expect(page).toContain("(chosen ? 'Why not: ' : 'Why: ')");
    expect(page).toContain("' · in a terminal: ' + rule.read");
  });
});
