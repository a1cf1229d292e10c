import { describe, expect, it } from 'vitest';
import { leadKeys } from '../../src/scrub/scrub-list.js';

describe('leadKeys (the keys of an NDJSON row\'s lead)', () => {
  it.each([
    [['Lead ID', 'Notes', 'Notes'], ['Lead ID', 'Notes', 'Notes (2)']],
    [['Notes', 'Notes', 'Notes'], ['Notes', 'Notes (2)', 'Notes (3)']],
    // A key the header holds itself is never given to a repeat.
    [['Notes', 'Notes', 'Notes (2)'], ['Notes', 'Notes (3)', 'Notes (2)']],
    [['', ''], ['', ' (2)']],
  ])('%j gives %j, one key per column', (header, keys) => {
    expect(leadKeys(header)).toEqual(keys);
    expect(new Set(keys).size).toBe(header.length);
  });
});
