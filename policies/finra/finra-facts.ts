import type { CitedFact } from '../../src/core/cited-fact.js';

/**
 * FINRA Rule 3230's facts, each with its citation, confidence mark and source as ../shared/rules.md §1-§3 and
 * jurisdictions.md §E give them. The rule text itself was not in what ../shared read: the paragraph structure comes
 * from NASD 2212 and FINRA's FAQ, so most marks are S.
 */
export const FINRA_FACTS = {
  window: {
    value: { from: '08:00', to: '21:00' },
    citation: 'FINRA Rule 3230(a)(1)',
    confidence: 'S',
    source: 'rules.md §1 (legalclarity.org; FINRA FAQ); jurisdictions.md E1',
    note: "A call to a person's residence, in the called person's local time.",
  },
  windowExceptions: {
    value: ['established business relationship', 'prior express invitation or permission', 'the callee is a broker or dealer'],
    citation: 'FINRA Rule 3230(a)(1)',
    confidence: 'S',
    source: 'jurisdictions.md E1 (NASD 2212 text; 2012 summary of 3230); rules.md §1 names only prior consent (partial conflict)',
    note: 'dialsim applies the first two; a request cannot say that the callee is a broker or dealer, so that exception never lifts the rule (the stricter reading).',
  },
  dncExceptions: {
    value: ['established business relationship', 'prior express written consent', 'personal relationship'],
    citation: 'FINRA Rule 3230(b)',
    confidence: 'S',
    source: 'FINRA FAQ: "Rule 3230(b) provides for three exceptions" [P]; their content only from NASD 2212 [S] (jurisdictions.md E1)',
    note: 'A firm-specific do-not-call request ends the relationship (dnc.internal blocks whatever the exemptions).',
  },
  relationshipMonths: {
    value: { transactionMonths: 18, inquiryMonths: 3 },
    citation: 'FINRA Rule 3230(m); 47 CFR 64.1200(f)(5)',
    confidence: 'S',
    source: 'rules.md §2 (the FCC and TSR definitions; 3230 is "substantially similar" to the FTC rule, jurisdictions.md E2)',
  },
  disclosure: {
    value: ["the caller's name", "the firm's name", "the firm's telephone number or address", 'that the call is to solicit the purchase of securities or related services'],
    citation: 'FINRA Rule 3230(d)(4)',
    confidence: 'U',
    source: 'rules.md §3 and §6 (investopedia series 7) [S]; the paragraph letter is [M]',
  },
} as const satisfies Record<string, CitedFact<unknown>>;
