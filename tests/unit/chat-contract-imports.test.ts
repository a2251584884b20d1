import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The chat contract (lib/chat/contract.ts) builds zod schemas at load time, so a browser module that
// takes a value from it puts zod in the chat page's JavaScript. Browser code takes numbers from the
// zod-free bounds (lib/chat/bounds.ts) and only types from the contract. This walks the value imports
// (type-only ones are erased by the compiler; lazy import() is not the first load) from the chat
// components and lib/chat/client, and fails if any chat module on the way imports zod.

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

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return filesUnder(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Every chat module reached from `roots` that imports zod, with the chain that reaches it. */
function chatModulesWithZod(roots: string[]): string[] {
  const parent = new Map<string, string | null>(roots.map((r) => [r, null]));
  const queue = [...roots];
  const found: string[] = [];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const spec of valueImports(file)) {
      const dep = resolveSpec(file, spec);
      if (dep === null) {
        if ((spec === "zod" || spec.startsWith("zod/")) && relative(root, file).startsWith("lib/chat/")) {
          const chain = [file];
          for (let p = parent.get(file); p; p = parent.get(p)) chain.unshift(p);
          found.push(chain.map((f) => relative(root, f)).join(" → "));
        }
        continue;
      }
      if (parent.has(dep)) continue;
      parent.set(dep, file);
      queue.push(dep);
    }
  }
  return found;
}

describe("chat contract", () => {
  const roots = [...filesUnder(join(root, "components/chat")), ...filesUnder(join(root, "lib/chat/client"))];

  it("finds the browser's chat modules and follows their imports", () => {
    expect(roots.length).toBeGreaterThan(20);
    // The walk does reach the chat contract's neighbours: bounds from the settings panel.
    expect(valueImports(join(root, "components/chat/chat-settings-panel.tsx"))).toContain("@/lib/chat/bounds");
  });

  it("keeps zod out of every chat module the browser loads up front", () => {
    expect(chatModulesWithZod(roots)).toEqual([]);
  });

  it("would see a value import of the contract", () => {
    // The route's module takes its schema from the contract: the same walk finds zod from there.
    expect(chatModulesWithZod([join(root, "pages/api/chat.ts")]).some((c) => c.endsWith("lib/chat/contract.ts"))).toBe(
      true,
    );
  });
});
