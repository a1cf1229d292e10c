import { definePolicy } from '../../src/core/policy.js';
import { noPlaceOutcome } from '../common/no-place-outcome.js';

export const stateUnknown = definePolicy({
  id: 'state.unknown',
  title: "The callee's state must be known when a state rule applies",
  citation: 'dialsim fail-closed rule: state telemarketing statutes apply by where the callee lives (docs/rules/states.md)',
  description:
    'Stands in for every state rule when a telemarketing call to a residential US callee has no candidate state: the ' +
    'number is non-geographic (toll-free, personal) or its area code names no state in the numbering data, and ' +
    '`callee.state` was not given. The state rules cannot be checked, so the call is blocked (fail closed).',
  exemptions: ["Give `callee.state` (from the lead's address); the state rules then run for that state."],
  guards: 'state',
  messages: {
    nonGeographic: "{e164} is a {kind} number with no location, so the callee's state is unknown and the state rules cannot be checked; give callee.state from the lead's address",
    unknownAreaCode: "no state is known for area code {areaCode} ({e164}), so the state rules cannot be checked; give callee.state from the lead's address",
  },
  // A guard rule is never run on its own: the engine runs it in place of a rule whose required fact is unknown.
  applies: () => false,
  evaluate: noPlaceOutcome,
  examples: [
    {
      title: 'A toll-free number, no address on file',
      request: { at: '2026-03-10T14:00:00-05:00', to: '800-555-0100', method: 'manual', caller: { seller: 'acme' }, callee: { timeZone: 'America/Chicago' }, registries: { national: { syncedAt: '2026-03-01', numbers: [] } } },
      verdict: 'block',
    },
  ],
});
