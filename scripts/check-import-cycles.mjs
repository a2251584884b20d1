// Lists import circles (files that import, directly or through others, a file that imports them back).
// Type-only and lazy `import("…")` imports count: a circle of types still ties the files' meaning together.
// Exits 1 when any circle exists, so it can run in lint.
import { importGraph, rel } from "./import-graph.mjs";

const graph = new Map([...importGraph()].map(([f, { deps }]) => [f, deps]));

// Tarjan's strongly connected components.
let index = 0;
const idx = new Map();
const low = new Map();
const stack = [];
const on = new Set();
const sccs = [];
function visit(v) {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  on.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const c = [];
    let w;
    do {
      w = stack.pop();
      on.delete(w);
      c.push(w);
    } while (w !== v);
    if (c.length > 1) sccs.push(c);
  }
}
for (const f of graph.keys()) if (!idx.has(f)) visit(f);

for (const c of sccs) {
  console.log(`circle of ${c.length} files:`);
  for (const f of c.sort()) console.log(`  ${rel(f)}`);
}
console.log(`${sccs.length} import circle(s)`);
process.exit(sccs.length ? 1 : 0);
