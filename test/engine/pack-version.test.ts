import { describe, expect, it } from 'vitest';
import { canonicalJson, packVersion } from '../../src/engine/pack-version.js';
import { usStatesPack, STATE_TABLE } from '../../policies/us-states/index.js';
import { usFederalPack } from '../../policies/us-federal/index.js';

describe('packVersion', () => {
  it('is sha256: and 16 hex digits, the same for the same pack', () => {
    expect(packVersion(usStatesPack)).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(packVersion({ ...usStatesPack })).toBe(packVersion(usStatesPack));
  });

  it('changes when a state-table row changes: Florida calling until 20:30 instead of 20:00', () => {
    const florida = STATE_TABLE.find((row) => row.state === 'FL')!;
    const changed = STATE_TABLE.map((row) => (row === florida ? JSON.parse(JSON.stringify(row).replace(/"20:00"/g, '"20:30"')) : row));
    expect(JSON.stringify(changed)).not.toBe(JSON.stringify(STATE_TABLE));
    expect(packVersion({ ...usStatesPack, citedFacts: changed })).not.toBe(packVersion(usStatesPack));
  });

  it('changes when a citation or a message template changes, not when the hand-kept version does', () => {
    const [first, ...rest] = usFederalPack.policies;
    expect(packVersion({ ...usFederalPack, policies: [{ ...first!, citation: `${first!.citation} (amended)` }, ...rest] })).not.toBe(packVersion(usFederalPack));
    const messages = Object.fromEntries(Object.entries(first!.messages).map(([id, text]) => [id, `${text}.`]));
    expect(packVersion({ ...usFederalPack, policies: [{ ...first!, messages }, ...rest] })).not.toBe(packVersion(usFederalPack));
    expect(packVersion({ ...usFederalPack, version: '99' })).toBe(packVersion(usFederalPack));
  });

  it('canonical JSON sorts keys at every level, so key order never changes a version', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });
});
