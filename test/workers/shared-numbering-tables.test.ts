import { describe, expect, it } from 'vitest';
import { subdivision, subdivisionName } from '../../src/core/jurisdiction-codes.js';
import { areaCodeStates, statesForNanpNumber } from '../../src/resolve/area-code-states.js';
import { areaCodeZones, zonesForNanpNumber } from '../../src/resolve/time-zones.js';
import { adoptNumberingTables, shareNumberingTables } from '../../src/workers/shared-numbering-tables.js';

// Each test file has its own module graph, so the tables adopted here are this file's alone.
describe('the area-code tables and state names a worker is sent', () => {
  it('are the tables resolution built, and survive the copy to another thread', () => {
    const shared = shareNumberingTables();
    expect(shared.statesByAreaCode).toBe(areaCodeStates());
    expect(shared.zonesByAreaCode).toBe(areaCodeZones());
    const copied = structuredClone(shared);
    expect(copied.statesByAreaCode.get('303')).toEqual(['CO']);
    expect(copied.zonesByAreaCode.get('303')).toEqual(['America/Denver']);
    expect(copied.statesByAreaCode.size).toBeGreaterThan(300);
    expect(copied.subdivisions.find((entry) => entry.code === 'FL')).toEqual({ code: 'FL', name: 'Florida', country: 'US' });
    expect(copied.subdivisions).toHaveLength(69);
  });

  it('are what resolution reads once adopted, each list frozen as loading freezes it', () => {
    const copied = structuredClone(shareNumberingTables());
    const states = new Map(copied.statesByAreaCode).set('303', ['WY']);
    const zones = new Map(copied.zonesByAreaCode).set('303', ['America/Boise']);
    const subdivisions = copied.subdivisions.map((entry) => (entry.code === 'WY' ? { ...entry, name: 'Wyoming (as sent)' } : entry));
    adoptNumberingTables({ statesByAreaCode: states, zonesByAreaCode: zones, subdivisions });
    expect(statesForNanpNumber('+13035550123', 'US')).toEqual(['WY']);
    expect(subdivisionName('WY')).toBe('Wyoming (as sent)');
    expect(Object.isFrozen(subdivision('WY'))).toBe(true);
    expect(zonesForNanpNumber('+13035550123')).toEqual(['America/Boise']);
    expect(Object.isFrozen(statesForNanpNumber('+13035550123', 'US'))).toBe(true);
    expect(Object.isFrozen(zonesForNanpNumber('+13035550123'))).toBe(true);
    expect(statesForNanpNumber('+12125550123', 'US')).toEqual(['NY']);
  });
});
