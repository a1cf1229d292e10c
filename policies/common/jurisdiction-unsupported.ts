import { definePolicy, pass, violation } from '../../src/core/policy.js';

export const jurisdictionUnsupported = definePolicy({
  id: 'jurisdiction.unsupported',
  title: 'The number must be in a jurisdiction the policy packs cover',
  citation: 'dialsim fail-closed rule: only United States rules are encoded (47 CFR 64.1200; 16 CFR 310)',
  description:
    'Blocks a valid number outside the United States and its territories (US, PR, GU, VI, MP, AS). Canada and the ' +
    'Caribbean share the +1 country code but have their own rules, which no pack encodes yet, so the call is not ' +
    'let through unscreened. Nothing else is evaluated.',
  exemptions: [],
  terminal: true,
  messages: {
    outside: '{e164} is in {region}, outside the jurisdictions covered (the United States and its territories)',
  },
  applies: () => true,
  evaluate: (facts) =>
    facts.number.validity === 'unsupported'
      ? violation('outside', { e164: facts.number.e164 ?? facts.number.input, region: facts.number.region ?? 'no single region' })
      : pass,
  examples: [
    {
      title: 'A Toronto number: +1, but Canadian',
      request: { at: '2026-03-10T14:00:00-05:00', to: '+1 416 555 0199', method: 'manual', caller: { seller: 'acme' } },
      verdict: 'block',
    },
  ],
});
