import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliInMemory } from '../support/run-cli-in-memory.js';

describe('dialsim walkthrough scenarios/01-single-call.yaml', () => {
  // Issue 13: the notes put the caller in Los Angeles while the late step was written on Denver's clock, so the
  // walkthrough said "on your floor in Denver". A step's own zone is the floor's (src/training/scenario-drills.ts).
  it('puts the floor where the notes put the caller: 20:30 in Los Angeles, 21:30 for the lead in Denver', async () => {
    expect(readFileSync('scenarios/01-single-call.yaml', 'utf8')).toContain("20:30 on the caller's clock in Los Angeles is 21:30 in Denver");
    const { code, stdout } = await runCliInMemory(['walkthrough', '--no-pause', 'scenarios/01-single-call.yaml']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('floor in Denver');
    expect(stdout).toContain('Floor clock:   It is 20:30 on Tuesday 10 March 2026 on your floor in Los Angeles (America/Los_Angeles).\n   Lead clock:    For the lead it is 21:30 in Denver (America/Denver).');
    expect(stdout).toContain('Floor clock:   It is 19:30 on Tuesday 10 March 2026 by your floor\'s clock (UTC-07:00).\n   Lead clock:    For the lead it is 20:30 in Denver (America/Denver).');
  });
});
