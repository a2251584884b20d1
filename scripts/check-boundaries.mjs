// Fails when a file imports across a boundary the design keeps (shared/design.md, "Second wave"):
//   - components never import lib/db, nor Dexie itself: a component reads through its slice's client
//     module (lib/<slice>/client/hooks.ts, db.ts, …), so the database's shape can change behind it;
//   - lib never imports app: app is the thin layer on top (routes, pages), never a dependency.
// Type-only and lazy `import("…")` imports count, like in check-import-cycles. Exits 1 on any.
import { importGraph, rel } from "./import-graph.mjs";

const DB_PACKAGES = new Set(["dexie", "dexie-react-hooks"]);

const rules = [
  {
    name: "components import the database (lib/db or Dexie)",
    applies: (from) => from.startsWith("components/"),
    forbidsFile: (to) => to.startsWith("lib/db/"),
    forbidsPackage: (spec) => DB_PACKAGES.has(spec),
  },
  {
    name: "lib imports app",
    applies: (from) => from.startsWith("lib/"),
    forbidsFile: (to) => to.startsWith("app/"),
    forbidsPackage: () => false,
  },
];

const violations = [];
for (const [file, { deps, packages }] of importGraph()) {
  const from = rel(file);
  for (const rule of rules) {
    if (!rule.applies(from)) continue;
    for (const dep of deps.map(rel)) if (rule.forbidsFile(dep)) violations.push(`${rule.name}: ${from} → ${dep}`);
    for (const spec of packages) if (rule.forbidsPackage(spec)) violations.push(`${rule.name}: ${from} → ${spec}`);
  }
}

for (const v of violations.sort()) console.log(v);
console.log(`${violations.length} boundary violation(s)`);
process.exit(violations.length ? 1 : 0);
