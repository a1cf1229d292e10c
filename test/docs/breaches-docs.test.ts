import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_OBLIGATIONS } from '../../src/dialer/breaches/compliance-monitor.js';
import { runCliInMemory } from '../support/run-cli-in-memory.js';

/** docs/breaches.md against the obligations' own metadata, and its example against a real run. */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const doc = readFileSync(join(root, 'docs/breaches.md'), 'utf8');
/** The page with its line breaks undone, so a sentence wrapped at 115 columns still matches. */
const flat = doc.replace(/\s+/g, ' ');
const section = (id: string) => {
  const start = doc.indexOf(`\n## ${id}\n`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end).replace(/\s+/g, ' ');
};

describe('docs/breaches.md', () => {
  it.each(CAMPAIGN_OBLIGATIONS.map((obligation) => [obligation.id, obligation] as const))('documents %s: its title, when it is breached, each message', (id, obligation) => {
    const text = section(id);
    expect(text, `no "## ${id}" section`).not.toBe('');
    expect(text).toContain(obligation.title);
    expect(text).toContain(obligation.description);
    for (const [messageId, template] of Object.entries(obligation.messages)) expect(text).toContain(`\`${messageId}\`: "${template}"`);
  });

  it.each(CAMPAIGN_OBLIGATIONS.map((obligation) => [obligation.id, obligation] as const))('gives the law of %s in each jurisdiction with its citation, mark and source', (id, obligation) => {
    for (const jurisdiction of ['US', 'CA'] as const) {
      const law = obligation.law[jurisdiction];
      const note = law.note === undefined ? '' : ` (${law.note})`;
      expect(section(id)).toContain(`| ${jurisdiction} | ${law.value}${note} | ${law.citation} | ${law.confidence} | ${law.source} |`);
    }
  });

  it('shows what dialsim run prints for scenario 13', async () => {
    const block = /ends with\s+```text\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block, 'the text block after "ends with"').toBeDefined();
    const result = await runCliInMemory(['run', join(root, 'scenarios/13-predictive-over-the-cap.yaml')]);
    for (const line of block!.trimEnd().split('\n')) expect(result.stdout).toContain(`${line}\n`);
  });

  it('is linked from the scenario, campaign and command-line pages', () => {
    for (const page of ['scenarios.md', 'campaigns.md', 'cli.md']) expect(readFileSync(join(root, 'docs', page), 'utf8')).toContain('(breaches.md)');
    expect(flat).toContain('[`type: breach`](scenarios.md#breach)');
  });
});
