import { describe, expect, it } from 'vitest';
import { parseCheckRequest } from '../../src/core/check-request.js';
import { InputError } from '../../src/core/input-error.js';
import { definePolicy, pass, violation } from '../../src/core/policy.js';
import { screen } from '../../src/engine/screen.js';
import { aCheckRequest } from '../../src/testing/a-check-request.js';
import { anAttempt } from '../../src/testing/an-attempt.js';
import { packFor } from '../../src/testing/test-policy.js';

/** Records what evaluate was given, and blocks when the lead was called in the last hour. */
function setup() {
  const seen: unknown[] = [];
  const lastCall = definePolicy({
    id: 'acme.last-call',
    title: 'No second call within the hour',
    citation: 'Acme calling policy §5.1',
    extensions: { lastCallAt: 'instant', vip: 'boolean' },
    messages: { tooSoon: 'called at {lastCallAt}, less than an hour ago' },
    applies: (facts) => facts.purpose === 'telemarketing',
    evaluate: (facts) => {
      seen.push(facts.extensions);
      return facts.at - facts.extensions.lastCallAt < 3_600_000 && !facts.extensions.vip ? violation('tooSoon', { lastCallAt: new Date(facts.extensions.lastCallAt).toISOString() }) : pass;
    },
  });
  return { seen, pack: packFor(lastCall) };
}

const AT = '2026-03-10T14:00:00-05:00';

describe('extension facts: facts a custom policy declares and the attempt supplies', () => {
  it('reach evaluate checked and converted: an instant as ISO text becomes epoch milliseconds', () => {
    const { seen, pack } = setup();
    const decision = screen(anAttempt({ at: AT, extensions: { lastCallAt: '2026-03-10T13:30:00-05:00', vip: false } }), { pack });
    expect(decision).toBeBlockedBy('acme.last-call', { messageId: 'tooSoon', data: { lastCallAt: '2026-03-10T18:30:00.000Z' }, only: true });
    expect(seen).toEqual([{ lastCallAt: Date.parse('2026-03-10T13:30:00-05:00'), vip: false }]);
  });

  it('an instant may also be given as epoch milliseconds (a library caller building a CallAttempt)', () => {
    const { pack } = setup();
    const attempt = { ...anAttempt({ at: AT }), extensions: { lastCallAt: Date.parse(AT) - 7_200_000, vip: false } };
    expect(screen(attempt, { pack })).toBeAllowed();
  });

  it('only the declared facts reach evaluate; others are ignored', () => {
    const { seen, pack } = setup();
    screen(anAttempt({ at: AT, extensions: { lastCallAt: '2026-03-10T09:00:00-05:00', vip: true, postalCode: '70112' } }), { pack });
    expect(seen).toEqual([{ lastCallAt: Date.parse('2026-03-10T09:00:00-05:00'), vip: true }]);
  });

  it('a missing or null fact blocks (fail closed) and names the fact; evaluate does not run', () => {
    const { seen, pack } = setup();
    const missing = screen(anAttempt({ at: AT, extensions: { vip: false } }), { pack });
    expect(missing).toBeBlockedBy('acme.last-call', { messageId: 'factMissing', data: { fact: 'lastCallAt', kind: 'an ISO-8601 instant with an offset' }, only: true });
    expect(missing.violations[0]?.message).toMatchInlineSnapshot(`"rule acme.last-call needs the fact extensions.lastCallAt (an ISO-8601 instant with an offset), which the attempt does not give; the call is blocked until it is given"`);
    const nulled = screen(anAttempt({ at: AT, extensions: { lastCallAt: null, vip: false } }), { pack });
    expect(nulled).toBeBlockedBy('acme.last-call', { messageId: 'factMissing' });
    expect(seen).toEqual([]);
  });

  it('a fact of the wrong kind blocks and shows the value: an instant without an offset, a boolean as text', () => {
    const { pack } = setup();
    const noOffset = screen(anAttempt({ at: AT, extensions: { lastCallAt: '2026-03-10T13:30:00', vip: false } }), { pack });
    expect(noOffset).toBeBlockedBy('acme.last-call', { messageId: 'factInvalid', data: { fact: 'lastCallAt', kind: 'an ISO-8601 instant with an offset', value: '"2026-03-10T13:30:00"' } });
    expect(noOffset.violations[0]?.message).toMatchInlineSnapshot(`"rule acme.last-call needs extensions.lastCallAt as an ISO-8601 instant with an offset, got "2026-03-10T13:30:00"; the call is blocked until it is given"`);
    const textBoolean = screen(anAttempt({ at: AT, extensions: { lastCallAt: '2026-03-10T09:00:00-05:00', vip: 'yes' } }), { pack });
    expect(textBoolean).toBeBlockedBy('acme.last-call', { messageId: 'factInvalid', data: { fact: 'vip', kind: 'true or false', value: '"yes"' } });
  });

  it('a rule that does not apply does not block for a missing fact (informational call)', () => {
    const { pack } = setup();
    expect(screen(anAttempt({ at: AT, purpose: 'informational' }), { pack })).toBeAllowed();
  });

  it('the check request carries them as "extensions", validated at the edge', () => {
    expect(parseCheckRequest(aCheckRequest({ extensions: { postalCode: '70112', recentCalls: ['2026-03-10T09:00:00Z'], score: 3, vip: true } })).extensions).toEqual({
      postalCode: '70112',
      recentCalls: ['2026-03-10T09:00:00Z'],
      score: 3,
      vip: true,
    });
    expect(parseCheckRequest(aCheckRequest()).extensions).toBeUndefined();
    expect(() => parseCheckRequest(aCheckRequest({ extensions: { address: { zip: '70112' } } as never }))).toThrow(InputError);
    expect(() => parseCheckRequest(aCheckRequest({ extensions: { address: { zip: '70112' } } as never }))).toThrow(
      'extensions.address: expected a string, a number, true or false, null, or an array of strings and numbers',
    );
    expect(() => parseCheckRequest(aCheckRequest({ extensions: { 'postal-code': '70112' } }))).toThrow('a fact name is letters, digits and _');
  });

  it('policies that declare none are untouched: the built-in pack ignores extensions', () => {
    expect(screen(anAttempt({ extensions: { postalCode: '70112' } }))).toEqual(screen(anAttempt()));
  });
});
