import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseCheckContext } from '../core/check-context.js';
import { InputError } from '../core/input-error.js';
import { parseInstantOrDate } from '../core/instant.js';
import { readRegistryFile } from '../resolve/registry-file.js';
import { registryFromList } from '../resolve/resolve-attempt.js';
import { datedListCopy } from '../registry-store/dated-list-copy.js';
import { unionRegistry, type NumberRegistry, type RegistryContext, type SharedRegistryCopy } from '../resolve/registry.js';
import { jsonErrorPosition, jsonErrorReason } from './json-syntax-error.js';

/** Loads a `--context` file into shared registries; registry files are resolved relative to the context file. */
export function loadCheckContext(path: string): RegistryContext {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError([{ path: '', message: `cannot read context file: ${(error as Error).message}` }], { source: path });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorPosition(text, error as Error);
    throw new InputError([{ path: '', message: `the context file is not valid JSON (${jsonErrorReason(error as Error)})`, location: `${path}:${line}:${column}` }]);
  }
  const { registries } = parseCheckContext(json, path);
  const base = dirname(path);
  const numbers = (list: string[] | undefined, file: string | undefined, field: string): NumberRegistry => {
    const fromList = registryFromList(list ?? [], `${path}: registries.${field}.numbers`);
    return file === undefined ? fromList : unionRegistry(fromList, readRegistryFile(resolve(base, file)));
  };
  const datedCopy = (copy: { syncedAt?: string; numbers?: string[]; file?: string; store?: string }, field: string): SharedRegistryCopy => {
    try {
      return datedListCopy(copy, numbers(copy.numbers, copy.file, field), { base, field });
    } catch (error) {
      // A store that cannot be opened: name the context file too, as its other problems do.
      if (error instanceof InputError) throw new InputError(error.problems, { source: path });
      throw error;
    }
  };
  return {
    ...(registries.national && { national: datedCopy(registries.national, 'national') }),
    ...(registries.internal && {
      internal: { numbers: numbers(registries.internal.numbers, registries.internal.file, 'internal') },
    }),
    ...(registries.states && {
      states: new Map(Object.entries(registries.states).map(([state, copy]) => [state, datedCopy(copy, `states.${state}`)])),
    }),
    ...(registries.canada && {
      canada: {
        syncedAt: registries.canada.syncedAt === undefined ? null : (parseInstantOrDate(registries.canada.syncedAt) as number),
        numbers: numbers(registries.canada.numbers, registries.canada.file, 'canada'),
      },
    }),
  };
}
