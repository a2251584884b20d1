// Time to first byte and to first token that /api/chat adds over calling the provider (the simulator)
// directly, on loopback in the same run, and whether chunks are forwarded without buffering. The first
// byte is when the answer's headers arrive (for /api/chat with its `start` chunk); the first token is
// the first chunk holding text, which is what a user waits for.
//
//   npm run bench ttfb [-- --n 200 --warmup 2000 --chunk-delay-ms 2 --first-byte-delay-ms 0 --sim-port 4110 --app-port 3110
//                         --dist-dir .next-chatapi --model Qwen/Qwen2.5-7B-Instruct
//                         --app-url http://127.0.0.1:3110 --sim-url http://127.0.0.1:4110
//                         --compare-url http://127.0.0.1:3111 --chat-path /api/chat --compare-path /api/chat]
//
// The simulator runs in its own process, as a remote provider would (started here unless --sim-url).
// The production server is started here with `next start` from --dist-dir (which must hold a
// `next build`) and SiliconFlow pointed at the simulator, unless --app-url names a running one; that
// one needs SILICONFLOW_BASE_URL=<sim-url>/siliconflow/v1, no ACCESS_CODE and a RATE_LIMIT_PER_MINUTE
// above 2·(n + warmup). Requests alternate direct / through the app over the same keep-alive client.
// --first-byte-delay-ms makes the simulator wait that long before answering each chat completion, as a
// real provider does (network and prefill): work the app overlaps with that wait only shows with it.
// --compare-url measures a second running server (another build, started as --app-url describes) in
// the same loop, request by request, and reports its figures and its paired difference to this one.
// --compare-path measures another chat route (of the compare server, or of this one without
// --compare-url) the same way: two implementations of /api/chat side by side in one server.
import { existsSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { benchArgs, median, type Proc, pct, round, spawnGroup, waitFor } from "../bench-support/procs";

const args = benchArgs();
const N = Number(args.get("n") ?? 200);
// A fresh server is slow until V8 has optimized the hot paths: first tokens here took ~7 ms over the
// first hundred replies and settled near half that after a few thousand. The default measures a server
// that has been up a while; `--warmup 20` shows a fresh one.
const WARMUP = Number(args.get("warmup") ?? 2000);
const SIM_PORT = Number(args.get("sim-port") ?? 4110);
const APP_PORT = Number(args.get("app-port") ?? 3110);
const CHUNK_DELAY_MS = Number(args.get("chunk-delay-ms") ?? 2);
const FIRST_BYTE_DELAY_MS = Number(args.get("first-byte-delay-ms") ?? 0);
const DIST_DIR = args.get("dist-dir") ?? ".next-chatapi";
const MODEL = args.get("model") ?? "Qwen/Qwen2.5-7B-Instruct";
// ~25 chunks of ~24 characters: enough to see buffering, short enough for 2·n replies.
const QUESTION = args.get("question") ?? "How does a hash map work? [[chunk:24]]";
const CHAT_PATH = args.get("chat-path") ?? "/api/chat";
const COMPARE_PATH = args.get("compare-path") ?? "/api/chat";
const root = path.resolve(__dirname, "../..");

interface Sample {
  headersMs: number;
  /** First chunk holding answer (or reasoning) text. */
  firstTokenMs: number;
  /** First to last chunk holding text. */
  spanMs: number;
  /** Socket reads that held text / text deltas: 1 when every delta arrives on its own. */
  readsPerDelta: number;
  contentEncoding?: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One request; `countText` counts the text deltas in one SSE `data:` payload. */
function measure(url: string, body: unknown, headers: Record<string, string>, countText: (data: string) => number) {
  return new Promise<Sample>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const t0 = performance.now();
    const req = http.request(url, {
      method: payload ? "POST" : "GET",
      agent,
      headers: payload
        ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...headers }
        : headers,
    });
    req.on("error", reject);
    req.on("response", (res) => {
      const headersMs = performance.now() - t0;
      if ((res.statusCode ?? 0) >= 300) reject(new Error(`${url} answered ${res.statusCode}`));
      let buffer = "";
      let first: number | undefined;
      let last = 0;
      let reads = 0;
      let deltas = 0;
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        const now = performance.now();
        first ??= payload ? undefined : now;
        buffer += chunk;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        let found = 0;
        for (const line of lines) if (line.startsWith("data: ")) found += countText(line.slice(6));
        if (found === 0) return;
        first ??= now;
        last = now;
        reads++;
        deltas += found;
      });
      res.on("end", () => {
        if (first === undefined) return reject(new Error(`${url}: no text arrived`));
        const readsPerDelta = deltas ? reads / deltas : 1;
        const contentEncoding = res.headers["content-encoding"];
        resolve({ headersMs, firstTokenMs: first - t0, spanMs: last - first, readsPerDelta, contentEncoding });
      });
      res.on("error", reject);
    });
    req.end(payload);
  });
}

