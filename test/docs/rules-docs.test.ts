import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PACK_IDS, packsInForce } from '../../src/engine/packs-in-force.js';

import {
  RULES_DIR,
  RULES_DOCS_COMMAND,
  renderRulesDocs,
  rulePagePath,
  runExample,
} from '../../scripts/generate-rules-docs.js';

/** Every built-in pack, the opt-in ones too: the docs cover every rule. */
const allPacks = () => packsInForce({ packs: BUILT_IN_PACK_IDS });

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function committed(path: string): string | undefined {
  const file = join(root, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

describe('docs/rules (generated from the policy metadata)', () => {
  const rendered = renderRulesDocs(allPacks());

  it.each([...rendered.keys()])('%s is what the generator renders today', (path) => {
    expect(committed(path), `${path} is missing or out of date: run \`${RULES_DOCS_COMMAND}\``).toBe(rendered.get(path));
  });

  it('docs/rules holds no page the generator would not write (a removed or renamed rule)', () => {
    const pages = readdirSync(join(root, RULES_DIR)).map((name) => `${RULES_DIR}/${name}`);
    const stale = pages.filter((path) => !rendered.has(path));
    expect(stale, `stale pages: run \`${RULES_DOCS_COMMAND}\``).toEqual([]);
  });

  it.each(allPacks().policies.map((policy) => policy.id))('rule %s has a page, docs/rules/<id>.md', (id) => {
    expect(rendered.has(rulePagePath(id))).toBe(true);
    expect(existsSync(join(root, rulePagePath(id))), `no ${rulePagePath(id)}: run \`${RULES_DOCS_COMMAND}\``).toBe(true);
  });
});

describe('policy examples (run for the docs)', () => {
  const cases = allPacks().policies.flatMap((policy) =>
    policy.examples.map((example) => ({ name: `${policy.id}: ${example.title} (${example.verdict})`, policy, example })),
  );

  it('every rule documents at least one example that blocks', () => {
    const withoutBlock = allPacks().policies
      .filter((policy) => !policy.examples.some((example) => example.verdict === 'block'))
      .map((policy) => policy.id);
    expect(withoutBlock).toEqual([]);
  });

  it.each(cases)('$name: the declared verdict is the screening verdict', ({ example }) => {
    expect(runExample(allPacks(), example).verdict).toBe(example.verdict);
  });

  it.each(cases.filter(({ example }) => example.verdict === 'block'))(
    '$name: the rule itself is among the violations',
    ({ policy, example }) => {
      const rules = runExample(allPacks(), example).violations.map((violation) => violation.rule);
      expect(rules).toContain(policy.id);
    },
  );
});
