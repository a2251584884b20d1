import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

// A production server of its own, started the way a self-hoster starts one: plain
// `node .next/standalone/server.js` from the build the suite already made, nothing prepared first.
// For what the shared servers cannot show (a fresh start, a provider that is down).

const ROOT = path.resolve(__dirname, "../../..");
export const STANDALONE_SERVER = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "standalone", "server.js");

export interface StandaloneServer {
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Starts server.js with only `env` (no provider key means demo mode) and waits for /api/health. */
export async function startStandalone(env: Record<string, string> = {}): Promise<StandaloneServer> {
  const port = await freePort();
  let log = "";
  // From a directory outside the project, as on a server that only has the standalone folder.
  const child: ChildProcess = spawn(process.execPath, [STANDALONE_SERVER], {
    cwd: "/",
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (log += String(d)));
  child.stderr?.on("data", (d) => (log += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server.js exited (${child.exitCode}):\n${log}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server.js did not answer /api/health within 30 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, output: () => log, stop };
}
