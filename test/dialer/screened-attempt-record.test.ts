import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/core/decision.js';
import type { ConsentStatus, RegistryCopyFacts, ScreeningFacts } from '../../src/core/facts.js';
import { attemptRecord, type AttemptRecordInput } from '../../src/dialer/attempt-record.js';
import { auditLine, referenceAuditLine } from '../../src/dialer/audit-record-json.js';
import { attemptRegion, ScreenedAttemptRecord } from '../../src/dialer/screened-attempt-record.js';
import { InMemoryRegistry, type RegistryContext } from '../../src/resolve/registry.js';

/**
 * A screened attempt record is written straight from the screening's facts; its line must be the one JSON.stringify
 * writes for the record `attemptRecord` builds from the same facts, and every field it is read through must be that
 * record's.
 */

/** Text with the characters JSON.stringify escapes, beside plain ASCII. */
const text = fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 12 }) }, fc.constantFrom('"', '\\', '\n', 'é', '\ud800', 'Pennsylvania "PA"'));
const nullableText = fc.option(text, { nil: null });
// Whole seconds over a few years, and the odd millisecond: instants the log writes as ISO-8601.
const instant = fc.oneof(
  fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }).map((seconds) => seconds * 1000),
  fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
);
const nullableInstant = fc.option(instant, { nil: null });
const state = fc.constantFrom('PA', 'NY', 'ON', 'TX', 'AZ');

const copy: fc.Arbitrary<RegistryCopyFacts> = fc.record({ copy: fc.constantFrom('present', 'missing', 'uncovered'), syncedAt: nullableInstant, listed: fc.boolean() });
const consent: fc.Arbitrary<ConsentStatus> = fc.oneof(
  fc.record({ valid: fc.constant(true as const), grantedAt: instant }),
  fc.record({ valid: fc.constant(false as const), gap: fc.constantFrom('none-on-file', 'other-seller', 'revoked', 'granted-after-call'), at: nullableInstant }),
);
const data = fc.dictionary(text, fc.oneof(text, fc.integer(), fc.double()), { maxKeys: 3 });
const violation = fc.record({ rule: text, citation: text, messageId: text, data, message: text });
const exemption = fc.record({ rule: text, citation: text, messageId: text, data, reason: text });

const facts: fc.Arbitrary<ScreeningFacts> = fc
  .record({
    at: instant,
    method: fc.constantFrom('manual', 'autodialer'),
    purpose: fc.constantFrom('telemarketing', 'informational'),
    seller: text,
    callerKind: fc.constantFrom('seller', 'broker-dealer'),
    number: fc.record({
      input: text,
      validity: fc.constantFrom('valid', 'invalid', 'unsupported'),
      e164: nullableText,
      region: fc.option(fc.constantFrom('US', 'CA', 'PR'), { nil: null }),
      kind: fc.option(fc.constantFrom('geographic', 'toll-free'), { nil: null }),
    }),
    lineType: fc.constantFrom('mobile', 'landline', 'unknown'),
    business: fc.boolean(),
    zoneSource: fc.constantFrom('callee', 'area-code', 'none'),
    localTimes: fc.array(fc.record({ zone: text, iso: text, secondOfDay: fc.nat(86_399) }), { maxLength: 3 }),
    states: fc.uniqueArray(state, { maxLength: 3 }),
    nationalRegistry: copy,
    stateCopies: fc.array(copy, { minLength: 3, maxLength: 3 }),
    canadaRegistry: copy,
    internalListed: fc.boolean(),
    subject: nullableText,
    history: fc.array(fc.record({ at: instant, subject: nullableText }), { maxLength: 3 }),
    consents: fc.record({ priorExpressWritten: consent, priorExpress: consent }),
    relationship: fc.record({ lastTransactionAt: nullableInstant, lastInquiryAt: nullableInstant, personal: fc.boolean() }),
    extensions: fc.oneof(fc.constant({}), fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 })), { maxKeys: 3 })),
  })
  .map(({ lineType, business, zoneSource, localTimes, states, stateCopies, internalListed, ...rest }) => ({
    ...rest,
    callee: { lineType, business, zoneSource, localTimes, states, stateSources: states.map(() => 'area-code' as const) },
    stateRegistries: Object.fromEntries(states.map((code, index) => [code, stateCopies[index]!])),
    internalList: { listed: internalListed },
  }));

const decision: fc.Arbitrary<Decision> = fc.record({
  verdict: fc.constantFrom('allow', 'block'),
  violations: fc.array(violation, { maxLength: 2 }),
  exemptions: fc.array(exemption, { maxLength: 2 }),
  callee: fc.constant({ e164: null, timeZones: [], localTimes: [], states: [] }),
});

// Where each copy came from is all a record reads of the registries (the facts say what the copies hold).
const sharedCopy = fc.option(
  fc.option(text, { nil: undefined }).map((source) => ({ syncedAt: null, numbers: new InMemoryRegistry(), ...(source !== undefined && { source }) })),
  { nil: undefined },
);
const registries: fc.Arbitrary<RegistryContext> = fc
  .record({ national: sharedCopy, internal: sharedCopy, canada: sharedCopy, states: fc.array(fc.tuple(state, sharedCopy), { maxLength: 3 }) })
  .map(({ states, ...lists }) => {
    const copies = new Map(states.flatMap(([code, copy]) => (copy === undefined ? [] : [[code, copy] as const])));
    return Object.fromEntries(Object.entries({ ...lists, states: copies }).filter(([, copy]) => copy !== undefined)) as RegistryContext;
  });

const input: fc.Arbitrary<AttemptRecordInput> = fc.record({ attemptId: text, leadId: text, decision, facts, registries });

describe('ScreenedAttemptRecord', () => {
  it('is written byte for byte as JSON.stringify writes the record attemptRecord builds', () => {
    fc.assert(
      fc.property(input, (screened) => {
        const expected = JSON.stringify(attemptRecord(screened));
        expect(auditLine(new ScreenedAttemptRecord(screened))).toBe(expected);
        expect(referenceAuditLine(new ScreenedAttemptRecord(screened))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads, field by field, as the record attemptRecord builds', () => {
    fc.assert(
      fc.property(input, (screened) => {
        const built = attemptRecord(screened);
        const lazy = new ScreenedAttemptRecord(screened);
        for (const field of Object.keys(built) as (keyof typeof built)[]) expect(lazy[field]).toEqual(built[field]);
        expect(lazy.extensions).toEqual(built.extensions);
        expect(attemptRegion(lazy)).toBe(built.callee.region);
        expect(attemptRegion(built)).toBe(built.callee.region);
      }),
      { numRuns: 500 },
    );
  });
});
