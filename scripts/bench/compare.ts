// Compare mode in Chromium: four columns, each a different model streaming the same long markdown
// reply at once, timed against the upstream and watched for long main-thread tasks.
//
//   npm run build && npm run bench compare [-- --kb 20 --columns 4 --runs 3 --rate 200 --chunk 23
//                                               --sim-port 4140 --app-port 3140 --cpu-prof FILE --coalesce-ms 0
//                                               --trace off --first-visit on]
//
// The app is the standalone build on the simulator (its own process). The prompt carries
// `[[long:K]] [[rate:R]] [[chunk:C]]`, so every column gets K KB in C-byte chunks every 1000/R ms:
// 4 × 20 KB is ~3,600 chunks arriving over ~4.5 s, four renderers busy at once.
//
// Per run: upstreamMs (first request's start → last request's end, from the simulator's log),
// pageMs (Enter → the last change inside any column's answer, with every column complete), their
// ratio, and long tasks (> 50 ms) from Enter on, by wall time and by main-thread CPU time (a trace);
// then the median and spread over runs. `--cpu-prof FILE`
// writes the page's CPU profile of the last run (Chrome DevTools format) and prints its top functions.
import { writeFileSync } from "node:fs";
import { simControl } from "../../lib/simulator/index";
import {
  benchArgs,
  launchChromium,
  median,
  round,
  startSimulator,
  startStandalone,
  stopAll,
  waitFor,
} from "../bench-support/procs";
import { startTaskTrace, stopTaskTrace, type TaskCpu } from "../bench-support/task-cpu";

const args = benchArgs(process.argv.slice(2).filter((a) => a !== "--"));
const KB = Number(args.get("kb") ?? 20);
const COLUMNS = Number(args.get("columns") ?? 4);
const RUNS = Number(args.get("runs") ?? 3);
const RATE = Number(args.get("rate") ?? 200);
const CHUNK = Number(args.get("chunk") ?? 23);
const SIM_PORT = Number(args.get("sim-port") ?? 4140);
const APP_PORT = Number(args.get("app-port") ?? 3140);
const CPU_PROF = args.get("cpu-prof");
// `--trace off` skips the Chromium trace (its recording costs the browser process CPU too).
const TRACE = args.get("trace") !== "off";
// A fresh context is a first visit: the offline worker installs and fetches every page's shell and
// chunks (~1 s of the renderer's CPU here) while the columns stream. By default the bench waits for
// it, as for a returning user; `--first-visit on` measures with the install running.
const FIRST_VISIT = args.get("first-visit") === "on";
// The server's joining of deltas (CHAT_COALESCE_MS; 0 turns it off), to compare both.
const COALESCE = args.get("coalesce-ms");
// Plain chat models without reasoning, so each column's time is its answer alone.
const MODELS = [
  "Qwen/Qwen2.5-7B-Instruct",
  "deepseek-ai/DeepSeek-V3",
  "Qwen/Qwen2.5-72B-Instruct",
  "THUDM/GLM-4-9B-0414",
].slice(0, COLUMNS);
const CONTENT = '[data-testid="compare-column"] [data-testid="message-content"]';

// Runs in the page before its scripts: long tasks, the Enter that sends, the last change in an answer.
const PROBE = `(() => {
  const b = (window.__bench = { longTasks: [], sentAt: 0, lastChange: 0 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  addEventListener("keydown", (e) => { if (e.key === "Enter" && !e.shiftKey) b.sentAt = performance.now(); }, true);
  const watch = () => new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && el.closest(${JSON.stringify(CONTENT)})) { b.lastChange = performance.now(); break; }
    }
  }).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  if (document.documentElement) watch(); else addEventListener("DOMContentLoaded", watch);
})();`;

interface BenchState {
  longTasks: { start: number; duration: number }[];
  sentAt: number;
  lastChange: number;
}

interface Run {
  upstreamMs: number;
  pageMs: number;
  longTasks: number;
  maxLongTaskMs: number;
  tasks: [number, number][];
  chars: number[];
  cpu: TaskCpu;
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function, the twenty largest, as lines "ms  name  file:line". */
function topFunctions(profile: Profile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f) return;
    const key = `${f.functionName || "(anonymous)"}  ${f.url.split("/").pop() ?? ""}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${k}`)
    .join("\n");
}

