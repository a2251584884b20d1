// Streaming render cost of the real chat page in Chromium: a long markdown reply (prose, code,
// tables, math) streamed by the simulator, timed against the upstream's own send time.
//
//   npm run bench render [-- --sizes 100,200 --runs 1 --rate 200 (0: unpaced) --chunk 23 --start typed|cold --sim-port 4130
//                            --app-port 3130 --dist-dir .next-md --app-url http://127.0.0.1:3130 --first-visit on]
//
// Needs a production build: `NEXT_DIST_DIR=.next-md npx next build`. Without --app-url the script
// starts the simulator and `next start` itself (an --app-url server must use this simulator port).
// The prompt carries `[[long:K]] [[rate:R]] [[chunk:C]]`: the simulator sends K KB in C-byte chunks
// every 1000/R ms, so 100 KB is ~4,500 chunks in ~23 s and 200 KB takes twice as long.
//
// Per size: upstreamMs (the simulator's durationMs for the request, reasoning included), pageMs
// (Enter → the answer's DOM stops changing, lazy KaTeX and highlighting included, with Stop gone),
// their ratio (goal ≤ 1.10), stopGoneMs, and long tasks (> 50 ms) from Enter on; then the 200/100
// growth of pageMs (goal ≈ 2, i.e. linear: the upstream time doubles too).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { simControl, startSimulator } from "../../lib/simulator/index";
import { launchChromium } from "../bench-support/procs";
import { startTaskTrace, stopTaskTrace, type TaskCpu } from "../bench-support/task-cpu";

// `--name value` pairs; a bare `--` (from `npm run bench render -- …` via other runners) is skipped.
const argv = process.argv.slice(2).filter((a) => a !== "--");
const args = new Map<string, string>();
for (let i = 0; i < argv.length; i += 2) args.set((argv[i] ?? "").replace(/^--/, ""), argv[i + 1] ?? "");
const SIZES = (args.get("sizes") ?? "100,200").split(",").map(Number);
const RUNS = Number(args.get("runs") ?? 1);
const RATE = Number(args.get("rate") ?? 200);
// The yardstick streams 100 KB in ~22 s at ~200 chunks/s, i.e. ~23 bytes (a few tokens) per
// chunk. `--chunk 512` is a stress variant: the same 100 KB in ~1 s.
const CHUNK = Number(args.get("chunk") ?? 23);
const SIM_PORT = Number(args.get("sim-port") ?? 4130);
const APP_PORT = Number(args.get("app-port") ?? 3130);
const DIST_DIR = args.get("dist-dir") ?? ".next-md";
// typed: the prompt is typed at ~30 ms a key, as a person would, so the page's idle-time loading
// (the AI SDK client, KaTeX) has had its chance. cold: pasted and sent the moment the box shows,
// so that loading lands inside the measured window.
const START = args.get("start") ?? "typed";
// As in bench compare: by default the offline worker's first-visit install (every page's shell and
// chunks) is over before the prompt is sent; `--first-visit on` leaves it running during the stream.
const FIRST_VISIT = args.get("first-visit") === "on";
if (START !== "typed" && START !== "cold") throw new Error("--start must be typed or cold");
const root = path.resolve(import.meta.dirname, "../..");
const CONTENT = '[data-testid="message-assistant"] [data-testid="message-content"]';

// Runs in the page before its scripts: long tasks, the Enter that sends, and the last change
// inside the answer (text, highlighting, math) or to the Stop button.
const PROBE = `(() => {
  const b = (window.__bench = { longTasks: [], sentAt: 0, lastChange: 0, stopSeen: false, stopGoneAt: 0 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  addEventListener("keydown", (e) => { if (e.key === "Enter" && !e.shiftKey) b.sentAt = performance.now(); }, true);
  const watch = () => new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && el.closest(${JSON.stringify(CONTENT)})) { b.lastChange = now; break; }
    }
    const stop = document.querySelector('[data-testid="stop-button"]');
    if (stop) b.stopSeen = true;
    else if (b.stopSeen && !b.stopGoneAt) b.stopGoneAt = now;
  }).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  if (document.documentElement) watch(); else addEventListener("DOMContentLoaded", watch);
})();`;

interface Run {
  upstreamMs: number;
  pageMs: number;
  stopGoneMs: number;
  longTasks: number;
  maxLongTaskMs: number;
  /** Each long task as [ms after Enter, duration], to tell start-up, streaming and finish apart. */
  tasks: [number, number][];
  chars: number;
  cpu: TaskCpu & { typing: TaskCpu };
}

interface BenchState {
  longTasks: { start: number; duration: number }[];
  sentAt: number;
  lastChange: number;
  stopSeen: boolean;
  stopGoneAt: number;
}

