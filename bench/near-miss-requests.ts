/**
 * Near misses of a check request: copies with one field removed, given a value of a wrong type, a wrong value of the
 * right type, or an extra field beside it. What the fast path (src/core/fast-check-request.ts) must either refuse or
 * answer exactly as zod does; used by its property test and by `node dist/bench/check-fast-path-audit.js`.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Values of every JSON type, and strings a schema might mistake for valid ones. */
const WRONG_VALUES: readonly Json[] = [
  null, true, false, 0, 1.5, -1, '', ' ', 'x', 'Manual', '2026-03-10', '2026-03-10T20:30:00', '2026-13-10T20:30:00Z',
  '2026-03-10T20:30:00-07:00', '0026-03-10T20:30:00Z', '+13035550123', 'America/Denver', 'Mars/Olympus', 'FL', 'XX',
  'acme', 'prior-express', 'mobile', 'us-federal', [], [''], ['x'], [1], {}, { at: '2026-03-10' }, '\u2013', '__proto__',
];

const EXTRA_KEYS: readonly string[] = ['extra', 'Method', 'toString', 'constructor', '__proto__', 'registries', 'extensions'];

/** Every path to an object or array member in the request, the request itself as []. */
function paths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const found: (string | number)[][] = [path];
  if (Array.isArray(value)) value.forEach((item, index) => found.push(...paths(item, [...path, index])));
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) found.push(...paths(value[key]!, [...path, key]));
  return found;
}

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

function parentOf(root: Json, path: readonly (string | number)[]): { [key: string]: Json } | Json[] {
  let node = root;
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, Json>)[step]!;
  return node as { [key: string]: Json } | Json[];
}

/** Sets a key as JSON.parse does: an own property even when it is `__proto__`. */
function setOwn(target: object, key: string | number, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The near misses of one request. With `pick` (returning an index below its argument), one wrong value per field
 * is drawn instead of all of them, for a run over many requests.
 */
export function nearMisses(request: Json, pick?: (count: number) => number): Json[] {
  const values = (): readonly Json[] => (pick === undefined ? WRONG_VALUES : [WRONG_VALUES[pick(WRONG_VALUES.length)]!, WRONG_VALUES[pick(WRONG_VALUES.length)]!]);
  const misses: Json[] = [];
  for (const path of paths(request)) {
    if (path.length > 0) {
      const removed = clone(request);
      const parent = parentOf(removed, path);
      const key = path.at(-1)!;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      misses.push(removed);
      for (const wrong of values()) {
        const changed = clone(request);
        setOwn(parentOf(changed, path), key, clone(wrong));
        misses.push(changed);
      }
    }
    const target = path.reduce<Json>((node, step) => (node as Record<string | number, Json>)[step]!, request);
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      for (const extra of pick === undefined ? EXTRA_KEYS : [EXTRA_KEYS[pick(EXTRA_KEYS.length)]!]) {
        const widened = clone(request);
        const node = path.reduce<Json>((at, step) => (at as Record<string | number, Json>)[step]!, widened);
        setOwn(node as object, extra, pick === undefined ? 'x' : clone(WRONG_VALUES[pick(WRONG_VALUES.length)]!));
        misses.push(widened);
      }
    }
  }
  return misses;
}

export type { Json };
