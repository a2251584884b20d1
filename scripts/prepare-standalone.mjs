#!/usr/bin/env node
// Runs after `next build` (npm's postbuild): puts what `next build` leaves out of the standalone
// folder beside server.js — the browser's static files and public/ — so `.next/standalone` runs as
// it is (`node .next/standalone/server.js`) and can be copied to a server on its own.
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, process.env.NEXT_DIST_DIR || ".next");
const standalone = path.join(dist, "standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error(`No standalone build at ${standalone}. Run \`npm run build\` first.`);
  process.exit(1);
}
const staticTarget = path.join(standalone, path.basename(dist), "static");
rmSync(staticTarget, { recursive: true, force: true });
cpSync(path.join(dist, "static"), staticTarget, { recursive: true });
cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
console.log(`Standalone server ready: node ${path.relative(process.cwd(), path.join(standalone, "server.js"))}`);
