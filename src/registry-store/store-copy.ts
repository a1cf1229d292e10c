import { resolve } from 'node:path';
import { InputError } from '../core/input-error.js';
import { EMPTY_REGISTRY, unionRegistry, type NumberRegistry, type SharedRegistryCopy } from '../resolve/registry.js';
import { fileVersion } from './file-version.js';
import { RegistryStore, StoreFileError } from './registry-store.js';
import { storeFileOpened } from './store-file-prefetch.js';

const opened = new Map<string, { readonly store: RegistryStore; readonly version: string }>();

/**
 * A registry store by path, opened once per process while the file is unchanged: a context or scenario that names
 * the same store for the national registry and a state list, or a run over many scenarios, shares one copy in
 * memory, and a store rewritten in place (an import onto its own base) is read again.
 */
export function openStore(path: string): RegistryStore {
  const absolute = resolve(path);
  const version = fileVersion(absolute);
  const cached = opened.get(absolute);
  if (cached !== undefined && cached.version === version) {
    storeFileOpened(absolute, version);
    return cached.store;
  }
  let store: RegistryStore;
  try {
    store = RegistryStore.open(absolute);
  } catch (error) {
    if (error instanceof StoreFileError) throw new InputError([{ path: '', message: error.message }]);
    throw error;
  }
  opened.set(absolute, { store, version });
  storeFileOpened(absolute, version);
  return store;
}

/** A shared copy backed by a store, dated per area code, with any numbers listed beside it added. */
export function storeCopy(store: RegistryStore, path: string, extra: NumberRegistry = EMPTY_REGISTRY): SharedRegistryCopy {
  return { syncedAt: null, numbers: unionRegistry(store, extra), areaCodeDates: store, source: path };
}
