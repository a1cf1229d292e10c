import { RegistryStore } from '../registry-store/registry-store.js';
import {
  EMPTY_REGISTRY,
  InMemoryRegistry,
  RegistryUnion,
  type AreaCodeDates,
  type NumberRegistry,
  type RegistryContext,
  type SharedNumberTable,
  type SharedRegistryCopy,
} from '../resolve/registry.js';

/**
 * A run's registries as worker threads receive them: every table and store in SharedArrayBuffers, so that N workers
 * read one copy of the national registry (hundreds of MB at full scale), not N. Built by `shareRegistries` in the
 * thread that loaded them, turned back into registries by `registriesFromShared` in each worker.
 */
export interface SharedRegistries {
  readonly national?: SharedCopyForm;
  readonly internal?: { readonly numbers: SharedNumbersForm; readonly source?: string };
  readonly states?: readonly (readonly [string, SharedCopyForm])[];
  readonly canada?: SharedCopyForm;
}

type SharedNumbersForm =
  | { readonly kind: 'table'; readonly table: SharedNumberTable }
  | { readonly kind: 'store'; readonly store: SharedStoreForm }
  | { readonly kind: 'union'; readonly first: SharedNumbersForm; readonly second: SharedNumbersForm };

interface SharedStoreForm {
  readonly bytes: Uint8Array;
  readonly label: string;
}

interface SharedCopyForm {
  readonly syncedAt: number | null;
  readonly numbers: SharedNumbersForm;
  readonly areaCodeDates?: SharedStoreForm;
  readonly source?: string;
}

/** The registries in a form a worker thread can be given; throws for a registry of a kind it cannot share. */
export function shareRegistries(registries: RegistryContext): SharedRegistries {
  return {
    ...(registries.national && { national: shareCopy(registries.national) }),
    ...(registries.internal && {
      internal: { numbers: shareNumbers(registries.internal.numbers), ...(registries.internal.source !== undefined && { source: registries.internal.source }) },
    }),
    ...(registries.states && { states: [...registries.states].map(([state, copy]) => [state, shareCopy(copy)] as const) }),
    ...(registries.canada && { canada: shareCopy(registries.canada) }),
  };
}

/** The registries a worker thread was given, reading the same memory as the thread that shared them. */
export function registriesFromShared(shared: SharedRegistries): RegistryContext {
  // One store named by several copies (the national registry and a state list, its dates beside its numbers) is one
  // view here too: structured cloning keeps a SharedArrayBuffer's identity within a message.
  const stores = new Map<ArrayBufferLike, RegistryStore>();
  const store = (form: SharedStoreForm): RegistryStore => {
    let view = stores.get(form.bytes.buffer);
    if (view === undefined) stores.set(form.bytes.buffer, (view = RegistryStore.fromSharedBytes(form)));
    return view;
  };
  const numbers = (form: SharedNumbersForm): NumberRegistry => {
    switch (form.kind) {
      case 'table':
        return form.table.count === 0 && form.table.others.length === 0 ? EMPTY_REGISTRY : InMemoryRegistry.fromSharedTable(form.table);
      case 'store':
        return store(form.store);
      case 'union':
        return new RegistryUnion(numbers(form.first), numbers(form.second));
    }
  };
  const copy = (form: SharedCopyForm): SharedRegistryCopy => ({
    syncedAt: form.syncedAt,
    numbers: numbers(form.numbers),
    ...(form.areaCodeDates && { areaCodeDates: store(form.areaCodeDates) }),
    ...(form.source !== undefined && { source: form.source }),
  });
  return {
    ...(shared.national && { national: copy(shared.national) }),
    ...(shared.internal && { internal: { numbers: numbers(shared.internal.numbers), ...(shared.internal.source !== undefined && { source: shared.internal.source }) } }),
    ...(shared.states && { states: new Map(shared.states.map(([state, form]) => [state, copy(form)])) }),
    ...(shared.canada && { canada: copy(shared.canada) }),
  };
}

function shareCopy(copy: SharedRegistryCopy): SharedCopyForm {
  return {
    syncedAt: copy.syncedAt,
    numbers: shareNumbers(copy.numbers),
    ...(copy.areaCodeDates && { areaCodeDates: shareStore(copy.areaCodeDates) }),
    ...(copy.source !== undefined && { source: copy.source }),
  };
}

function shareNumbers(registry: NumberRegistry): SharedNumbersForm {
  if (registry instanceof InMemoryRegistry) return { kind: 'table', table: registry.sharedTable() };
  if (registry instanceof RegistryStore) return { kind: 'store', store: registry.sharedBytes() };
  if (registry instanceof RegistryUnion) return { kind: 'union', first: shareNumbers(registry.first), second: shareNumbers(registry.second) };
  throw new Error(`a registry of kind ${registry.constructor.name} cannot be shared with worker threads`);
}

function shareStore(dates: AreaCodeDates): SharedStoreForm {
  if (dates instanceof RegistryStore) return dates.sharedBytes();
  throw new Error(`area-code dates of kind ${dates.constructor.name} cannot be shared with worker threads`);
}
