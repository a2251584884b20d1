// `npm run bench <name> [args…]` runs scripts/bench/<name>.ts with the remaining arguments.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

// CommonJS under tsx (package.json has no "type": "module"): __dirname, and no top-level await.
const dir = path.join(__dirname, "bench");
const available = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => f.slice(0, -3))
  : [];
const name = process.argv[2];

if (!name || !/^[a-z0-9-]+$/.test(name) || !available.includes(name)) {
  console.error(`usage: npm run bench <name> [-- args]\navailable: ${available.join(", ") || "(none)"}`);
  process.exit(2);
}
// The benchmark reads its own flags from process.argv.
process.argv.splice(2, 1);
import(pathToFileURL(path.join(dir, `${name}.ts`)).href).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
