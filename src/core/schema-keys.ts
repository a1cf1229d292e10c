import type { z } from 'zod';

interface SchemaDef {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly element?: z.ZodType;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** Strips wrappers (optional, nullable, pipes, defaults) down to the schema that holds the value's shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (next === undefined) return current;
    current = next;
  }
}

/**
 * The field names an object schema accepts at a path, so an unknown field can be answered with "did you mean".
 * Returns an empty list where the path leads to no object.
 */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    if (current === undefined) return [];
    const def = defOf(current);
    if (typeof key === 'number') current = def.element ? unwrap(def.element) : undefined;
    else current = def.shape?.[String(key)] ? unwrap(def.shape[String(key)]!) : undefined;
  }
  const shape = current === undefined ? undefined : defOf(current).shape;
  return shape ? Object.keys(shape) : [];
}