const directText = (data: string) => {
  if (data === "[DONE]") return 0;
  const delta = (JSON.parse(data) as { choices?: { delta?: { content?: string; reasoning_content?: string } }[] })
    .choices?.[0]?.delta;
  return delta?.content || delta?.reasoning_content ? 1 : 0;
};
const appText = (data: string) => (/^\{"type":"(text|reasoning)-delta"/.test(data) ? 1 : 0);

function startApp(simUrl: string) {
  if (!existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) {
    console.error(
      `No production build in ${DIST_DIR}. Build one first:\n  NEXT_DIST_DIR=${DIST_DIR} npx next build\n` +
        "or pass --app-url for a server that is already running.",
    );
    process.exit(1);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    SILICONFLOW_API_KEY: "bench-key",
    SILICONFLOW_BASE_URL: `${simUrl}/siliconflow/v1`,
    // The benchmark sends hundreds of replies a minute from one address.
    RATE_LIMIT_PER_MINUTE: "1000000",
  };
  delete env.ACCESS_CODE;
  delete env.GLM_API_KEY;
  return spawnGroup(
    path.join(root, "node_modules/.bin/next"),
    ["start", "-p", String(APP_PORT), "-H", "127.0.0.1"],
    env,
  );
}

/** The browser's Stop through the real server: drop the connection after the first text; the simulator's log must show the upstream request closed early. */
async function stopClosesUpstream(simUrl: string, appUrl: string): Promise<boolean> {
  const control = (p: string, init?: RequestInit) => fetch(`${simUrl}/__sim${p}`, init);
  await control("/config", { method: "POST", body: JSON.stringify({ chatChunkDelayMs: 30 }) });
  await control("/log", { method: "DELETE" });
  try {
    await new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({
        id: "bench-stop",
        messages: [{ id: "u1", role: "user", parts: [{ type: "text", text: "A long one [[long:40]]" }] }],
        model: { provider: "siliconflow", id: MODEL },
      });
      const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
      const req = http.request(`${appUrl}/api/chat`, { method: "POST", headers });
      req.on("error", () => resolve());
      req.on("response", (res) => {
        res.on("data", (chunk: Buffer) => {
          if (!chunk.toString().includes('"text-delta"')) return;
          req.destroy();
          resolve();
        });
        res.on("end", () => reject(new Error("the reply ended before Stop")));
      });
      req.end(body);
    });
    for (let i = 0; i < 100; i++) {
      const { entries } = (await (await control("/log")).json()) as { entries: { path: string; aborted: boolean }[] };
      if (entries.some((e) => e.path === "/chat/completions" && e.aborted)) return true;
      await new Promise((r) => setTimeout(r, 30));
    }
    return false;
  } finally {
    await control("/config", { method: "POST", body: JSON.stringify({ chatChunkDelayMs: CHUNK_DELAY_MS }) });
  }
}

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

const stats = (xs: number[]) => ({ median: round(median(xs)), p10: round(pct(xs, 0.1)), p90: round(pct(xs, 0.9)) });

