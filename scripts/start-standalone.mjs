#!/usr/bin/env node
// Starts the standalone server exactly as a self-hoster would (`node server.js`), after
// copying the static files next to it as the README's deployment steps do.
// Usage: node scripts/start-standalone.mjs [-p PORT] | --prepare (copy only, then exit)
import { spawn } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, process.env.NEXT_DIST_DIR || ".next");
const standalone = path.join(dist, "standalone");
const server = path.join(standalone, "server.js");
if (!existsSync(server)) {
  console.error(`No standalone build at ${server}. Run \`npx next build\` first.`);
  process.exit(1);
}
const distName = path.basename(dist);
// Several servers start from one build at once (the e2e suite runs shards in parallel): copy once
// per build, so no server reads a file another start is rewriting.
const marker = path.join(standalone, ".copied-build-id");
const buildId = readFileSync(path.join(dist, "BUILD_ID"), "utf8");
if (!existsSync(marker) || readFileSync(marker, "utf8") !== buildId) {
  cpSync(path.join(dist, "static"), path.join(standalone, distName, "static"), { recursive: true });
  cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
  writeFileSync(marker, buildId);
}
if (process.argv.includes("--prepare")) process.exit(0);

const portFlag = process.argv.indexOf("-p");
const port = portFlag >= 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? "3000");
const child = spawn(process.execPath, [server], {
  cwd: standalone,
  stdio: "inherit",
  env: { ...process.env, PORT: String(port), HOSTNAME: process.env.HOSTNAME_BIND ?? "127.0.0.1" },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
