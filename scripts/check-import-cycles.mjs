// Lists import circles (files that import, directly or through others, a file that imports them back).
// Type-only and lazy `import("…")` imports count: a circle of types still ties the files' meaning together.
// Exits 1 when any circle exists, so it can run in lint.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const dirs = ["app", "components", "lib", "pages"];
const exts = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

function resolveSpec(from, spec) {
  let base;
  if (spec.startsWith("@/")) base = join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = resolve(dirname(from), spec);
  else return null;
  if (/\.tsx?$/.test(base) && existsSync(base)) return base;
  for (const e of exts) if (existsSync(base + e)) return base + e;
  return null;
}

const files = dirs.flatMap((d) => walk(join(root, d), []));
const graph = new Map();
const re =
  /(?:^|\n)\s*(?:import|export)\b[^"';]*?from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
for (const f of files) {
  const src = readFileSync(f, "utf8");
  const deps = new Set();
  for (const m of src.matchAll(re)) {
    const r = resolveSpec(f, m[1] ?? m[2] ?? m[3]);
    if (r && r !== f) deps.add(r);
  }
  graph.set(f, [...deps]);
}

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
  for (const f of c.sort()) console.log(`  ${relative(root, f)}`);
}
console.log(`${sccs.length} import circle(s)`);
process.exit(sccs.length ? 1 : 0);
