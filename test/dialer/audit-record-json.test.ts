import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileAuditSink, type AttemptRecord, type AuditRecord, type AuditSink } from '../../src/dialer/audit-log.js';
import { AuditLineWriter, auditLine, referenceAuditLine } from '../../src/dialer/audit-record-json.js';
import { packForScenarioFile } from '../../src/scenario/scenario-pack.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario } from '../../src/scenario/run-scenario.js';

/**
 * The direct serializer must write exactly the bytes JSON.stringify writes: over generated records of every type,
 * with strings that need every kind of escape, and over every record the scenario library's runs write.
 */

/** Text with the characters JSON.stringify treats specially well represented: quotes, backslashes, control characters, lone and paired surrogates, non-ASCII. */
const text = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.string({ maxLength: 6 }) },
      fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '\u2028', '\ud800', '\udfff', '\ud83d\ude00', 'é', '–', '/'),
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));
const nullableText = fc.option(text, { nil: null });
const texts = fc.array(text, { maxLength: 4 });
const messageData = fc.dictionary(text, fc.oneof(text, fc.integer(), fc.double()), { maxKeys: 4 });

const violation = fc.record({ rule: text, citation: text, messageId: text, data: messageData, message: text });
const exemption = fc.record({ rule: text, citation: text, messageId: text, data: messageData, reason: text });
const registryEntry = fc
  .tuple(fc.constantFrom('national', 'state', 'canada', 'internal'), fc.option(text, { nil: undefined }), nullableText, fc.constantFrom('present', 'missing', 'uncovered'), nullableText, fc.boolean())
  .map(([list, state, source, copy, syncedAt, listed]) => ({ list, ...(state !== undefined && { state }), source, copy, syncedAt, listed }));
const consent = fc.oneof(
  fc.record({ valid: fc.constant(true as const), grantedAt: text }),
  fc.record({ valid: fc.constant(false as const), gap: text, at: nullableText }),
);
const extensionValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.oneof(text, fc.integer())));

const attempt = fc
  .record({
    attemptId: text,
    leadId: text,
    to: text,
    at: text,
    method: text,
    purpose: text,
    caller: fc.record({ seller: text, kind: text }),
    verdict: fc.constantFrom('allow', 'block'),
    violations: fc.array(violation, { maxLength: 3 }),
    exemptions: fc.array(exemption, { maxLength: 3 }),
    callee: fc.record({
      validity: text,
      region: nullableText,
      kind: nullableText,
      lineType: text,
      business: fc.boolean(),
      timeZones: texts,
      timeZoneSource: fc.constantFrom('address', 'area-code', null),
      states: texts,
      stateSources: texts,
    }),
    localTimes: texts,
    registries: fc.array(registryEntry, { maxLength: 5 }),
    consents: fc.record({ priorExpressWritten: consent, priorExpress: consent }),
    relationship: fc.record({ lastTransactionAt: nullableText, lastInquiryAt: nullableText, personal: fc.boolean() }),
    subject: nullableText,
    history: fc.array(fc.record({ at: text, subject: nullableText }), { maxLength: 3 }),
    extensions: fc.option(fc.dictionary(text, extensionValue, { maxKeys: 3 }), { nil: undefined }),
  })
  // The builder (attempt-record.ts) leaves `extensions` out when no rule declares one; `type` comes first.
  .map(({ extensions, ...rest }) => ({ type: 'attempt', ...rest, ...(extensions !== undefined && { extensions }) }) as unknown as AttemptRecord);

const record: fc.Arbitrary<AuditRecord> = fc.oneof(
  attempt,
  fc.record({ attemptId: text, from: text, to: text, at: text }).map((fields) => ({ type: 'transition' as const, ...fields })),
  fc.record({ attemptId: nullableText, leadId: text, to: text, at: text, seller: text }).map((fields) => ({ type: 'dnc-request' as const, ...fields })),
  fc.record({ attemptId: text, at: text, items: texts }).map((fields) => ({ type: 'disclosure' as const, ...fields })),
  fc.record({ attemptId: text, at: text, seller: text }).map((fields) => ({ type: 'identification-message' as const, ...fields })),
);

