import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// What the chat page's first load may not ship. zod builds its schemas at load time, so one browser
// module that takes a value from a zod schema file puts all of zod (~36 KB gzip) in the page's
// JavaScript: browser code takes numbers and types from zod-free files (lib/chat/bounds.ts,
// lib/cost/budget.ts, lib/cost/price.ts, lib/organize/bounds.ts) and the routes validate with the
// schemas. This walks the value imports (type-only ones are erased by the compiler; lazy import() is
// not the first load) from the /chat route's layouts and page, and follows every "use client" module
// they reach, whatever its slice.

const root = resolve(import.meta.dirname, "../..");
const importRe =
  /(?:^|\n)\s*(?:import|export)\s+([^"';]*?)\s*from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']/g;

function resolveSpec(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = resolve(dirname(from), spec);
  else return null;
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const p = base + ext;
    if (/\.tsx?$/.test(p) && existsSync(p) && statSync(p).isFile()) return p;
  }
  return null;
}

/** The specifiers a file imports values from (a clause of only `type` names imports nothing at run time). */
function valueImports(file: string): string[] {
  const out: string[] = [];
  for (const m of readFileSync(file, "utf8").matchAll(importRe)) {
    const clause = m[1] ?? "";
    const spec = m[2] ?? m[3] ?? "";
    if (/^type\b/.test(clause)) continue;
    const names = (clause.match(/^\{([\s\S]*)\}$/)?.[1] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (names.length > 0 && names.every((n) => n.startsWith("type "))) continue;
    out.push(spec);
  }
  return out;
}

const isClientModule = (file: string) => /^\s*["']use client["']/.test(readFileSync(file, "utf8"));

/**
 * The browser's modules reached from server `roots`: the server graph is walked only to find the
 * "use client" modules it renders; from those on, every value import is browser code.
 */
function browserGraph(roots: string[]): Map<string, string | null> {
  // A root that is itself a client module (a test fixture) starts the browser walk directly.
  const parent = new Map<string, string | null>(roots.filter(isClientModule).map((r) => [r, null]));
  const seen = new Set(roots);
  const serverQueue = roots.filter((r) => !parent.has(r));
  const queue = [...parent.keys()];
  while (serverQueue.length > 0) {
    const file = serverQueue.shift() as string;
    for (const spec of valueImports(file)) {
      const dep = resolveSpec(file, spec);
      if (dep === null || seen.has(dep)) continue;
      seen.add(dep);
      if (isClientModule(dep)) {
        parent.set(dep, file);
        queue.push(dep);
      } else serverQueue.push(dep);
    }
  }
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const spec of valueImports(file)) {
      const dep = resolveSpec(file, spec);
      if (dep === null || parent.has(dep)) continue;
      parent.set(dep, file);
      queue.push(dep);
    }
  }
  return parent;
}

function chain(parent: Map<string, string | null>, file: string): string {
  const out = [file];
  for (let p = parent.get(file); p; p = parent.get(p)) out.unshift(p);
  return out.map((f) => relative(root, f)).join(" → ");
}

/** Every browser module reached from `roots` that imports one of `packages`, with the chain to it. */
function browserModulesImporting(roots: string[], packages: RegExp): string[] {
  const graph = browserGraph(roots);
  return [...graph.keys()]
    .filter((f) => valueImports(f).some((s) => resolveSpec(f, s) === null && packages.test(s)))
    .map((f) => chain(graph, f));
}

const chatRoute = [
  "app/layout.tsx",
  "app/(studio)/layout.tsx",
  "app/(studio)/chat/layout.tsx",
  "app/(studio)/chat/[[...id]]/page.tsx",
].map((f) => join(root, f));

describe("the chat page's first load", () => {
  it("finds the browser modules of the route and follows their imports", () => {
    const graph = browserGraph(chatRoute);
    expect(graph.size).toBeGreaterThan(100);
    // Beyond the chat slice: the sidebar's folders and the budget notice.
    expect(graph.has(join(root, "components/cost/budget-notice.tsx"))).toBe(true);
    expect(graph.has(join(root, "lib/organize/client/folders.ts"))).toBe(true);
    // The walk does reach the chat contract's neighbours: bounds from the settings panel.
    expect(valueImports(join(root, "components/chat/chat-settings-panel.tsx"))).toContain("@/lib/chat/bounds");
    // Server-only modules are not browser code.
    expect(graph.has(join(root, "lib/i18n/server.ts"))).toBe(false);
  });

  it("ships no zod", () => {
    expect(browserModulesImporting(chatRoute, /^zod(\/|$)/)).toEqual([]);
  });

  it("ships one language: Chinese is a chunk loaded when the page is in Chinese", () => {
    // The browser's #i18n-preloaded is empty (package.json "imports"; the walk does not follow it),
    // and no module may import the Chinese dictionary directly.
    const chinese = [...browserGraph(chatRoute).keys()].filter(
      (f) => f.endsWith("lib/i18n/zh.ts") || f.includes("lib/i18n/messages/zh/"),
    );
    expect(chinese).toEqual([]);
  });

  it("would see a value import of a schema file", () => {
    // A browser module that takes a schema from the chat contract: the same walk finds zod there.
    const viaClient = browserModulesImporting(
      [join(root, "tests/unit/fixtures/client-importing-contract.tsx")],
      /^zod/,
    );
    expect(viaClient.some((c) => c.endsWith("lib/chat/contract.ts"))).toBe(true);
  });
});