async function waitForApp(url: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error("next start exited");
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer /api/health within 90 s`);
}

function startApp(simUrl: string) {
  if (!existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) {
    console.error(`No production build in ${DIST_DIR}. Build one first:\n  NEXT_DIST_DIR=${DIST_DIR} npx next build`);
    process.exit(1);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    SILICONFLOW_API_KEY: "test-key",
    SILICONFLOW_BASE_URL: `${simUrl}/siliconflow/v1`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.ACCESS_CODE;
  delete env.GLM_API_KEY;
  // Its own process group, so the server and anything it spawns stop together.
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
  });
  return child;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const sim = await startSimulator({ port: SIM_PORT, host: "127.0.0.1" });
  const control = simControl(sim.url);
  // `--rate 0`: unpaced, the simulator writes each chunk as soon as the last one is written.
  if (RATE === 0) await control.config({ chatChunkDelayMs: 0 });
  const appUrl = args.get("app-url") ?? `http://127.0.0.1:${APP_PORT}`;
  const app = args.has("app-url") ? null : startApp(sim.url);
  const browser = await launchChromium();
  try {
    await waitForApp(appUrl, () => app !== null && app.exitCode !== null);
    const results: Record<string, unknown>[] = [];
    for (const kb of SIZES) {
      const runs: Run[] = [];
      for (let run = 0; run < RUNS; run++) {
        // A fresh context per run: empty IndexedDB, no earlier conversation on the page.
        const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.addInitScript(PROBE);
        await page.goto(`${appUrl}/chat`);
        const box = page.getByRole("textbox", { name: "Message" });
        await box.waitFor({ timeout: 30_000 });
        if (!FIRST_VISIT) {
          await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
          await page.waitForTimeout(1000);
        }
        await control.clearLog();
        await startTaskTrace(browser, page);
        const pacing = RATE > 0 ? ` [[rate:${RATE}]]` : "";
        const prompt = `[[long:${kb}]]${pacing} [[chunk:${CHUNK}]] Write a long answer.`;
        if (START === "cold") await box.fill(prompt);
        else await box.pressSequentially(prompt, { delay: 30 });
        await box.press("Enter");
        await page.waitForFunction(
          () => {
            const b = (window as unknown as { __bench: BenchState }).__bench;
            return b.stopGoneAt > 0 && performance.now() - Math.max(b.lastChange, b.stopGoneAt) > 1500;
          },
          undefined,
          { timeout: 120_000, polling: 250 },
        );
        const b = await page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench);
        const cpu = await stopTaskTrace(browser, { splitAtLastKey: true });
        const chars = await page
          .locator(CONTENT)
          .last()
          .evaluate((el) => el.textContent?.length ?? 0);
        const entry = (await control.log()).filter((e) => e.path === "/chat/completions").at(-1);
        if (!entry) throw new Error("the simulator saw no chat request");
        const tasks = b.longTasks.filter((t) => t.start >= b.sentAt);
        runs.push({
          upstreamMs: entry.durationMs,
          pageMs: Math.max(b.lastChange, b.stopGoneAt) - b.sentAt,
          stopGoneMs: b.stopGoneAt - b.sentAt,
          longTasks: tasks.length,
          maxLongTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
          tasks: tasks.map((t) => [Math.round(t.start - b.sentAt), Math.round(t.duration)]),
          chars,
          cpu,
        });
        await context.close();
      }
      const upstreamMs = median(runs.map((r) => r.upstreamMs));
      const pageMs = median(runs.map((r) => r.pageMs));
      results.push({
        kb,
        runs: runs.length,
        upstreamMs: round(upstreamMs),
        pageMs: round(pageMs),
        pageOverUpstream: Math.round((pageMs / upstreamMs) * 100) / 100,
        // The stream's end reached the page (Stop gone); pageMs also waits for lazy math/highlighting.
        stopGoneMs: round(median(runs.map((r) => r.stopGoneMs))),
        longTasksOver50ms: Math.max(...runs.map((r) => r.longTasks)),
        maxLongTaskMs: round(Math.max(...runs.map((r) => r.maxLongTaskMs))),
        answerChars: runs[0]?.chars,
        longTasksPerRun: runs.map((r) => r.tasks),
        // Main-thread CPU time per task (task-cpu.ts): the Long Tasks API counts waiting for a core.
        // From Enter on (the reply streaming in); before it, typing the prompt (the runtime loads at
        // the first key, and its evaluation is one task).
        cpuTasksOver50msPerRun: runs.map((r) => r.cpu.over50),
        maxTaskCpuMsPerRun: runs.map((r) => r.cpu.maxCpuMs),
        typingCpuTasksOver50msPerRun: runs.map((r) => r.cpu.typing.over50),
        typingMaxTaskCpuMsPerRun: runs.map((r) => r.cpu.typing.maxCpuMs),
      });
    }
    const at = (kb: number) => results.find((r) => r.kb === kb) as { pageMs: number } | undefined;
    const r100 = at(100);
    const r200 = at(200);
    console.log(
      JSON.stringify(
        {
          rate: RATE,
          chunk: CHUNK,
          start: START,
          firstVisit: FIRST_VISIT,
          results,
          growth200over100: r100 && r200 ? Math.round((r200.pageMs / r100.pageMs) * 100) / 100 : null,
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    if (app?.pid) {
      try {
        process.kill(-app.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await sim.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
