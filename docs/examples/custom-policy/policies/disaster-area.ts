import { definePolicy, pass, violation } from 'dialsim';

interface Declaration {
  readonly id: string;
  readonly title: string;
  /** When the declaration took effect, and when it ended (null: still in force). */
  readonly from: string;
  readonly until: string | null;
  readonly postalCodes: readonly string[];
}

/**
 * The disaster declarations Acme honours, with the postal codes each covers. Example data: a real deployment loads
 * the compliance team's list here.
 */
export const DECLARATIONS: readonly Declaration[] = [
  { id: 'DR-4899', title: 'Louisiana severe storms', from: '2026-03-01T00:00:00-06:00', until: null, postalCodes: ['70112', '70113', '70114', '70115'] },
  { id: 'DR-4901', title: 'Texas Panhandle wildfires', from: '2026-02-10T00:00:00-06:00', until: '2026-03-05T00:00:00-06:00', postalCodes: ['79101', '79102'] },
];

// Parsed once, when the module loads: a policy reads facts, it does not parse text per call.
const periods = DECLARATIONS.map((declaration) => ({
  declaration,
  from: Date.parse(declaration.from),
  until: declaration.until === null ? Number.POSITIVE_INFINITY : Date.parse(declaration.until),
  postalCodes: new Set(declaration.postalCodes),
}));

export const disasterArea = definePolicy({
  id: 'acme.disaster-area',
  title: 'No sales calls to postal codes under a disaster declaration',
  citation: 'Acme calling policy §7.3',
  description:
    "Blocks a telemarketing call when the callee's postal code (ZIP or ZIP+4, from the lead's address, given as the " +
    'extension fact `postalCode`) is covered by a disaster declaration in force at the time of the call.',
  exemptions: ['Informational calls (a utility warning its customers) are not sales calls.'],
  extensions: { postalCode: 'string' },
  messages: {
    declared: 'postal code {postalCode} is under disaster declaration {declaration} ({title}) since {since}',
  },
  applies: (facts) => facts.purpose === 'telemarketing',
  evaluate: (facts) => {
    const postalCode = facts.extensions.postalCode.slice(0, 5);
    const period = periods.find(({ from, until, postalCodes }) => facts.at >= from && facts.at < until && postalCodes.has(postalCode));
    if (period === undefined) return pass;
    const { declaration } = period;
    return violation('declared', { postalCode, declaration: declaration.id, title: declaration.title, since: declaration.from.slice(0, 10) });
  },
});

export default disasterArea;
