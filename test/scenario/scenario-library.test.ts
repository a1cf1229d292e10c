import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PACK_IDS, packsInForce } from '../../src/engine/packs-in-force.js';
import { combinePacks } from '../../src/engine/combine-packs.js';
import { pass, type PolicyPack } from '../../src/core/policy.js';
import { packForScenarioFile } from '../../src/scenario/scenario-pack.js';
import { MemoryAuditSink } from '../../src/dialer/audit-log.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario } from '../../src/scenario/run-scenario.js';

/**
 * The scenario library (scenarios/NN-name.yaml) is the project's main deliverable and its executable
 * specification: every file runs here and every expectation in it must hold.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scenariosDir = join(root, 'scenarios');
const files = readdirSync(scenariosDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

/** Each scenario's own packs (most screen with every built-in pack; the federal stories name `packs: [us-federal]`). */
const packs = new Map(await Promise.all(files.map(async (name) => [name, await packForScenarioFile(join(scenariosDir, name))] as const)));
const packOf = (name: string): PolicyPack => packs.get(name)!;
const load = (name: string) => loadScenario(join(scenariosDir, name), { pack: packOf(name) });

/** The pack with one rule switched off (never applies, always passes), every member keeping what it covers. */
function withoutRule(pack: PolicyPack, ruleId: string): PolicyPack {
  const off = (policy: PolicyPack['policies'][number]) => (policy.id === ruleId ? { ...policy, applies: () => false, evaluate: () => pass } : policy);
  return combinePacks(...(pack.members ?? [pack]).map((member) => ({ ...member, policies: member.policies.map(off) })));
}

describe('the scenario library', () => {
  it('has at least 15 scenarios, named NN-kebab-name.yaml and numbered 01, 02, ... without gaps', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files.filter((name) => !/^\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.yaml$/.test(name))).toEqual([]);
    expect(files.map((name) => name.slice(0, 2))).toEqual(files.map((_, index) => String(index + 1).padStart(2, '0')));
  });

  it.each(files)('%s: every expectation holds', (name) => {
    const started = performance.now();
    const result = runScenario(load(name), { pack: packOf(name) });
    const elapsedMs = performance.now() - started;
    const failing = result.expectations
      .filter((expectation) => !expectation.passed)
      .map((expectation) => `✖ ${expectation.description}: expected ${expectation.expected}, got ${expectation.actual}`);
    expect(failing, `${name}:\n${failing.join('\n')}`).toEqual([]);
    expect(result.expectations.length).toBeGreaterThan(0);
    expect(result.passed).toBe(true);
    // A library scenario is a quick story; the campaign ones keep their lead lists to hundreds or low thousands.
    expect(elapsedMs, `${name} took ${Math.round(elapsedMs)} ms`).toBeLessThan(2_000);
  });

  it.each(files)('%s: opens with a numbered header saying what it shows, has notes, and pins a decision', (name) => {
    const text = readFileSync(join(scenariosDir, name), 'utf8');
    expect(text.split('\n').slice(1, 6).join('\n')).toMatch(new RegExp(`^#\\n# ${name.slice(0, 2)} · .+\\n#\\n# Shows: `));
    const { scenario } = load(name);
    expect(scenario.notes?.trim().length ?? 0, 'notes for trainers').toBeGreaterThan(40);
    // A scenario whose only expectations are loose counts could pass whatever the rules decide.
    expect(scenario.expect.some((expectation) => expectation.type === 'decision' || expectation.type === 'never-allowed')).toBe(true);
  });

  it('every data file in scenarios/data is used by a scenario', () => {
    const texts = files.map((name) => readFileSync(join(scenariosDir, name), 'utf8')).join('\n');
    const unused = readdirSync(join(scenariosDir, 'data')).filter((name) => !texts.includes(`data/${name}`));
    expect(unused).toEqual([]);
  });
});

describe('the library pins every rule', () => {
  // A rule switched off (never applies, always passes) must make some scenario that names it fail: otherwise the
  // library's expectations would hold whatever that rule decided.
  it.each(packsInForce({ packs: BUILT_IN_PACK_IDS }).policies.map((policy) => policy.id))('switching off %s makes a scenario that names it fail', (ruleId) => {
    const naming = files.filter((name) => readFileSync(join(scenariosDir, name), 'utf8').includes(ruleId));
    expect(naming.length, `no scenario names ${ruleId}`).toBeGreaterThan(0);
    const failing = naming.filter((name) => {
      const pack = withoutRule(packOf(name), ruleId);
      return !runScenario(loadScenario(join(scenariosDir, name), { pack }), { pack }).passed;
    });
    expect(failing.length, `every scenario naming ${ruleId} still passes without it: ${naming.join(', ')}`).toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  const auditOf = (name: string, seed?: number) => {
    const audit = new MemoryAuditSink();
    runScenario(load(name), { pack: packOf(name), audit, ...(seed !== undefined && { seed }) });
    return audit.lines.join('\n');
  };

  it('running the predictive scenario twice gives a byte-identical audit log; another seed gives another log', () => {
    const first = auditOf('13-predictive-over-the-cap.yaml');
    expect(first.length).toBeGreaterThan(100_000);
    expect(auditOf('13-predictive-over-the-cap.yaml')).toBe(first);
    expect(auditOf('13-predictive-over-the-cap.yaml', 14)).not.toBe(first);
  });

  it('a scenario with scripted steps and a campaign continues one sequence of attempt ids', () => {
    const attemptIds = auditOf('12-broker-four-zones.yaml')
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; attemptId?: string })
      .filter((record) => record.type === 'attempt')
      .map((record) => record.attemptId);
    expect(attemptIds.slice(0, 3)).toEqual(['A0000001', 'A0000002', 'A0000003']);
    expect(new Set(attemptIds).size).toBe(attemptIds.length);
  });
});
