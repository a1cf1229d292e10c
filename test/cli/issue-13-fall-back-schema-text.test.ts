/**
 * Issue 13 ("A new user's first hour"): the generated scenario schema, which editors show as a hint, said a local
 * time the clocks pass twice means "the second, standard time". Root cause: the description in
 * src/scenario/scenario-schema.ts was written before momentToEpochMs settled on the earlier instant (as instantIn
 * and docs/scenarios.md do), and nothing compared the two.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { momentToEpochMs } from '../../src/scenario/load-scenario.js';

/** Every `description` of a `local` property in the schema, wherever a moment is allowed. */
function localDescriptions(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => localDescriptions(item, found));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'local' && typeof (value as { description?: unknown }).description === 'string') found.push((value as { description: string }).description);
      localDescriptions(value, found);
    }
  }
  return found;
}

describe('a local time the clocks pass twice (01:30 on 1 November 2026 in New York)', () => {
  it('is read as the first, on daylight time: 05:30Z, not 06:30Z', () => {
    expect(new Date(momentToEpochMs({ local: '2026-11-01 01:30', zone: 'America/New_York' }) as number).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('and scenarios/schema.json says so wherever a local time is allowed', () => {
    const descriptions = localDescriptions(JSON.parse(readFileSync('scenarios/schema.json', 'utf8')));
    expect(descriptions.length).toBeGreaterThan(0);
    for (const description of descriptions) {
      expect(description).toContain('one that occurs twice (fall back) is read as the first, still on daylight time');
      expect(description).not.toContain('second, standard time');
    }
  });
});
