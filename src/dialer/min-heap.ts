/** A binary min-heap ordered by a numeric key, with ties broken by insertion order so runs are deterministic. */
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
    this.#order.push(this.#inserted++);
    this.#items.push(item);
    this.#up(this.#items.length - 1);
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
    if (this.#items.length > 0) {
      this.#keys[0] = lastKey;
      this.#order[0] = lastOrder;
      this.#items[0] = lastItem;
      this.#down(0);
    }
    return top;
  }

  #less(a: number, b: number): boolean {
    return this.#keys[a]! < this.#keys[b]! || (this.#keys[a] === this.#keys[b] && this.#order[a]! < this.#order[b]!);
  }

  #swap(a: number, b: number): void {
    // Plain temporaries: destructuring swaps allocate an array each, which dominated large runs.
    const key = this.#keys[a]!;
    this.#keys[a] = this.#keys[b]!;
    this.#keys[b] = key;
    const order = this.#order[a]!;
    this.#order[a] = this.#order[b]!;
    this.#order[b] = order;
    const item = this.#items[a]!;
    this.#items[a] = this.#items[b]!;
    this.#items[b] = item;
  }

  #up(index: number): void {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.#less(index, parent)) return;
      this.#swap(index, parent);
      index = parent;
    }
  }

  #down(index: number): void {
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < this.#items.length && this.#less(left, smallest)) smallest = left;
      if (right < this.#items.length && this.#less(right, smallest)) smallest = right;
      if (smallest === index) return;
      this.#swap(index, smallest);
      index = smallest;
    }
  }
}
