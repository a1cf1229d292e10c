import { definePolicy, pass, violation } from '../../src/core/policy.js';
import { registryCopyProblem } from '../../src/core/registry-copy.js';
import { fccAndTsrCitation } from './broker-dealer.js';

const MAX_AGE_DAYS = 31;

export const dncRegistryStale = definePolicy({
  id: 'dnc.registry-stale',
  title: 'Screen against a national registry copy at most 31 days old',
  ...fccAndTsrCitation('47 CFR 64.1200(c)(2)(i)', '16 CFR 310.4(b)(3)'),
  description:
    "Blocks a telemarketing call to a residential number when the seller's copy of the national do-not-call " +
    'registry is missing, has no sync date, was synced after the call, or is more than 31 days (31 x 24 hours) ' +
    "old at the time of the call, or is a registry store that holds no download for the number's area code. " +
    'The safe harbor requires a copy obtained no more than 31 days before the call.',
  exemptions: [
    'Informational calls (`purpose: informational`).',
    'Business lines (`callee.business: true`): the registry covers residential subscribers.',
  ],
  messages: {
    missing: 'no copy of the national do-not-call registry was supplied (registries.national), so the number cannot be screened against it',
    areaCodeNotCovered:
      'the national registry copy (a registry store) holds no download for area code {areaCode}, so it cannot vouch for this number; import that area code\'s list',
    noSyncDate: 'the national registry copy has no sync date (registries.national.syncedAt), so its age is unknown',
    syncedAfterCall: 'the national registry copy is dated {syncedAt}, after the call; a call can only be screened with a copy obtained before it',
    stale: 'the national registry copy was synced {syncedAt}, {age} before the call; it must be at most 31 days old',
  },
  applies: (facts) => facts.purpose === 'telemarketing' && !facts.callee.business,
  evaluate: (facts) => {
    const problem = registryCopyProblem(facts.nationalRegistry, facts.at, MAX_AGE_DAYS, facts.number.e164);
    return problem === undefined ? pass : violation(problem.messageId, problem.data);
  },
  examples: [
    {
      title: 'A copy synced 40 days before the call',
      request: {
        at: '2026-04-10T14:00:00-04:00',
        to: '+1 212 555 0147',
        method: 'manual',
        caller: { seller: 'acme' },
        registries: { national: { syncedAt: '2026-03-01', numbers: [] } },
      },
      verdict: 'block',
    },
  ],
});
