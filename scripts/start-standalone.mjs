#!/usr/bin/env node
// `npm start`: the standalone server (`node .next/standalone/server.js`, what a self-hoster runs),
// with the project's env files read the way `next start` reads them (.env, .env.production,
// .env.local): server.js itself only reads env files inside .next/standalone.
// Usage: node scripts/start-standalone.mjs [-p PORT]   (PORT, default 3000; HOSTNAME_BIND, default 127.0.0.1)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, process.env.NEXT_DIST_DIR || ".next");
const standalone = path.join(dist, "standalone");
const server = path.join(standalone, "server.js");
if (!existsSync(server)) {
  console.error(`No standalone build at ${server}. Run \`npm run build\` first.`);
  process.exit(1);
}
// `npm run build` copies these (scripts/prepare-standalone.mjs); a bare `npx next build` does not.
if (!existsSync(path.join(standalone, path.basename(dist), "static"))) {
  console.error(
    `${standalone} has no static files. Build with \`npm run build\` (or run \`node scripts/prepare-standalone.mjs\` after \`npx next build\`).`,
  );
  process.exit(1);
}
nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error });

const portFlag = process.argv.indexOf("-p");
const port = portFlag >= 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? "3000");
const child = spawn(process.execPath, [server], {
  stdio: "inherit",
  env: { ...process.env, PORT: String(port), HOSTNAME: process.env.HOSTNAME_BIND ?? "127.0.0.1" },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
