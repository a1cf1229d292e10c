import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../src/dialer/audit-log.js';
import { AuditLineWriter, referenceAuditLine } from '../../src/dialer/audit-record-json.js';

/**
 * A finding that matches one written before is copied from its bytes, the data values that differ written in their
 * place (finding-pieces.ts). Over records whose findings come from a small pool, so most match and many differ from a
 * kept one in one field or one value only, every line must still be JSON.stringify's.
 */

const dataValue = fc.oneof(fc.constantFrom('mobile', 'acme', '+14845784351', '+14845784352', 'é', '"q"', ''), fc.constantFrom(0, -0, 1, 2.5, Number.NaN, Number.POSITIVE_INFINITY), fc.boolean());
// Plain data, data with the same keys in another order, and data a writer must not take for plain.
const data = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(fc.constantFrom('call', 'seller', 'e164', 'zone'), dataValue, { maxKeys: 3 }) },
  fc.tuple(dataValue, dataValue).map(([a, b]) => ({ seller: a, call: b })),
  fc.tuple(dataValue, dataValue).map(([a, b]) => ({ call: b, seller: a })),
  // The same values under the same keys, in the other order: another line.
  dataValue.map((value) => ({ seller: value, call: value })),
  dataValue.map((value) => ({ call: value, seller: value })),
  fc.constant({ call: 'mobile', inherited: 'x' }),
  // Keys a kept finding has, with a value the writer does not write itself.
  fc.constant({ seller: [1], call: 'mobile' }),
  fc.constant({ list: [1, 2] }),
  fc.constant({ nested: { call: 'mobile' } }),
  fc.constant({ gone: undefined, call: 'mobile' }),
  fc.constant(Object.assign(Object.create({ inherited: 'x' }) as object, { call: 'mobile' })),
  fc.constant({ toJSON: 'not a function', call: 'mobile' }),
);
const finding = fc.record({
  rule: fc.constantFrom('consent.autodial-wireless', 'dnc.state', 'hours.federal'),
  citation: fc.constantFrom('47 CFR 64.1200(a)(1)(iii)', '73 P.S. §2245.2'),
  messageId: fc.constantFrom('noConsent', 'missing'),
  data,
  text: fc.constantFrom('autodialed call without consent', 'autodialed call without consent ', 'no copy of "PA"'),
});

function attemptWith(violations: { rule: string; citation: string; messageId: string; data: object; text: string }[], exemptions: typeof violations): AttemptRecord {
  return {
    type: 'attempt',
    attemptId: 'A0000001',
    leadId: 'L1',
    to: '+14845784351',
    at: '2026-03-02T14:00:00Z',
    method: 'autodialer',
    purpose: 'telemarketing',
    caller: { seller: 'acme', kind: 'seller' },
    verdict: violations.length > 0 ? 'block' : 'allow',
    violations: violations.map(({ text, ...rest }) => ({ ...rest, data: rest.data as never, message: text })),
    exemptions: exemptions.map(({ text, ...rest }) => ({ ...rest, data: rest.data as never, reason: text })),
    callee: { validity: 'valid', region: 'US', kind: 'geographic', lineType: 'mobile', business: false, timeZones: [], timeZoneSource: null, states: [], stateSources: [] },
    localTimes: [],
    registries: [],
    consents: { priorExpressWritten: { valid: false, gap: 'none-on-file', at: null }, priorExpress: { valid: false, gap: 'none-on-file', at: null } },
    relationship: { lastTransactionAt: null, lastInquiryAt: null, personal: false },
    subject: null,
    history: [],
  };
}

describe('AuditLineWriter: findings copied whole', () => {
  it('writes every line as JSON.stringify does while findings repeat, differ in a field or a value, or are not plain data', () => {
    const records = fc.array(fc.tuple(fc.array(finding, { maxLength: 3 }), fc.array(finding, { maxLength: 2 })), { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(records, (generated) => {
        // One writer for the whole sequence, so findings kept from one record are found by the next.
        const chunks: Buffer[] = [];
        const writer = new AuditLineWriter((bytes) => chunks.push(Buffer.from(bytes)), 1 << 12);
        const expected = generated.map(([violations, exemptions]) => {
          const record = attemptWith(violations, exemptions);
          writer.write(record);
          return `${referenceAuditLine(record)}\n`;
        });
        writer.flush();
        expect(Buffer.concat(chunks).toString('utf8')).toBe(expected.join(''));
      }),
      { numRuns: 300 },
    );
  });
});
