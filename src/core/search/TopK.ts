/**
 * The best `k` ids of a stream under a ranking order, best first: a binary heap whose root is the worst kept id,
 * O(n log k) instead of sorting every match. With a total order, the result is exactly the first `k` of the full
 * sorted ranking, which is what lets a search ask for the top 12 passages without ranking 200,000.
 */
export class TopK {
  private readonly heap: number[] = [];

  /** `order(a, b)` < 0 when `a` ranks before `b`; it must never return 0 for two different ids. */
  constructor(
    private readonly k: number,
    private readonly order: (a: number, b: number) => number,
  ) {}

  /** Offers an id; kept when among the best `k` so far. */
  push(id: number): void {
    const heap = this.heap;
    if (this.k <= 0) return;
    if (heap.length < this.k) {
      let i = heap.length;
      heap.push(id);
      while (i > 0) {
        const parent = (i - 1) >> 1;
        // The root is the worst: a child that ranks after its parent moves up.
        if (this.order(id, heap[parent] as number) <= 0) break;
        heap[i] = heap[parent] as number;
        i = parent;
      }
      heap[i] = id;
      return;
    }
    if (this.order(id, heap[0] as number) >= 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      let child = left;
      if (right < heap.length && this.order(heap[right] as number, heap[left] as number) > 0) child = right;
      if (this.order(heap[child] as number, id) <= 0) break;
      heap[i] = heap[child] as number;
      i = child;
    }
    heap[i] = id;
  }

  /** The kept ids, best first. */
  sorted(): number[] {
    return [...this.heap].sort(this.order);
  }
}
