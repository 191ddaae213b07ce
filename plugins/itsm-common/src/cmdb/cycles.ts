/**
 * The dependency cycles of a graph of entity refs: each strongly connected component of more
 * than one entity, or an entity that depends on itself, as its members sorted; the cycles
 * sorted by their first member. Edges to refs that have no edges of their own are fine
 * (dangling targets are a separate check). Iterative (Tarjan), so a deep catalog does not
 * overflow the stack.
 *
 * @public
 */
export function findDependencyCycles(
  edges: ReadonlyArray<readonly [from: string, to: string]>,
): string[][] {
  const next = new Map<string, string[]>();
  for (const [from, to] of edges) {
    if (!next.has(from)) next.set(from, []);
    if (!next.has(to)) next.set(to, []);
    next.get(from)!.push(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const root of [...next.keys()].sort()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; child: number }> = [
      { node: root, child: 0 },
    ];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const children = next.get(frame.node)!;
      if (frame.child < children.length) {
        const child = children[frame.child];
        frame.child += 1;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter);
          counter += 1;
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(
            frame.node,
            Math.min(low.get(frame.node)!, index.get(child)!),
          );
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const members: string[] = [];
        for (;;) {
          const member = stack.pop()!;
          onStack.delete(member);
          members.push(member);
          if (member === frame.node) break;
        }
        const selfLoop = members.length === 1 && children.includes(frame.node);
        if (members.length > 1 || selfLoop) {
          cycles.push(members.sort());
        }
      }
    }
  }
  return cycles.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
