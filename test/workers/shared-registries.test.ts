/**
 * Issue 14: registries handed to worker threads are the same memory, not copies, and answer exactly as the
 * registries they were shared from. structuredClone stands in for postMessage (the same algorithm).
 */
import { describe, expect, it } from 'vitest';
import { InMemoryRegistry, liveUnion, type RegistryContext } from '../../src/resolve/registry.js';
import { aRegistryStore } from '../../src/testing/a-registry-store.js';
import { registriesFromShared, shareRegistries } from '../../src/workers/shared-registries.js';

const listed = ['+13035550123', '+13035550124', '+17205550100', 'not-a-number'];

function context(): RegistryContext {
  const store = aRegistryStore({ '303': { syncedAt: '2026-11-15', numbers: ['303-555-0123', '303-555-0199'] }, '720': { syncedAt: '2026-10-01', numbers: ['720-555-0100'] } });
  return {
    national: { ...store, numbers: liveUnion(store.numbers, new InMemoryRegistry(['+13125550199'])) },
    internal: { numbers: new InMemoryRegistry(listed), source: 'internal.txt' },
    states: new Map([
      ['CO', store],
      ['NY', { syncedAt: Date.parse('2026-03-01'), numbers: new InMemoryRegistry(['+12125550100']), source: 'inline' }],
    ]),
    canada: { syncedAt: null, numbers: new InMemoryRegistry() },
  };
}

const probes = ['+13035550123', '+13035550199', '+13035550100', '+17205550100', '+13125550199', '+12125550100', '+13035550124', 'not-a-number', '+14165550100'];

describe('registries shared with worker threads', () => {
  it('answer every lookup, date and size as the registries they came from', () => {
    const original = context();
    const revived = registriesFromShared(structuredClone(shareRegistries(original)));
    const answers = (registries: RegistryContext) => ({
      national: probes.map((e164) => registries.national!.numbers.has(e164)),
      nationalDates: probes.map((e164) => registries.national!.areaCodeDates?.syncedAtOf(e164)),
      areaCodes: registries.national!.areaCodeDates?.areaCodes(),
      internal: probes.map((e164) => registries.internal!.numbers.has(e164)),
      internalSource: registries.internal!.source,
      states: [...registries.states!].map(([state, copy]) => [state, copy.syncedAt, copy.source, copy.numbers.size, probes.map((e164) => copy.numbers.has(e164))]),
      canada: [registries.canada!.syncedAt, registries.canada!.numbers.size],
    });
    expect(answers(revived)).toEqual(answers(original));
    expect(answers(original).national).toEqual([true, true, false, true, true, false, false, false, false]);
  });

  it('are SharedArrayBuffers, the same memory in both threads, with one store read once however many copies name it', () => {
    const original = context();
    const shared = shareRegistries(original);
    const buffers: unknown[] = [];
    JSON.stringify(shared, (_key, value: unknown) => {
      if (ArrayBuffer.isView(value)) buffers.push(value.buffer);
      return ArrayBuffer.isView(value) ? undefined : value;
    });
    expect(buffers.length).toBeGreaterThan(0);
    for (const buffer of buffers) expect(buffer).toBeInstanceOf(SharedArrayBuffer);
    // The national copy's numbers, its dates and the CO list are one store: one buffer.
    const national = shared.national!;
    expect(national.numbers.kind === 'union' && national.numbers.first.kind === 'store' && national.numbers.first.store.bytes.buffer).toBe(national.areaCodeDates!.bytes.buffer);
    expect(shared.states![0]![1].areaCodeDates!.bytes.buffer).toBe(national.areaCodeDates!.bytes.buffer);
    // Shared memory, not a copy: a table written after sharing (which the product never does) is seen by both.
    const table = new InMemoryRegistry(['+13035550123']);
    const revived = registriesFromShared(structuredClone(shareRegistries({ internal: { numbers: table } })));
    expect(revived.internal!.numbers.has('+13035550777')).toBe(false);
    table.add('+13035550777');
    expect(revived.internal!.numbers.has('+13035550777')).toBe(true);
  });
});
