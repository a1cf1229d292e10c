import { definePolicy, pass, violation } from '../../src/core/policy.js';
import { registryCopyProblem } from '../../src/core/registry-copy.js';
import { CANADA_FACTS } from './canada-facts.js';

export const dncCanadaStale = definePolicy({
  id: 'dnc.canada-stale',
  title: "Screen against a copy of Canada's National DNCL at most 31 days old",
  citation: CANADA_FACTS.dnclMaxAgeDays.citation,
  description:
    "Blocks a telemarketing call to a residential Canadian number when the seller's copy of the National Do Not Call " +
    'List (`registries.canada`) is missing, was downloaded after the call, or is more than 31 days (31 x 24 hours) ' +
    'old at the time of the call: the DNCL Rules allow only a version of the list at most 31 days old.',
  exemptions: [
    'Informational calls (`purpose: informational`).',
    'Business lines (`callee.business: true`): calls to businesses are exempt from the DNCL rules.',
  ],
  messages: {
    missing: "no copy of Canada's National Do Not Call List was supplied (registries.canada), so the number cannot be screened against it",
    areaCodeNotCovered: 'the DNCL copy (a registry store) holds no download for area code {areaCode}, so it cannot vouch for this number',
    noSyncDate: 'the DNCL copy has no download date (registries.canada.syncedAt), so its age is unknown',
    syncedAfterCall: 'the DNCL copy is dated {syncedAt}, after the call; a call can only be screened with a copy obtained before it',
    stale: 'the DNCL copy was downloaded {syncedAt}, {age} before the call; it must be at most 31 days old',
  },
  applies: (facts) => facts.purpose === 'telemarketing' && !facts.callee.business,
  evaluate: (facts) => {
    const problem = registryCopyProblem(facts.canadaRegistry, facts.at, CANADA_FACTS.dnclMaxAgeDays.value, facts.number.e164);
    return problem === undefined ? pass : violation(problem.messageId, problem.data);
  },
  examples: [
    {
      title: 'A DNCL copy downloaded 40 days before the call',
      request: { at: '2026-04-10T14:00:00-04:00', to: '+1 416 555 0199', method: 'manual', caller: { seller: 'acme' }, registries: { canada: { syncedAt: '2026-03-01', numbers: [] } } },
      verdict: 'block',
    },
  ],
});
