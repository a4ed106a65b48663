/** Minimal binary min-heap of (node, priority) pairs for Dijkstra; stale entries are skipped by the caller. */
export type MinHeap = { push: (node: number, priority: number) => void; pop: () => [number, number] | undefined; size: () => number };

/** Creates an empty binary min-heap keyed by priority (ties broken by node index, so runs are deterministic). */
export function createMinHeap(): MinHeap {
  const nodes: number[] = [];
  const keys: number[] = [];
  const less = (i: number, j: number): boolean => keys[i] < keys[j] || (keys[i] === keys[j] && nodes[i] < nodes[j]);
  const swap = (i: number, j: number): void => {
    [nodes[i], nodes[j]] = [nodes[j], nodes[i]];
    [keys[i], keys[j]] = [keys[j], keys[i]];
  };
  const push = (node: number, priority: number): void => {
    nodes.push(node);
    keys.push(priority);
    let i = nodes.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(i, parent)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const pop = (): [number, number] | undefined => {
    if (nodes.length === 0) return undefined;
    const top: [number, number] = [nodes[0], keys[0]];
    const lastNode = nodes.pop() as number;
    const lastKey = keys.pop() as number;
    if (nodes.length > 0) {
      nodes[0] = lastNode;
      keys[0] = lastKey;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < nodes.length && less(l, m)) m = l;
        if (r < nodes.length && less(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
    return top;
  };
  return { push, pop, size: () => nodes.length };
}
