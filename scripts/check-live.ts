// `npm run check:live -- [--dry-run] [--yes] [--record] [--with-video]`: see scripts/live-check/cli.ts.
// Runs under the react-server condition so the app's server modules load outside Next.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { main } from "./live-check/cli";

const root = process.cwd();

/** KEY=value lines of .env.local, then .env (as Next reads them); the shell's variables win. */
function loadEnvFiles(): void {
  for (const name of [".env.local", ".env"]) {
    const file = path.join(root, name);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
      const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
      if (!m?.[1] || process.env[m[1]] !== undefined) continue;
      process.env[m[1]] = (m[2] ?? "").replace(/^(['"])(.*)\1$/, "$2");
    }
  }
}
loadEnvFiles();

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

main(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  confirm,
  env: process.env,
  root,
}).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
