import { instantIn, testPolicy } from 'dialsim/testing';
import { attemptCap } from '../policies/attempt-cap.js';

const ZONE = 'America/Chicago';

/** Instants of earlier calls, from Chicago local times. */
const calls = (...locals: string[]) => locals.map((local) => instantIn(local, ZONE));

/** A call at `local` (Chicago) to a lead already called at `recentCalls`. */
const at = (local: string, recentCalls: readonly string[]) => ({ at: instantIn(local, ZONE), extensions: { recentCalls: [...recentCalls] } });

testPolicy(attemptCap, {
  allowed: [
    { name: 'a first call: no call before', request: at('2026-03-10 15:00', []) },
    { name: 'a third call: 2 in the 24 hours before', request: at('2026-03-10 15:00', calls('2026-03-10 09:00', '2026-03-10 12:00')) },
    {
      name: '3 calls, the oldest exactly 24 hours before: it no longer counts',
      request: at('2026-03-10 15:00', calls('2026-03-09 15:00', '2026-03-10 09:00', '2026-03-10 12:00')),
    },
    {
      name: 'calls after this one (a history replayed out of order) do not count',
      request: at('2026-03-10 15:00', calls('2026-03-10 09:00', '2026-03-10 16:00', '2026-03-10 17:00')),
    },
  ],
  blocked: [
    {
      name: 'a fourth call: 3 in the 24 hours before, the oldest 23:59:59 ago',
      request: at('2026-03-10 15:00', calls('2026-03-09 15:00:01', '2026-03-10 09:00', '2026-03-10 12:00')),
      findings: [{ messageId: 'capReached', data: { count: 3, max: 3, nextAllowed: '2026-03-10T20:00:01Z' } }],
    },
    {
      name: '5 calls in 24 hours: the next is allowed when the third-latest ages out',
      request: at('2026-03-10 15:00', calls('2026-03-09 18:00', '2026-03-09 19:00', '2026-03-10 09:00', '2026-03-10 10:00', '2026-03-10 11:00')),
      findings: [{ messageId: 'capReached', data: { count: 5, max: 3, nextAllowed: '2026-03-11T14:00:00Z' } }],
    },
    {
      name: '24 hours are elapsed time: 16:00 on 7 March to 16:00 on 8 March is 23 hours across the spring-forward change',
      request: at('2026-03-08 16:00', calls('2026-03-07 16:00', '2026-03-08 09:00', '2026-03-08 12:00')),
      findings: [{ messageId: 'capReached', data: { count: 3, max: 3, nextAllowed: '2026-03-08T22:00:00Z' } }],
    },
    {
      name: 'no call history given: the rule blocks until it is',
      request: { at: instantIn('2026-03-10 15:00', ZONE) },
      findings: [{ messageId: 'factMissing', data: { fact: 'recentCalls', kind: 'a list of ISO-8601 instants with offsets' } }],
    },
    {
      name: 'a call time without an offset names no instant and is refused',
      request: at('2026-03-10 15:00', ['2026-03-10T09:00:00']),
      findings: [{ messageId: 'factInvalid', data: { fact: 'recentCalls', kind: 'a list of ISO-8601 instants with offsets', value: '["2026-03-10T09:00:00"]' } }],
    },
  ],
});
