import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { CheckRequestInput } from '../../src/core/check-request.js';
import { resolveNumberDirect } from '../../src/resolve/phone-number.js';
import { spreadsheetSafeLine } from '../../src/core/spreadsheet-safe-csv.js';
import { arbitraryInstantMs, arbitraryNumber } from '../support/arbitrary-request.js';
import { runCliInMemory } from '../support/run-cli-in-memory.js';
import { scratchDir } from '../support/scratch-dir.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** A lead as a CRM row holds it; absent fields are empty cells. */
const arbitraryLead = fc.record({
  phone: fc.oneof({ weight: 9, arbitrary: arbitraryNumber.map((number) => `(${number.slice(2, 5)}) ${number.slice(5, 8)}-${number.slice(8)}`) }, { weight: 1, arbitrary: fc.constant('not a number') }),
  at: fc.option(arbitraryInstantMs.map(iso), { nil: undefined }),
  method: fc.option(fc.constantFrom('manual', 'autodialer', 'prerecorded'), { nil: undefined }),
  lineType: fc.option(fc.constantFrom('mobile', 'landline', 'unknown'), { nil: undefined }),
  business: fc.option(fc.boolean(), { nil: undefined }),
  state: fc.option(fc.constantFrom('CO', 'FL', 'NY', 'TX', 'ON'), { nil: undefined }),
  consent: fc.option(fc.record({ kind: fc.constantFrom('prior-express-written', 'prior-express'), grantedAt: arbitraryInstantMs.map(iso) }), { nil: undefined }),
  lastTransactionAt: fc.option(arbitraryInstantMs.map(iso), { nil: undefined }),
});
type GeneratedLead = typeof arbitraryLead extends fc.Arbitrary<infer T> ? T : never;

const HEADER = ['Phone', 'Call At', 'Method', 'Line Type', 'Business', 'State', 'Consent Type', 'Consent Date', 'Last Purchase'];
const AT = '2026-03-10T15:00:00-07:00';

function csvOf(leads: readonly GeneratedLead[]): string {
  const row = (lead: GeneratedLead) => [
    lead.phone,
    lead.at ?? '',
    lead.method ?? '',
    lead.lineType ?? '',
    lead.business === undefined ? '' : lead.business ? 'yes' : 'no',
    lead.state ?? '',
    lead.consent?.kind ?? '',
    lead.consent?.grantedAt ?? '',
    lead.lastTransactionAt ?? '',
  ];
  return [HEADER, ...leads.map(row)].map((cells) => spreadsheetSafeLine(cells, '\n')).join('');
}

/** The request a person would write for `dialsim check` from the same lead. */
function requestOf(lead: GeneratedLead, at: string, method: string): CheckRequestInput {
  const callee = { ...(lead.lineType && { lineType: lead.lineType }), ...(lead.business !== undefined && { business: lead.business }), ...(lead.state && { state: lead.state }) };
  return {
    at: lead.at ?? at,
    to: lead.phone,
    method: (lead.method ?? method) as CheckRequestInput['method'],
    caller: { seller: 'acme' },
    ...(Object.keys(callee).length > 0 && { callee }),
    ...(lead.consent && { consents: [{ kind: lead.consent.kind as 'prior-express', seller: 'acme', grantedAt: lead.consent.grantedAt }] }),
    ...(lead.lastTransactionAt && { relationship: { lastTransactionAt: lead.lastTransactionAt } }),
  };
}

/** The time rules (and timezone.unknown, which stands in for them when no local time is known). */
const TIME_RULE = /^(hours|days|frequency)\.|^timezone\.unknown$/;

interface Finding {
  readonly rule: string;
}

interface OutputDecision {
  readonly verdict: string;
  readonly violations: readonly Finding[];
  readonly exemptions: readonly Finding[];
  readonly callee: unknown;
  readonly nextAllowedAt?: string;
}

