import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** 1-based line and column. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Where a field path points in a YAML document: the key of the last field that exists, or the deepest node on the
 * way, so "leads[3].phone" and "leads[3].phnoe" (unknown) both point at a line the user can open.
 */
export function locatePath(document: Document, path: readonly PropertyKey[], lineCounter: LineCounter): SourcePosition | null {
  let node: unknown = document.contents;
  let offset: number | undefined = (node as Node | null)?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment);
      if (pair === undefined) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = item;
      offset = (item as Node).range?.[0] ?? offset;
    } else {
      break;
    }
  }
  if (offset === undefined) return null;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
