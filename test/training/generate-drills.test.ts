import { describe, expect, it } from 'vitest';
import { DRILL_LEVELS, EDGE_KINDS } from '../../src/training/drill.js';
import { keyOf, screenRequest } from '../../src/training/drill-key.js';
import { generateDrills, hasLevelProperty } from '../../src/training/generate-drills.js';

const PER_LEVEL = 200;

describe('generateDrills', () => {
  it('the same seed, level and count give the same drills; another seed gives others', () => {
    const a = generateDrills({ seed: 42, level: 'interacting', count: 12 });
    const b = generateDrills({ seed: 42, level: 'interacting', count: 12 });
    const c = generateDrills({ seed: 43, level: 'interacting', count: 12 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('the first 5 drills of a set of 20 are the set of 5 (a trainer can hand out a prefix)', () => {
    expect(generateDrills({ seed: 9, level: 'edge', count: 20 }).slice(0, 5)).toEqual(generateDrills({ seed: 9, level: 'edge', count: 5 }));
  });

  it('ids name the level, the seed and the position: single-42-1, single-42-2', () => {
    expect(generateDrills({ seed: 42, level: 'single', count: 2 }).map((drill) => drill.id)).toEqual(['single-42-1', 'single-42-2']);
  });

  describe.each(DRILL_LEVELS)('%s: %i drills', (level) => {
    const drills = generateDrills({ seed: 2026, level, count: PER_LEVEL });

    it('every stored answer equals a fresh screen of the drill request', () => {
      for (const drill of drills) expect(keyOf(screenRequest(drill.request)), drill.id).toEqual(drill.key);
    });

    it("every drill has the level's property", () => {
      for (const drill of drills) {
        const twinKey = drill.edge === undefined ? undefined : keyOf(screenRequest(drill.edge.twin));
        expect(hasLevelProperty(level, drill.key, twinKey), `${drill.id}: ${JSON.stringify(drill.key)}`).toBe(true);
      }
    });

    it('both answers occur: some calls may be dialed and some may not', () => {
      expect(new Set(drills.map((drill) => drill.key.verdict))).toEqual(new Set(['allow', 'block']));
    });
  });

  it('single: exactly one blocking rule and no exemption, or a clean allow', () => {
    for (const drill of generateDrills({ seed: 3, level: 'single', count: PER_LEVEL })) {
      expect(drill.key.exemptions).toEqual([]);
      expect(drill.key.rules.length).toBe(drill.key.verdict === 'block' ? 1 : 0);
    }
  });

  it('interacting: every drill has an exemption or two or more blocking rules', () => {
    for (const drill of generateDrills({ seed: 3, level: 'interacting', count: PER_LEVEL })) {
      expect(drill.key.exemptions.length >= 1 || drill.key.rules.length >= 2, drill.id).toBe(true);
    }
  });

  it('edge: every kind of edge occurs in 200 drills, and each twin is decided differently', () => {
    const drills = generateDrills({ seed: 3, level: 'edge', count: PER_LEVEL });
    expect(new Set(drills.map((drill) => drill.edge!.kind))).toEqual(new Set(EDGE_KINDS));
    for (const drill of drills) expect(keyOf(screenRequest(drill.edge!.twin)), drill.id).not.toEqual(drill.key);
  });

  it('state drills come from the state table: each state edge turns on its own state rule, on one side or the other', () => {
    const drills = generateDrills({ seed: 3, level: 'edge', count: PER_LEVEL });
    const ruleOf = { 'state-window-edge': 'hours.state', 'state-banned-day': 'days.state', 'state-call-cap': 'frequency.state' } as const;
    for (const [kind, rule] of Object.entries(ruleOf)) {
      const ofKind = drills.filter((drill) => drill.edge!.kind === kind);
      expect(ofKind.length, kind).toBeGreaterThan(0);
      for (const drill of ofKind) {
        const both = [...drill.key.rules, ...keyOf(screenRequest(drill.edge!.twin)).rules];
        expect(both, drill.id).toContain(rule);
      }
    }
    // Single drills reach the state rules too.
    const single = generateDrills({ seed: 3, level: 'single', count: PER_LEVEL }).flatMap((drill) => drill.key.rules);
    for (const rule of Object.values(ruleOf)) expect(single, rule).toContain(rule);
  });

  it('edge: DST drills fall on the 2026 DST weekends, registry-age drills sit 31 days (+ 1 minute) from the call', () => {
    const drills = generateDrills({ seed: 11, level: 'edge', count: PER_LEVEL });
    for (const drill of drills.filter((candidate) => candidate.edge!.kind.startsWith('dst-'))) {
      expect(['2026-03-07', '2026-03-08', '2026-10-31', '2026-11-01']).toContain(drill.request.at.slice(0, 10));
    }
    for (const drill of drills.filter((candidate) => candidate.edge!.kind === 'registry-copy-age')) {
      const age = Date.parse(drill.request.at) - Date.parse(drill.request.registries!.national!.syncedAt!);
      expect([31 * 86_400_000, 31 * 86_400_000 + 60_000]).toContain(age);
    }
  });
});
