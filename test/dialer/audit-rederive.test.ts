/**
 * Issue 12 §1: an independent checker that re-derives each decision from the audit log found records that could not
 * explain themselves (scenario 11 allowed a 21:30 call without saying the line was a business line; scenario 07
 * listed one zone without saying it came from the lead's address). Root cause: the attempt record kept the verdict
 * and a few resolved values, not the facts the decision stood on. Every record now carries them, and this file
 * re-derives every decision of every library scenario from its log's text alone.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rederiveDecision } from '../../src/dialer/attempt-record.js';
import { MemoryAuditSink, type AttemptRecord, type AuditRecord, type HeaderRecord } from '../../src/dialer/audit-log.js';
import { packVersion } from '../../src/engine/pack-version.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario } from '../../src/scenario/run-scenario.js';
import { packForScenarioFile } from '../../src/scenario/scenario-pack.js';

const scenariosDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'scenarios');
const files = readdirSync(scenariosDir).filter((name) => name.endsWith('.yaml')).sort();

/** The scenario's log as text, read back line by line as a checker would: nothing but the log. */
async function logOf(name: string) {
  const file = join(scenariosDir, name);
  const pack = await packForScenarioFile(file);
  const audit = new MemoryAuditSink();
  runScenario(loadScenario(file, { pack }), { pack, audit });
  const records = audit.lines.map((line) => JSON.parse(line) as AuditRecord);
  return { pack, records, header: records[0] as HeaderRecord, attempts: records.filter((record): record is AttemptRecord => record.type === 'attempt') };
}

describe('re-deriving every library decision from its audit log', () => {
  it.each(files)('%s: the facts in each record, run through the engine again, give the recorded decision', async (name) => {
    const { pack, header, attempts } = await logOf(name);
    // The header names the rules exactly: the packs in force, each with the version its content hashes to.
    expect(header.type).toBe('header');
    expect(header.packs.map(({ id, version }) => ({ id, version }))).toEqual((pack.members ?? [pack]).map((member) => ({ id: member.id, version: packVersion(member) })));
    expect(attempts.length).toBeGreaterThan(0);
    for (const record of attempts) {
      const again = rederiveDecision(record, pack);
      expect({ attempt: record.attemptId, verdict: again.verdict, violations: again.violations, exemptions: again.exemptions }).toEqual({
        attempt: record.attemptId,
        verdict: record.verdict,
        violations: record.violations,
        exemptions: record.exemptions,
      });
    }
  });

  it('scenario 11: the 21:30 Chicago call is explained by its business line, and would be blocked without it', async () => {
    const { pack, attempts } = await logOf('11-business-lines.yaml');
    const late = attempts.find((record) => record.verdict === 'allow' && record.localTimes.some((time) => time.slice(11, 16) === '21:30'))!;
    expect(late.callee).toMatchObject({ business: true, timeZones: ['America/Chicago'] });
    const asResidential = rederiveDecision({ ...late, callee: { ...late.callee, business: false } }, pack);
    expect(asResidential.verdict).toBe('block');
    expect(asResidential.violations.map((violation) => violation.rule)).toContain('hours.federal');
  });

  it("scenario 07: a 208 number's single zone is marked as coming from the lead's address", async () => {
    const { attempts } = await logOf('07-multi-zone-area-code.yaml');
    const fromAddress = attempts.filter((record) => record.to.startsWith('+1208') && record.callee.timeZoneSource === 'address');
    const fromAreaCode = attempts.filter((record) => record.to.startsWith('+1208') && record.callee.timeZoneSource === 'area-code');
    expect(fromAddress.length).toBeGreaterThan(0);
    expect(fromAddress.every((record) => record.callee.timeZones.length === 1)).toBe(true);
    // Without an address, every zone the area code serves is a candidate.
    expect(fromAreaCode.map((record) => record.callee.timeZones)).toContainEqual(['America/Boise', 'America/Denver', 'America/Los_Angeles']);
  });

  it('a registry fact changed in the record changes the re-derived decision: the check can fail', async () => {
    const { pack, attempts } = await logOf('02-national-registry-ebr.yaml');
    const allowed = attempts.find((record) => record.verdict === 'allow' && record.registries.some((entry) => entry.list === 'national' && entry.copy === 'present'))!;
    const undated = { ...allowed, registries: allowed.registries.map((entry) => (entry.list === 'national' ? { ...entry, syncedAt: null } : entry)) };
    expect(rederiveDecision(undated, pack).violations.map((violation) => violation.rule)).toContain('dnc.registry-stale');
  });
});