/**
 * A decision as `dialsim check --json` prints it, as it would be had no time rule been screened: their violations
 * and exemptions gone, the verdict what the rest make it, and no next allowed instant (only time rules give one).
 */
function withoutTimeRules({ verdict, violations, exemptions, callee, nextAllowedAt, ...rest }: OutputDecision): OutputDecision {
  const kept = violations.filter((found) => !TIME_RULE.test(found.rule));
  return { ...rest, verdict: kept.length > 0 ? 'block' : verdict === 'block' ? 'allow' : verdict, violations: kept, exemptions: exemptions.filter((lifted) => !TIME_RULE.test(lifted.rule)), callee };
}

describe("dialsim scrub's decisions", () => {
  it("equal dialsim check's for the same requests, row by row, in full and dnc-only mode", async () => {
    const dir = scratchDir('scrub-check');
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const context = join(dir, 'context.json');
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryLead, { minLength: 1, maxLength: 15 }), fc.boolean(), fc.constantFrom('manual', 'autodialer'), fc.integer({ min: 0, max: 60 }), async (leads, dncOnly, method, ageDays) => {
        // Some listed numbers (a registry lists only valid ones), and copies of varying age, so the registry rules and their freshness are reached.
        const listed = leads.filter((_, index) => index % 3 === 0).map((lead) => lead.phone).filter((phone) => resolveNumberDirect(phone).e164 !== null);
        const synced = iso(Date.parse(AT) - ageDays * 86_400_000);
        writeFileSync(
          context,
          JSON.stringify({ registries: { national: { syncedAt: synced, numbers: listed }, internal: { numbers: listed.slice(0, 1) }, states: { CO: { syncedAt: synced, numbers: listed }, FL: { syncedAt: synced, numbers: [] } } } }),
        );
        writeFileSync(join(dir, 'leads.csv'), csvOf(leads));
        const scrubbed = await runCliInMemory([
          'scrub', join(dir, 'leads.csv'), '--seller', 'acme', '--context', context, '--at', AT, '--method', method, '--ndjson',
          ...(dncOnly ? ['--dnc-only'] : []),
        ]);
        const rows = scrubbed.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
        expect(rows).toHaveLength(leads.length);
        const requests = leads.map((lead) => JSON.stringify(requestOf(lead, AT, method))).join('\n');
        const checked = await runCliInMemory(['check', '--ndjson', '--context', context], requests);
        const decisions = checked.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
        expect(scrubbed.code).toBe(decisions.some((decision) => 'error' in decision) ? 1 : 0);
        rows.forEach((row, index) => {
          const { row: number, mode, lead, duplicateOf, ...decision } = row;
          expect(number).toBe(index + 1);
          expect(mode).toBe(dncOnly ? 'dnc-only' : 'full');
          expect(lead.Phone).toBe(leads[index]!.phone);
          const first = leads.findIndex((other) => other.phone === leads[index]!.phone);
          expect(duplicateOf).toBe(first < index && decision.callee.e164 !== null ? first + 1 : undefined);
          if ('error' in decisions[index]) {
            // A request check calls malformed is an error row here, with the same reason in the row's terms.
            expect(decision.verdict).toBe('error');
            expect(decision.error.replace(/^\w+ \(column "[^"]+"\)/, '')).toBe(decisions[index].error.replace(/^[\w.]+/, ''));
          } else if (!dncOnly) expect(decision).toEqual(decisions[index]);
          else {
            // dnc-only: the whole decision, check's without its time rules; the scrub's must have none to remove.
            expect(decision.violations.filter((found: Finding) => TIME_RULE.test(found.rule))).toEqual([]);
            expect(decision.exemptions.filter((lifted: Finding) => TIME_RULE.test(lifted.rule))).toEqual([]);
            expect(decision.nextAllowedAt).toBeUndefined();
            expect(withoutTimeRules(decision)).toEqual(withoutTimeRules(decisions[index]));
          }
        });
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
