import { describe, expect, it } from 'vitest';
import { areaCodeIndexOf, indexByAreaCode } from '../../src/resolve/area-code-index.js';
import { areaCodeStates, statesForNanpNumber } from '../../src/resolve/area-code-states.js';
import { areaCodeZones, zonesForNanpNumber } from '../../src/resolve/time-zones.js';

describe('tables by area code', () => {
  it('read the area code of a +1 number, and nothing else', () => {
    expect(areaCodeIndexOf('+13035550123')).toBe(303);
    expect(areaCodeIndexOf('+12005550123')).toBe(200);
    expect(areaCodeIndexOf('+442079460000')).toBe(-1);
    expect(areaCodeIndexOf('+1')).toBe(-1);
    expect(areaCodeIndexOf('+1 303')).toBe(-1);
    expect(areaCodeIndexOf('13035550123')).toBe(-1);
  });

  it('index every three-digit area code of a table and leave anything else out', () => {
    const index = indexByAreaCode(new Map([['303', 'CO'], ['30', 'short'], ['abc', 'letters']]));
    expect(index.length).toBe(1000);
    expect(index[303]).toBe('CO');
    expect(index.filter((entry) => entry !== undefined)).toEqual(['CO']);
  });

  it('answer every area code of the numbering data as the data does, the same shared list', () => {
    for (const [areaCode, states] of areaCodeStates()) {
      expect(statesForNanpNumber(`+1${areaCode}5550123`, 'US')).toBe(states);
    }
    for (const [areaCode, zones] of areaCodeZones()) {
      expect(zonesForNanpNumber(`+1${areaCode}5550123`)).toBe(zones);
    }
    expect(statesForNanpNumber('+19995550123', 'US')).toEqual([]);
    expect(zonesForNanpNumber('+442079460000')).toEqual([]);
  });
});
