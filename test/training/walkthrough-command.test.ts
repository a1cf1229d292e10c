import { describe, expect, it } from 'vitest';
import { runCliInMemory } from '../support/run-cli-in-memory.js';

describe('dialsim walkthrough', () => {
  it('replays scenarios/01-single-call.yaml attempt by attempt: situation, decision with citation, lifecycle states', async () => {
    const { code, stdout, stderr } = await runCliInMemory(['walkthrough', '--no-pause', 'scenarios/01-single-call.yaml']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatchInlineSnapshot(`
      "Walkthrough of scenarios/01-single-call.yaml
      One late call to Denver (calling for acme)
        20:30 on the caller's clock in Los Angeles is 21:30 in Denver: past the federal calling window.
        The same call an hour earlier is fine.

      ── Attempt 1 of 2 · early · 2026-03-11T02:30:00Z ──
      Situation:
         Floor clock:   It is 19:30 on Tuesday 10 March 2026 by your floor's clock (UTC-07:00).
         Lead clock:    For the lead it is 20:30 in Denver (America/Denver).
         Number:        (303) 555-0123, a landline at home.
         Dialing:       You dial it by hand.
         Purpose:       A sales call for acme.
         Registry:      Your National Do Not Call copy was synced 2026-03-01 00:00 UTC (10 days 2 hours before the call); the number is not on it.
         Internal list: The number is not on acme's own do-not-call list.
         Consent:       None on file.
         History:       No purchase or inquiry with acme on file.
      Screening: ALLOW +13035550123
        No rule applies against this call.
      Lifecycle: queued → screening → dialing → ringing → no-answer

      ── Attempt 2 of 2 · late · 2026-03-11T03:30:00Z ──
      Situation:
         Floor clock:   It is 20:30 on Tuesday 10 March 2026 on your floor in Los Angeles (America/Los_Angeles).
         Lead clock:    For the lead it is 21:30 in Denver (America/Denver).
         Number:        (303) 555-0123, a landline at home.
         Dialing:       You dial it by hand.
         Purpose:       A sales call for acme.
         Registry:      Your National Do Not Call copy was synced 2026-03-01 00:00 UTC (10 days 3 hours before the call); the number is not on it.
         Internal list: The number is not on acme's own do-not-call list.
         Consent:       None on file.
         History:       No purchase or inquiry with acme on file.
         Earlier calls: The subject of this call is not recorded. acme called this lead 1 time before: 2026-03-11 02:30 UTC (1 hour before the call).
      Screening: BLOCK +13035550123
        ✖ hours.federal: Telemarketing calls only between 08:00 and 21:00 local time
            Citation: 47 CFR 64.1200(c)(1); 16 CFR 310.4(c)
            Why: 21:30 in America/Denver is at or after 21:00
      Lifecycle: queued → screening → blocked

      End of the walkthrough: 2 attempts.
      "
    `);
  });

  it('shows consent steps where they happen and exemptions on allowed calls (05-autodial-mobile-consent)', async () => {
    const { code, stdout } = await runCliInMemory(['walkthrough', 'scenarios/05-autodial-mobile-consent.yaml']);
    expect(code).toBe(0);
    expect(stdout).toContain('· 2026-03-12T01:42:00Z  ned revokes prior-express-written consent.');
    expect(stdout).toContain('  ↷ consent.autodial-wireless (lifted): Autodialed or prerecorded calls to mobile lines need prior consent\n      Citation: 47 CFR 64.1200(a)(1)(iii); 47 CFR 64.1200(a)(2)\n      Why lifted: prior express written consent to acme, granted 2026-01-12');
    expect(stdout).toContain('Lifecycle: queued → screening → dialing → ringing → answered → connected → disclosure → pitch → meeting → wrap-up → done');
    // Piped standard input is not a terminal: nothing waits for Enter.
    expect(stdout).not.toContain('(Enter for the next attempt)');
  });

  it('a campaign scenario replays the first --limit campaign attempts and says how many there were', async () => {
    const { code, stdout } = await runCliInMemory(['walkthrough', '--limit', '2', 'scenarios/17-manual-dial-mobile-list.yaml']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/The campaign made \d+ attempts; the first 2 are shown above\.\n\nEnd of the walkthrough: 2 attempts\.\n$/);
  });

  it.each([
    [[], 'dialsim walkthrough: name one scenario file, e.g. dialsim walkthrough scenarios/01-single-call.yaml\n'],
    [['a.yaml', 'b.yaml'], 'dialsim walkthrough: expected one scenario file, got 2: a.yaml b.yaml\n'],
    [['--limit=-1', 'scenarios/01-single-call.yaml'], 'dialsim walkthrough: --limit must be a whole number of at least 0, got "-1"\n'],
  ])('bad arguments %j exit 2 with a message', async (args, message) => {
    expect(await runCliInMemory(['walkthrough', ...args])).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('a scenario that does not load exits 2 and names the file', async () => {
    const { code, stderr } = await runCliInMemory(['walkthrough', 'scenarios/missing.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^dialsim walkthrough: scenarios\/missing.yaml: cannot read scenario/);
  });
});