async function main() {
  const procs: Proc[] = [];
  const simUrl = args.get("sim-url") ?? `http://127.0.0.1:${SIM_PORT}`;
  const appUrl = args.get("app-url") ?? `http://127.0.0.1:${APP_PORT}`;
  try {
    if (!args.has("sim-url")) {
      const tsx = path.join(root, "node_modules/.bin/tsx");
      const simArgs = [
        "scripts/simulator.ts",
        "--port",
        String(SIM_PORT),
        "--chat-chunk-delay-ms",
        String(CHUNK_DELAY_MS),
      ];
      procs.push(spawnGroup(tsx, simArgs, process.env));
      await waitFor(`${simUrl}/__sim/config`, procs.at(-1));
    }
    if (FIRST_BYTE_DELAY_MS > 0) {
      await fetch(`${simUrl}/__sim/faults`, {
        method: "POST",
        body: JSON.stringify({
          fault: "slow-first-byte",
          path: "/chat/completions",
          times: 1e9,
          delayMs: FIRST_BYTE_DELAY_MS,
        }),
      });
    }
    if (!args.has("app-url")) procs.push(startApp(simUrl));
    await waitFor(`${appUrl}/api/health`, procs.at(-1));

    const direct = () =>
      measure(
        `${simUrl}/siliconflow/v1/chat/completions`,
        {
          model: MODEL,
          messages: [{ role: "user", content: QUESTION }],
          stream: true,
          stream_options: { include_usage: true },
        },
        { authorization: "Bearer bench-key" },
        directText,
      );
    const chat = {
      id: "bench",
      messages: [{ id: "u1", role: "user", parts: [{ type: "text", text: QUESTION }] }],
      model: { provider: "siliconflow", id: MODEL },
    };
    // What a browser sends: the answer must still arrive uncompressed and unbuffered.
    const viaApp = () => measure(`${appUrl}${CHAT_PATH}`, chat, { "accept-encoding": "gzip, deflate, br" }, appText);
    // Any route of this Next server, for scale: what the framework alone costs per request here.
    const health = () => measure(`${appUrl}/api/health`, undefined, {}, () => 0);
    // Another running server (another build) measured in the same loop: an A/B comparison that the
    // machine's drift between separate runs (often ±0.5 ms here) does not blur.
    const compareUrl = args.get("compare-url") ?? (args.has("compare-path") ? appUrl : undefined);
    const viaCompare = compareUrl
      ? () => measure(`${compareUrl}${COMPARE_PATH}`, chat, { "accept-encoding": "gzip, deflate, br" }, appText)
      : undefined;

    for (let i = 0; i < WARMUP; i++) {
      await direct();
      await viaApp();
      await viaCompare?.();
      await health();
    }
    const d: Sample[] = [];
    const a: Sample[] = [];
    const c: Sample[] = [];
    const h: Sample[] = [];
    // Every order of the measured calls in turn: each comes first, second and last, and after each of
    // the others, equally often. A fixed order favoured the second server by about 0.5 ms here (the
    // call right after another reply finds the machine still busy with that reply's tail).
    type Call = () => Promise<void>;
    const calls: Call[] = [async () => void d.push(await direct()), async () => void a.push(await viaApp())];
    if (viaCompare) calls.push(async () => void c.push(await viaCompare()));
    const orders = permutations(calls);
    for (let i = 0; i < N; i++) {
      for (const call of orders[i % orders.length] ?? calls) await call();
      h.push(await health());
    }
    const first = (xs: Sample[]) => xs.map((s) => s.firstTokenMs);
    const span = (xs: Sample[]) => xs.map((s) => s.spanMs);
    const summary = {
      n: N,
      model: MODEL,
      chunkDelayMs: CHUNK_DELAY_MS,
      firstByteDelayMs: FIRST_BYTE_DELAY_MS,
      direct: { headersMs: stats(d.map((s) => s.headersMs)), firstTokenMs: stats(first(d)), spanMs: stats(span(d)) },
      app: {
        headersMs: stats(a.map((s) => s.headersMs)),
        firstTokenMs: stats(first(a)),
        spanMs: stats(span(a)),
        readsPerDelta: round(median(a.map((s) => s.readsPerDelta))),
        contentEncoding: a[0]?.contentEncoding ?? "identity",
      },
      healthRouteMs: stats(h.map((s) => s.headersMs)),
      addedMs: {
        // The first byte of the answer: for /api/chat its headers and the `start` chunk, in one write.
        firstByteMedian: round(median(a.map((s) => s.headersMs)) - median(d.map((s) => s.headersMs))),
        firstBytePairedMedian: round(median(a.map((s, i) => s.headersMs - (d[i]?.headersMs ?? 0)))),
        // The first byte of text: what the user waits for.
        firstTokenMedian: round(median(first(a)) - median(first(d))),
        firstTokenPairedMedian: round(median(a.map((s, i) => s.firstTokenMs - (d[i]?.firstTokenMs ?? 0)))),
        overHealthRouteMedian: round(median(first(a)) - median(first(d)) - median(h.map((s) => s.headersMs))),
      },
      compare: viaCompare
        ? {
            url: compareUrl,
            addedMs: {
              firstByteMedian: round(median(c.map((s) => s.headersMs)) - median(d.map((s) => s.headersMs))),
              firstTokenMedian: round(median(first(c)) - median(first(d))),
            },
            // Negative: the compared server is faster than this one.
            minusAppPairedMedianMs: {
              firstByte: round(median(c.map((s, i) => s.headersMs - (a[i]?.headersMs ?? 0)))),
              firstToken: round(median(c.map((s, i) => s.firstTokenMs - (a[i]?.firstTokenMs ?? 0)))),
            },
          }
        : undefined,
      unbuffered: {
        spanDiffMs: round(median(span(a)) - median(span(d))),
        everyDeltaOwnRead: median(a.map((s) => s.readsPerDelta)) >= 0.9,
      },
      stopClosesUpstream: await stopClosesUpstream(simUrl, appUrl),
      loadAverage: os.loadavg().map(round),
    };
    console.log(JSON.stringify(summary, null, 2));
  } finally {
    // A simulator that outlives the bench (--sim-url) must not keep the delay.
    if (FIRST_BYTE_DELAY_MS > 0 && args.has("sim-url")) {
      await fetch(`${simUrl}/__sim/faults`, { method: "DELETE" }).catch(() => undefined);
    }
    for (const { child } of procs.reverse()) {
      try {
        if (child.pid) process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    agent.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