async function main() {
  const sim = await startSimulator(SIM_PORT, 0);
  const simUrl = `http://127.0.0.1:${SIM_PORT}`;
  const control = simControl(simUrl);
  // Many requests from one address in a few runs: the limiter is not what is measured.
  const app = startStandalone({
    simUrl,
    port: APP_PORT,
    env: { RATE_LIMIT_PER_MINUTE: "100000", ...(COALESCE ? { CHAT_COALESCE_MS: COALESCE } : {}) },
  });
  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  const browser = await launchChromium();
  try {
    await waitFor(`${appUrl}/api/health`, app);
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh context per run: empty IndexedDB, no earlier comparison.
      const context = await browser.newContext({ locale: "en-US", viewport: { width: 1600, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(PROBE);
      await page.goto(`${appUrl}/compare`);
      await page.locator("form[data-ready]").waitFor({ timeout: 30_000 });
      if (!FIRST_VISIT) {
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        await page.waitForTimeout(1000);
      }
      const columns = page.getByTestId("compare-column");
      for (const [i, id] of MODELS.entries()) {
        if ((await columns.count()) <= i) await page.getByRole("button", { name: "Add model", exact: true }).click();
        const picker = columns.nth(i).getByRole("combobox", { name: "Model", exact: true });
        await picker.locator("option", { hasText: id }).first().waitFor({ state: "attached", timeout: 30_000 });
        await picker.selectOption({ label: id });
      }
      await control.clearLog();
      const cdp = CPU_PROF && run === RUNS - 1 ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
        await cdp.send("Profiler.start");
      }
      const box = page.getByRole("textbox", { name: "Message", exact: true });
      // Not beside the CPU profile: one tracing session at a time.
      if (!cdp && TRACE) await startTaskTrace(browser, page);
      await box.fill(`[[long:${KB}]] [[rate:${RATE}]] [[chunk:${CHUNK}]] Write a long answer.`);
      await box.press("Enter");
      // Every column complete, then a quiet second (lazy highlighting and math included).
      await page.waitForFunction(
        ({ n, selector }) => {
          const b = (window as unknown as { __bench: BenchState }).__bench;
          const done = document.querySelectorAll(
            '[data-testid="compare-column"] [data-testid="message-assistant"][data-status="complete"]',
          ).length;
          return (
            done === n && document.querySelectorAll(selector).length === n && performance.now() - b.lastChange > 1000
          );
        },
        { n: MODELS.length, selector: CONTENT },
        { timeout: 120_000, polling: 250 },
      );
      const b = await page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench);
      const cpu =
        cdp || !TRACE ? { over50: -1, maxCpuMs: -1, maxWallMs: -1, totalCpuMs: -1 } : await stopTaskTrace(browser);
      if (cdp && CPU_PROF) {
        const { profile } = await cdp.send("Profiler.stop");
        writeFileSync(CPU_PROF, JSON.stringify(profile));
        console.error(topFunctions(profile as Profile));
      }
      const chars = await page.locator(CONTENT).evaluateAll((els) => els.map((el) => el.textContent?.length ?? 0));
      const entries = (await control.log()).filter((e) => e.path === "/chat/completions");
      if (entries.length !== MODELS.length) throw new Error(`the simulator saw ${entries.length} chat requests`);
      const starts = entries.map((e) => Date.parse(e.time));
      const ends = entries.map((e) => Date.parse(e.time) + e.durationMs);
      const tasks = b.longTasks.filter((t) => t.start >= b.sentAt);
      runs.push({
        upstreamMs: Math.max(...ends) - Math.min(...starts),
        pageMs: b.lastChange - b.sentAt,
        longTasks: tasks.length,
        maxLongTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
        tasks: tasks.map((t) => [Math.round(t.start - b.sentAt), Math.round(t.duration)]),
        chars,
        cpu,
      });
      await context.close();
    }
    const pageMs = runs.map((r) => r.pageMs);
    const ratios = runs.map((r) => r.pageMs / r.upstreamMs);
    console.log(
      JSON.stringify(
        {
          columns: MODELS.length,
          kbPerColumn: KB,
          rate: RATE,
          chunk: CHUNK,
          runs: runs.length,
          firstVisit: FIRST_VISIT,
          upstreamMsMedian: round(median(runs.map((r) => r.upstreamMs))),
          pageMsMedian: round(median(pageMs)),
          pageMsRange: [round(Math.min(...pageMs)), round(Math.max(...pageMs))],
          pageOverUpstreamMedian: Math.round(median(ratios) * 100) / 100,
          longTasksOver50msMax: Math.max(...runs.map((r) => r.longTasks)),
          maxLongTaskMs: round(Math.max(...runs.map((r) => r.maxLongTaskMs))),
          longTasksPerRun: runs.map((r) => r.tasks),
          // Main-thread CPU time per task (see task-cpu.ts): steady when the machine is shared.
          cpuTasksOver50msPerRun: runs.map((r) => r.cpu.over50),
          maxTaskCpuMsPerRun: runs.map((r) => r.cpu.maxCpuMs),
          mainThreadCpuMsPerRun: runs.map((r) => r.cpu.totalCpuMs),
          answerCharsPerColumn: runs[0]?.chars,
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    stopAll([sim, app]);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
