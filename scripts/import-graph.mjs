// The project's own import graph, read from the source text: every .ts/.tsx file under app, components,
// lib and pages, with the files it imports (resolved; packages left out). Type-only imports, re-exports
// and lazy `import("…")` all count. Shared by the lint checks (check-import-cycles, check-boundaries).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

export const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
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

const importRe =
  /(?:^|\n)\s*(?:import|export)\b[^"';]*?from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** A path relative to the project root, with forward slashes (for messages and prefix rules). */
export function rel(file) {
  return relative(root, file).split(sep).join("/");
}

/**
 * Map of absolute file path → { deps: resolved absolute paths, specs: package names imported }.
 * Package specifiers are kept apart so a rule can name a package (e.g. "dexie").
 */
export function importGraph() {
  const files = dirs.flatMap((d) => walk(join(root, d), []));
  const graph = new Map();
  for (const f of files) {
    const src = readFileSync(f, "utf8");
    const deps = new Set();
    const packages = new Set();
    for (const m of src.matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const r = resolveSpec(f, spec);
      if (r && r !== f) deps.add(r);
      else if (!r && !spec.startsWith(".") && !spec.startsWith("@/")) packages.add(spec);
    }
    graph.set(f, { deps: [...deps], packages: [...packages] });
  }
  return graph;
}
