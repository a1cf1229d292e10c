/**
 * Issue 13, item 11: training feedback said "Read: docs/rules/<id>.md", a repository path a sales rep cannot open.
 * It now names `dialsim rules ID`, which prints the rule's page from the same policy metadata as the docs page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PACK_IDS, packsInForce } from '../../src/engine/packs-in-force.js';
import { runCliInMemory } from '../support/run-cli-in-memory.js';

describe('dialsim rules ID', () => {
  it('prints the page of hours.federal: title, citation, pack, when it blocks, what lifts it, its messages', async () => {
    const { code, stdout, stderr } = await runCliInMemory(['rules', 'hours.federal']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'hours.federal: Telemarketing calls only between 08:00 and 21:00 local time',
      '  Citation: 47 CFR 64.1200(c)(1); 16 CFR 310.4(c)',
      '  Pack:     us-federal: US federal telemarketing rules (TCPA and TSR)',
    ]);
    expect(stdout).toContain('\nWhen it blocks:\n  Blocks a telemarketing call to a residential callee');
    expect(stdout).toContain('\nWhat lifts it:\n  - Informational calls (`purpose: informational`) are not telephone solicitations.\n');
    expect(stdout).toContain('  afterWindow               {localTime} in {zone} is at or after 21:00\n');
    expect(stdout).toContain("Needs the callee's local time (localTime). When that is unknown the rule is not checked: timezone.unknown blocks in its place (fail closed).");
  });

  it('every rule of every built-in pack: the page carries the same title, citation, description, exemptions and templates as docs/rules/<id>.md', async () => {
    for (const policy of packsInForce({ packs: BUILT_IN_PACK_IDS }).policies) {
      const { code, stdout } = await runCliInMemory(['rules', policy.id]);
      expect(code, policy.id).toBe(0);
      const docs = readFileSync(`docs/rules/${policy.id}.md`, 'utf8');
      expect(docs, policy.id).toContain(policy.description);
      expect(stdout, policy.id).toContain(`${policy.id}: ${policy.title}\n  Citation: ${policy.citation}\n`);
      expect(stdout, policy.id).toContain(`\n  ${policy.description}\n`);
      for (const exemption of policy.exemptions) expect(stdout, policy.id).toContain(`  - ${exemption}\n`);
      for (const [id, template] of Object.entries(policy.messages)) expect(stdout, policy.id).toMatch(new RegExp(`  ${id} +${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
    }
  });

  it('a rule whose pack has a facts page names it: where each fact has its citation and confidence mark', async () => {
    const canada = await runCliInMemory(['rules', 'hours.canada']);
    expect(canada.stdout.split('\n')[3]).toBe("  Facts:    docs/rules/canada.md (Canada's facts: every fact with its citation and confidence mark, P, S or U)");
    expect((await runCliInMemory(['rules', 'hours.state'])).stdout).toContain('\n  Facts:    docs/rules/states.md (The state table: every fact');
    expect((await runCliInMemory(['rules', 'hours.federal'])).stdout).not.toContain('Facts:');
  });

  it('days.province, of the opt-in canada-provinces pack, works without --packs and says it is opt-in', async () => {
    const { code, stdout } = await runCliInMemory(['rules', 'days.province']);
    expect(code).toBe(0);
    expect(stdout).toContain('  Pack:     canada-provinces: ');
    expect(stdout).toContain('(screened only with --packs canada-provinces)');
  });

  it('an unknown id exits 2 with the closest id; one left out by --packs names the pack to add', async () => {
    expect(await runCliInMemory(['rules', 'hours.fedral'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'dialsim rules: unknown rule id "hours.fedral" (did you mean "hours.federal"?); "dialsim rules" lists them all\n',
    });
    expect(await runCliInMemory(['rules', '--packs', 'us-federal', 'days.province'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'dialsim rules: rule "days.province" is in the canada-provinces pack, which --packs leaves out; add it: --packs ...,canada-provinces\n',
    });
    expect((await runCliInMemory(['rules', '--packs', 'us-fed'])).code).toBe(2);
    expect((await runCliInMemory(['rules', 'a.b', 'c.d'])).stderr).toBe('dialsim rules: give at most one rule id, got 2: a.b c.d\n');
  });

  it('--json prints the rule as data', async () => {
    const { stdout } = await runCliInMemory(['rules', '--json', 'dnc.internal']);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'dnc.internal', pack: 'common', docs: 'docs/rules/dnc.internal.md', exemptions: [expect.stringMatching(/^None:/)] });
  });
});

describe('dialsim rules', () => {
  it('lists id, pack and title of every rule, the opt-in pack too; --packs narrows the list', async () => {
    const all = await runCliInMemory(['rules']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^22 rules, packs common, us-federal, us-states, canada, finra, canada-provinces:\n/);
    expect(all.stdout).toMatch(/\n {2}hours\.federal +us-federal +Telemarketing calls only between 08:00 and 21:00 local time\n/);
    expect(all.stdout).toMatch(/\n {2}days\.province +canada-provinces +No telemarketing calls/);
    const federal = await runCliInMemory(['rules', '--packs', 'us-federal']);
    expect(federal.stdout.split('\n')[0]).toBe('9 rules, packs common, us-federal:');
    expect(federal.stdout).not.toContain('days.province');
  });

  it('is listed in dialsim --help', async () => {
    expect((await runCliInMemory(['--help'])).stdout).toMatch(/\n {2}rules +Print a rule's page/);
  });
});
