/**
 * A min-heap ordered by a numeric key, with ties broken by insertion order so runs are deterministic: (key, order)
 * is a total order, so the items come out in the same sequence whatever the heap's shape. Four children per node
 * rather than two: a campaign's heap of leads in play holds hundreds of thousands, and a pop then reads half as many
 * levels, the four children of a node side by side in memory.
 */
export class MinHeap<T> {
  readonly #keys: number[] = [];
  readonly #order: number[] = [];
  readonly #items: T[] = [];
  #inserted = 0;

  get size(): number {
    return this.#items.length;
  }

  push(key: number, item: T): void {
    this.#keys.push(key);
    this.#order.push(0);
    this.#items.push(item);
    this.#up(this.#items.length - 1, key, this.#inserted++, item);
  }

  peekKey(): number | undefined {
    return this.#keys[0];
  }

  pop(): T | undefined {
    if (this.#items.length === 0) return undefined;
    const top = this.#items[0];
    const lastKey = this.#keys.pop()!;
    const lastOrder = this.#order.pop()!;
    const lastItem = this.#items.pop()!;
    if (this.#items.length > 0) this.#down(lastKey, lastOrder, lastItem);
    return top;
  }

  /** Moves the hole at `index` up until (key, order) fits there, and puts the item in it. */
  #up(index: number, key: number, order: number, item: T): void {
    const keys = this.#keys;
    const orders = this.#order;
    const items = this.#items;
    while (index > 0) {
      const parent = (index - 1) >> 2;
      const parentKey = keys[parent]!;
      if (parentKey < key || (parentKey === key && orders[parent]! < order)) break;
      keys[index] = parentKey;
      orders[index] = orders[parent]!;
      items[index] = items[parent]!;
      index = parent;
    }
    keys[index] = key;
    orders[index] = order;
    items[index] = item;
  }

  /** Moves the hole at the root down until (key, order) fits there, and puts the item in it. */
  #down(key: number, order: number, item: T): void {
    const keys = this.#keys;
    const orders = this.#order;
    const items = this.#items;
    const size = items.length;
    let index = 0;
    for (;;) {
      const first = 4 * index + 1;
      if (first >= size) break;
      let smallest = first;
      let smallestKey = keys[first]!;
      const end = Math.min(first + 4, size);
      for (let child = first + 1; child < end; child++) {
        const childKey = keys[child]!;
        if (childKey < smallestKey || (childKey === smallestKey && orders[child]! < orders[smallest]!)) {
          smallest = child;
          smallestKey = childKey;
        }
      }
      if (key < smallestKey || (key === smallestKey && order < orders[smallest]!)) break;
      keys[index] = smallestKey;
      orders[index] = orders[smallest]!;
      items[index] = items[smallest]!;
      index = smallest;
    }
    keys[index] = key;
    orders[index] = order;
    items[index] = item;
  }
}