describe('auditLine', () => {
  it('writes every record type byte for byte as JSON.stringify does', () => {
    fc.assert(
      fc.property(record, (generated) => {
        expect(auditLine(generated)).toBe(referenceAuditLine(generated));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes long strings (copied natively from 24 characters) as JSON.stringify does, whatever character they hold and where', () => {
    const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 20, maxLength: 80 });
    const special = fc.constantFrom('', '"', '\\', '\n', '\u0000', '\u001f', '\u007f', 'é', '\u2028', '\ud800', '\ud83d\ude00');
    const long = fc.tuple(printable, special, fc.nat()).map(([base, char, at]) => base.slice(0, at % (base.length + 1)) + char + base.slice(at % (base.length + 1)));
    fc.assert(
      fc.property(long, long, (first, second) => {
        const lines: AuditRecord[] = [
          { type: 'disclosure', attemptId: first, at: second, items: [first, second] },
          { type: 'transition', attemptId: second, from: 'ringing', to: 'answered', at: first },
        ];
        for (const line of lines) expect(auditLine(line)).toBe(referenceAuditLine(line));
      }),
      { numRuns: 3000 },
    );
  });

  it('falls back to JSON.stringify for message data it does not write itself (non-finite numbers, undefined, toJSON)', () => {
    const data = [{ n: Number.NaN }, { n: Number.POSITIVE_INFINITY }, { gone: undefined }, { when: new Date(0) }, { list: [1, undefined] }, { nested: { a: 1 } }];
    for (const entry of data) {
      const generated = fc.sample(attempt, { seed: 7, numRuns: 1 })[0]!;
      const withData = { ...generated, violations: [{ rule: 'r', citation: 'c', messageId: 'm', data: entry as never, message: 'x' }] };
      expect(auditLine(withData)).toBe(JSON.stringify(withData));
    }
  });
});

describe('AuditLineWriter', () => {
  it('gives the same bytes however small its buffer, draining in the middle of lines and strings', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 5 }), fc.integer({ min: 16, max: 300 }), (records, size) => {
        const chunks: Buffer[] = [];
        const writer = new AuditLineWriter((bytes) => {
          expect(bytes.length).toBeGreaterThan(0);
          chunks.push(Buffer.from(bytes));
        }, size);
        for (const entry of records) writer.write(entry);
        writer.flush();
        expect(Buffer.concat(chunks).toString('utf8')).toBe(records.map((entry) => `${referenceAuditLine(entry)}\n`).join(''));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the prefixes of findings the writer keeps', () => {
  // A few rules, citations and message ids, so that a prefix written before is met again, or one field differs.
  const finding = fc.record({
    rule: fc.constantFrom('hours.federal', 'dnc.state', 'r"quoted'),
    citation: fc.constantFrom('47 CFR 64.1200(c)(1)', '16 CFR 310.4(c)', 'é'),
    messageId: fc.integer({ min: 0, max: 19 }).map((id) => `message${id}`),
    data: messageData,
    message: text,
  });
  const withFindings = fc.tuple(attempt, fc.array(finding, { maxLength: 4 }), fc.array(finding, { maxLength: 2 })).map(
    ([generated, violations, lifted]): AuditRecord => ({ ...generated, violations, exemptions: lifted.map(({ message, ...rest }) => ({ ...rest, reason: message })) }),
  );

  it('are written again when the citation or the message id differs, in one writer over many records', () => {
    fc.assert(
      fc.property(fc.array(withFindings, { minLength: 5, maxLength: 40 }), (records) => {
        const chunks: Buffer[] = [];
        const writer = new AuditLineWriter((bytes) => chunks.push(Buffer.from(bytes)));
        for (const entry of records) writer.write(entry);
        writer.flush();
        expect(Buffer.concat(chunks).toString('utf8')).toBe(records.map((entry) => `${referenceAuditLine(entry)}\n`).join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('stay right past the number of rules it keeps (its map is cleared), and back again', () => {
    const [generated] = fc.sample(attempt, { seed: 5, numRuns: 1 });
    const records = [...Array.from({ length: 700 }, (_, index) => index), 3, 650, 3].map(
      (index): AuditRecord => ({ ...generated!, violations: [{ rule: `rule.${index}`, citation: `cite ${index % 7}`, messageId: 'm', data: { index }, message: 'x' }] }),
    );
    const chunks: Buffer[] = [];
    const writer = new AuditLineWriter((bytes) => chunks.push(Buffer.from(bytes)));
    for (const entry of records) writer.write(entry);
    writer.flush();
    expect(Buffer.concat(chunks).toString('utf8')).toBe(records.map((entry) => `${referenceAuditLine(entry)}\n`).join(''));
  });
});

describe('the consent pieces the writer keeps', () => {
  // Frozen lists shared by many records, as the resolution shares an area code's states. A few values per field, so
  // that a callee or a consent written before is met again, or differs in one field only.
  const sharedStates = [Object.freeze(['CA']), Object.freeze(['ID', 'OR']), Object.freeze([] as string[]), Object.freeze(['N"Y'])];
  const few = <T>(...values: T[]) => fc.constantFrom(...values);
  const callee = fc.record({
    validity: few('valid', 'invalid', 'unsupported'),
    region: few('US', 'CA', null),
    kind: few('geographic', 'toll-free', null),
    lineType: few('mobile', 'landline', 'unknown'),
    business: fc.boolean(),
    timeZones: fc.oneof(few(['America/Denver'], ['America/Boise', 'America/Los_Angeles'], [] as string[]), texts),
    timeZoneSource: few('address', 'area-code', null),
    states: fc.oneof({ weight: 4, arbitrary: few(...sharedStates) }, texts),
    stateSources: fc.oneof(few(Object.freeze(['area-code']), ['area-code', 'address'], [] as string[]), texts),
  });
  const consentStatus = fc.oneof(
    fc.record({ valid: fc.constant(true as const), grantedAt: few('2025-06-01T00:00:00Z', 'none-on-file', '') }),
    fc.record({ valid: fc.constant(false as const), gap: few('none-on-file', '2025-06-01T00:00:00Z', ''), at: fc.option(few('2026-01-01T00:00:00Z', ''), { nil: null }) }),
  );
  // Records draw their callee from a small pool, some with one field changed: a piece kept for one callee is then
  // met again by the same callee and by callees that differ from it in one field only.
  const tweak = fc.oneof(
    fc.constant({}),
    callee.map(({ validity }) => ({ validity })),
    callee.map(({ region }) => ({ region })),
    callee.map(({ kind }) => ({ kind })),
    callee.map(({ lineType }) => ({ lineType })),
    callee.map(({ business }) => ({ business })),
    callee.map(({ timeZones }) => ({ timeZones })),
    callee.map(({ timeZoneSource }) => ({ timeZoneSource })),
    callee.map(({ stateSources }) => ({ stateSources })),
  );
  const drawn = fc.tuple(attempt, fc.nat(), tweak, consentStatus, consentStatus);
  const records = fc.tuple(fc.array(callee, { minLength: 1, maxLength: 3 }), fc.array(drawn, { minLength: 5, maxLength: 40 })).map(([pool, draws]) =>
    draws.map(([generated, index, change, written, express]): AuditRecord => ({
      ...generated,
      callee: { ...pool[index % pool.length]!, ...change },
      consents: { priorExpressWritten: written, priorExpress: express },
    }) as AuditRecord),
  );

  it('give the same bytes as JSON.stringify over many records in one writer, however small its buffer', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: 16, max: 4096 }), (written, size) => {
        const chunks: Buffer[] = [];
        const writer = new AuditLineWriter((bytes) => chunks.push(Buffer.from(bytes)), size);
        for (const entry of written) writer.write(entry);
        writer.flush();
        expect(Buffer.concat(chunks).toString('utf8')).toBe(written.map((entry) => `${referenceAuditLine(entry)}\n`).join(''));
      }),
      { numRuns: 300 },
    );
  });

});

describe('the file sink', () => {
  it('writes the reference lines, each ending in a newline, even a line longer than its buffer', () => {
    const path = join(tmpdir(), `dialsim-audit-json-${process.pid}.jsonl`);
    const records: AuditRecord[] = [
      ...fc.sample(record, { seed: 11, numRuns: 2000 }),
      // Longer than the sink's 1 MiB buffer, with two- and three-byte characters to end on.
      { type: 'disclosure', attemptId: 'A0000001', at: '2026-03-02T14:00:00Z', items: ['é'.repeat(400_000), '–'.repeat(300_000)] },
      ...fc.sample(record, { seed: 12, numRuns: 500 }),
    ];
    try {
      const sink = new FileAuditSink(path);
      for (const entry of records) sink.write(entry);
      sink.close();
      const expected = records.map((entry) => `${referenceAuditLine(entry)}\n`).join('');
      const written = readFileSync(path);
      expect(written.equals(Buffer.from(expected, 'utf8'))).toBe(true);
      expect(sink.bytesWritten).toBe(written.length);
    } finally {
      rmSync(path, { force: true });
    }
  });
});

describe('every library scenario', () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const scenariosDir = join(root, 'scenarios');
  const files = readdirSync(scenariosDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();

  it.each(files)('%s: its audit log is byte-identical to the reference serializer', async (name) => {
    const pack = await packForScenarioFile(join(scenariosDir, name));
    const mismatches: string[] = [];
    let count = 0;
    const sink: AuditSink = {
      write(entry) {
        count++;
        if (auditLine(entry) !== referenceAuditLine(entry)) mismatches.push(referenceAuditLine(entry));
      },
      close() {},
    };
    runScenario(loadScenario(join(scenariosDir, name), { pack }), { pack, audit: sink });
    expect(count).toBeGreaterThan(0);
    expect(mismatches.slice(0, 3)).toEqual([]);
  });
});
