import { describe, expect, it } from 'vitest';
import { screen } from '../../src/engine/screen.js';
import { aRegistryStore, anAttempt } from '../../src/testing/index.js';

describe('aRegistryStore', () => {
  const national = aRegistryStore({
    '312': { syncedAt: '2026-03-01', numbers: ['312-555-0188'] },
    '773': { syncedAt: '2026-01-15' },
  });
  const call = (to: string) => screen(anAttempt({ to, registries: {} }), { packs: ['us-federal'], registries: { national } });

  it('lists its numbers, dates each area code by its own download, and does not vouch for other area codes', () => {
    expect(call('+1 312 555 0188')).toBeBlockedBy('dnc.national');
    expect(call('+1 312 555 0100')).toBeAllowed();
    expect(call('+1 773 555 0100')).toBeBlockedBy('dnc.registry-stale', { messageId: 'stale' });
    expect(call('+1 630 555 0100')).toBeBlockedBy('dnc.registry-stale', { messageId: 'areaCodeNotCovered', data: { areaCode: '630' } });
  });

  it('refuses what a real import would refuse', () => {
    expect(() => aRegistryStore({ '123': { syncedAt: '2026-03-01' } })).toThrow('"123" is not a NANP area code');
    expect(() => aRegistryStore({ '312': { syncedAt: 'March' } })).toThrow('312.syncedAt "March" is not a date or an instant');
    expect(() => aRegistryStore({ '312': { syncedAt: '2026-03-01', numbers: ['773-555-0100'] } })).toThrow('"773-555-0100" is not a valid number of area code 312');
  });
});
