import { definePolicy, pass, violation } from '../../src/core/policy.js';

export const numberInvalid = definePolicy({
  id: 'number.invalid',
  title: 'The number must be a valid, dialable phone number',
  citation: 'dialsim fail-closed rule: no regulation can be checked for an undialable number',
  description:
    'Blocks when `to` is not a valid phone number (libphonenumber-js, full metadata; no country prefix means US). ' +
    'Nothing else is evaluated: registry, hours and consent rules all need a real number.',
  exemptions: [],
  terminal: true,
  messages: {
    invalid: '{input} is not a valid phone number',
  },
  applies: () => true,
  evaluate: (facts) =>
    facts.number.validity === 'invalid' ? violation('invalid', { input: JSON.stringify(facts.number.input) }) : pass,
  examples: [
    {
      title: 'A number with too few digits',
      request: { at: '2026-03-10T14:00:00-05:00', to: '555-0123', method: 'manual', caller: { seller: 'acme' } },
      verdict: 'block',
    },
  ],
});
