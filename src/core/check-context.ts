import { z } from 'zod';
import { InputError, problemsFromZod } from './input-error.js';
import { knownKeysAt } from './schema-keys.js';
import { instantOrDateText } from './instant-schema.js';
import { canadaRegistrySchema, stateCodeSchema } from './check-request.js';

/**
 * The `--context` document: registries shared by every request. Same shape as a request's `registries`, except
 * that a `numbers` list may instead be `"file": "path"` (one number per line, relative to the context file).
 */

const numbers = z.array(z.string({ error: 'expected a phone number as a string' }), {
  error: 'expected an array of phone numbers as strings',
});
const file = z.string({ error: 'expected a file path' }).min(1, { error: 'must not be empty' });
/**
 * A registry store (`dialsim registry import`) dates each area code from its downloads, so a copy names a store or
 * a `syncedAt`, never both: a date beside a store could only contradict it. Shared by `--context` and scenario files.
 */
export function storeOrSyncedAt(copy: { readonly syncedAt?: string | undefined; readonly store?: string | undefined }): boolean {
  return copy.store === undefined || copy.syncedAt === undefined;
}
export const STORE_OR_SYNCED_AT = { error: 'a registry store dates each area code from its downloads: remove syncedAt, or drop the store', path: ['syncedAt'] };

const datedList = z
  .strictObject({ syncedAt: instantOrDateText.optional(), numbers: numbers.optional(), file: file.optional(), store: file.optional() })
  .refine(storeOrSyncedAt, STORE_OR_SYNCED_AT);

export const checkContextSchema = z.strictObject(
  {
    registries: z.strictObject({
      national: datedList.optional(),
      internal: z.strictObject({ numbers: numbers.optional(), file: file.optional() }).optional(),
      states: z.record(stateCodeSchema, datedList).optional(),
      canada: z.strictObject({ syncedAt: canadaRegistrySchema.shape.syncedAt, numbers: numbers.optional(), file: file.optional() }).optional(),
    }),
  },
  { error: 'expected a JSON object with "registries"' },
);

export type CheckContextDocument = z.output<typeof checkContextSchema>;

export function parseCheckContext(value: unknown, source: string): CheckContextDocument {
  // reportInput (which lets an error tell a missing field from a wrong one) doubles the cost: only on failure.
  const result = checkContextSchema.safeParse(value);
  if (result.success) return result.data;
  throw new InputError(problemsFromZod(checkContextSchema.safeParse(value, { reportInput: true }).error!, (path) => knownKeysAt(checkContextSchema, path)), { source });
}
