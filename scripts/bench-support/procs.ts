// Child processes and summary statistics shared by the benchmarks in scripts/bench.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";

export const root = path.resolve(__dirname, "../..");

/** `--name value` pairs from the command line (`npm run bench load -- --n 200`). */
export function benchArgs(argv: string[] = process.argv.slice(2)): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) args.set((argv[i] ?? "").replace(/^--/, ""), argv[i + 1] ?? "");
  return args;
}

export interface Proc {
  child: ChildProcess;
  log: () => string;
}

/** A child in its own process group, so it and anything it spawns stop together. */
export function spawnGroup(command: string, argv: string[], env: NodeJS.ProcessEnv): Proc {
  const out: string[] = [];
  const child = spawn(command, argv, { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d: Buffer) => out.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => out.push(d.toString()));
  return { child, log: () => out.join("").slice(-4000) };
}

export function stopAll(procs: Proc[]): void {
  for (const { child } of [...procs].reverse()) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

export async function waitFor(url: string, proc?: Proc): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${url}: process exited:\n${proc.log()}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within 90 s:\n${proc?.log() ?? ""}`);
}

/** The simulator in its own process, as a remote provider would be. */
export async function startSimulator(port: number, chunkDelayMs: number): Promise<Proc> {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const sim = spawnGroup(
    tsx,
    ["scripts/simulator.ts", "--port", String(port), "--chat-chunk-delay-ms", String(chunkDelayMs)],
    process.env,
  );
  await waitFor(`http://127.0.0.1:${port}/__sim/config`, sim);
  return sim;
}

// Linux only: user + system CPU of one process, from /proc (clock ticks of 10 ms on this kernel).
const TICK_MS = 10;
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the parenthesised command name, which may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const median = (xs: number[]) => {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
export const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
export const round = (n: number) => Math.round(n * 100) / 100;

/** The standalone server a self-hoster runs, on the simulator, with no access code, GLM key or Redis. */
export function startStandalone(opts: {
  simUrl: string;
  port: number;
  env?: Record<string, string>;
  nodeArgs?: string[];
}): Proc {
  const server = path.join(root, ".next/standalone/server.js");
  if (!existsSync(server)) {
    console.error(`No standalone build at ${server}. Run \`npm run build\` first.`);
    process.exit(1);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(opts.port),
    HOSTNAME: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
    SILICONFLOW_API_KEY: "bench-key",
    SILICONFLOW_BASE_URL: `${opts.simUrl}/siliconflow/v1`,
    ...opts.env,
  };
  delete env.ACCESS_CODE;
  delete env.GLM_API_KEY;
  delete env.REDIS_URL;
  return spawnGroup(process.execPath, [...(opts.nodeArgs ?? []), server], env);
}

/** Debian's Chromium with the flags this machine needs (no sandbox, GPU or background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
