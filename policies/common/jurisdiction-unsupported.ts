import { definePolicy, pass, violation } from '../../src/core/policy.js';

export const jurisdictionUnsupported = definePolicy({
  id: 'jurisdiction.unsupported',
  title: 'The number must be in a jurisdiction the policy packs cover',
  citation: "dialsim fail-closed rule: a number is screened only under the rules of a pack that covers its country",
  description:
    'Blocks a valid number that no pack in force covers: the United States and its territories (US, PR, GU, VI, MP, ' +
    'AS) are covered by `us-federal`, Canada by `canada`. The Caribbean countries of the +1 plan (Jamaica, the ' +
    'Bahamas...) and every other country have their own rules, which no pack encodes, so the call is not let through ' +
    'unscreened. The same holds for a Canadian number when `packs` leaves out `canada`. Nothing else is evaluated.',
  exemptions: [],
  terminal: true,
  messages: {
    outside: '{e164} is in {region}, a country none of the packs in force covers',
  },
  applies: () => true,
  evaluate: (facts) =>
    facts.number.validity === 'unsupported'
      ? violation('outside', { e164: facts.number.e164 ?? facts.number.input, region: facts.number.region ?? 'no single region' })
      : pass,
  examples: [
    {
      title: 'A Kingston, Jamaica number: +1, but Jamaican',
      request: { at: '2026-03-10T14:00:00-05:00', to: '+1 876 555 0199', method: 'manual', caller: { seller: 'acme' } },
      verdict: 'block',
    },
  ],
});
