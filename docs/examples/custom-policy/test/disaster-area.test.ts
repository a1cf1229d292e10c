import { testPolicy, instantIn } from 'dialsim/testing';
import { disasterArea } from '../policies/disaster-area.js';

const NEW_ORLEANS = '+1 504 555 0142';
const AMARILLO = '+1 806 555 0100';

/** A sales call to New Orleans at a Central time, with the lead's postal code. */
function call(postalCode: string | number, local = '2026-03-10 14:00') {
  return { to: NEW_ORLEANS, at: instantIn(local, 'America/Chicago'), extensions: { postalCode } };
}

testPolicy(disasterArea, {
  allowed: [
    { name: 'a New Orleans postal code outside every declaration (70130)', request: call('70130') },
    { name: 'an informational call into the declared area', request: { ...call('70112'), purpose: 'informational' } },
    { name: '23:59 on 28 February, the minute before DR-4899 took effect', request: call('70112', '2026-02-28 23:59') },
    { name: 'Amarillo 79101 at 00:00 on 5 March, when DR-4901 had ended', request: { ...call('79101', '2026-03-05 00:00'), to: AMARILLO } },
  ],
  blocked: [
    {
      name: '70112 on 10 March, under DR-4899',
      request: call('70112'),
      findings: [{ messageId: 'declared', data: { postalCode: '70112', declaration: 'DR-4899', title: 'Louisiana severe storms', since: '2026-03-01' } }],
    },
    {
      name: 'a ZIP+4 code, 70113-2401, counts by its ZIP code',
      request: call('70113-2401'),
      findings: [{ messageId: 'declared', data: { postalCode: '70113', declaration: 'DR-4899', title: 'Louisiana severe storms', since: '2026-03-01' } }],
    },
    {
      name: '00:00 on 1 March, the first minute of DR-4899',
      request: call('70114', '2026-03-01 00:00'),
      findings: [{ messageId: 'declared', data: { postalCode: '70114', declaration: 'DR-4899', title: 'Louisiana severe storms', since: '2026-03-01' } }],
    },
    {
      name: 'Amarillo 79101 at 23:59 on 4 March, under DR-4901',
      request: { ...call('79101', '2026-03-04 23:59'), to: AMARILLO },
      findings: [{ messageId: 'declared', data: { postalCode: '79101', declaration: 'DR-4901', title: 'Texas Panhandle wildfires', since: '2026-02-10' } }],
    },
    {
      name: 'no postal code: the rule cannot tell, so it blocks',
      request: { to: NEW_ORLEANS, at: instantIn('2026-03-10 14:00', 'America/Chicago') },
      findings: [{ messageId: 'factMissing', data: { fact: 'postalCode', kind: 'a string' } }],
    },
    {
      name: 'a postal code written as a number is refused, not guessed',
      request: call(70112),
      findings: [{ messageId: 'factInvalid', data: { fact: 'postalCode', kind: 'a string', value: '70112' } }],
    },
  ],
});
