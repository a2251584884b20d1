// Many concurrent short chat streams through one production server: the server's CPU per reply, its
// peak memory, errors, and the first byte and first token through the app next to calling the
// provider (the simulator) directly with the same concurrency, burst after burst in one run.
//
//   npm run build && npm run bench load [-- --n 500 --rounds 3 --warmup 300 --chunk-delay-ms 8
//                                          --sim-port 4210 --app-port 3210 --model Qwen/Qwen2.5-7B-Instruct --coalesce-ms 0
//                                          --paths /api/chat,/api/chat-b --cpu-prof /tmp/prof-dir]
//
// The app is the standalone server a self-hoster runs (`node .next/standalone/server.js`), in its own
// process, so its CPU time is read from /proc for that process alone. The simulator runs in another
// process. Bursts alternate direct / through the app; each reply is ~25 chunks of ~24 characters,
// paced by --chunk-delay-ms (8 ms: a provider that answers in about 0.2 s).
import http from "node:http";
import os from "node:os";
import {
  benchArgs,
  cpuMs,
  median,
  type Proc,
  pct,
  round,
  rssMb,
  startSimulator,
  startStandalone,
  stopAll,
  waitFor,
} from "../bench-support/procs";

const args = benchArgs();
const N = Number(args.get("n") ?? 500);
const ROUNDS = Number(args.get("rounds") ?? 3);
const WARMUP = Number(args.get("warmup") ?? 300);
const SIM_PORT = Number(args.get("sim-port") ?? 4210);
const APP_PORT = Number(args.get("app-port") ?? 3210);
const CHUNK_DELAY_MS = Number(args.get("chunk-delay-ms") ?? 8);
const MODEL = args.get("model") ?? "Qwen/Qwen2.5-7B-Instruct";
// The server's joining of deltas (CHAT_COALESCE_MS; 0 turns it off), to compare both.
const COALESCE = args.get("coalesce-ms");
const QUESTION = "How does a hash map work? [[chunk:24]]";
// Chat routes to measure side by side (`--paths /api/chat,/api/chat-b`): each round runs every one in
// turn, in an order that rotates from round to round, on the same server.
const PATHS = (args.get("paths") ?? "/api/chat").split(",").filter(Boolean);

interface Reply {
  ok: boolean;
  headersMs: number;
  firstTokenMs: number;
  endMs: number;
}

// No keep-alive pool limit: every reply of a burst gets its own socket, as 500 browsers would.
const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

function request(url: string, body: unknown, headers: Record<string, string>, isText: (data: string) => boolean) {
  return new Promise<Reply>((resolve) => {
    const payload = JSON.stringify(body);
    const t0 = performance.now();
    const fail = () => resolve({ ok: false, headersMs: 0, firstTokenMs: 0, endMs: performance.now() - t0 });
    const req = http.request(url, {
      method: "POST",
      agent,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...headers },
    });
    req.on("error", fail);
    req.on("response", (res) => {
      const headersMs = performance.now() - t0;
      if ((res.statusCode ?? 0) !== 200) {
        res.resume();
        return fail();
      }
      let buffer = "";
      let first: number | undefined;
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (first !== undefined) return;
        buffer += chunk;
        for (const line of buffer.split("\n")) {
          if (line.startsWith("data: ") && isText(line.slice(6))) {
            first = performance.now() - t0;
            buffer = "";
            return;
          }
        }
      });
      res.on("end", () =>
        first === undefined
          ? fail()
          : resolve({ ok: true, headersMs, firstTokenMs: first, endMs: performance.now() - t0 }),
      );
      res.on("error", fail);
    });
    req.end(payload);
  });
}

const directText = (data: string) => data !== "[DONE]" && /"(content|reasoning_content)":"[^"]/.test(data);
const appText = (data: string) => /^\{"type":"(text|reasoning)-delta"/.test(data);

function startApp(simUrl: string): Proc {
  return startStandalone({
    simUrl,
    port: APP_PORT,
    // Hundreds of replies a second from one address and one (anonymous) session.
    env: { RATE_LIMIT_PER_MINUTE: "100000000", ...(COALESCE ? { CHAT_COALESCE_MS: COALESCE } : {}) },
    nodeArgs: args.has("cpu-prof") ? ["--cpu-prof", `--cpu-prof-dir=${args.get("cpu-prof")}`] : [],
  });
}

async function burst(n: number, one: () => Promise<Reply>) {
  return Promise.all(Array.from({ length: n }, one));
}

function summarize(replies: Reply[]) {
  const ok = replies.filter((r) => r.ok);
  const f = (xs: number[]) => ({ p50: round(median(xs)), p99: round(pct(xs, 0.99)) });
  return {
    errors: replies.length - ok.length,
    headersMs: f(ok.map((r) => r.headersMs)),
    firstTokenMs: f(ok.map((r) => r.firstTokenMs)),
    endMs: f(ok.map((r) => r.endMs)),
  };
}

async function main() {
  const procs: Proc[] = [];
  const simUrl = `http://127.0.0.1:${SIM_PORT}`;
  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  try {
    procs.push(await startSimulator(SIM_PORT, CHUNK_DELAY_MS));
    const app = startApp(simUrl);
    procs.push(app);
    await waitFor(`${appUrl}/api/health`, app);
    const pid = app.child.pid ?? 0;

    const direct = () =>
      request(
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
    let k = 0;
    const viaApp = (chatPath = PATHS[0]) =>
      request(
        `${appUrl}${chatPath}`,
        {
          id: `load-${k++}`,
          messages: [{ id: "u1", role: "user", parts: [{ type: "text", text: QUESTION }] }],
          model: { provider: "siliconflow", id: MODEL },
        },
        {},
        appText,
      );

    // Warm the server's code paths (and V8's optimizer) before anything is counted.
    for (const chatPath of PATHS) {
      for (let done = 0; done < WARMUP; done += 50) await burst(Math.min(50, WARMUP - done), () => viaApp(chatPath));
    }

    interface Round {
      path: string;
      direct: ReturnType<typeof summarize>;
      app: ReturnType<typeof summarize>;
      appCpuMsPerReply: number;
      appCpuShareOfWall: number;
      appPeakRssMb: number;
    }
    const rounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const order = PATHS.map((_, i) => PATHS[(i + r) % PATHS.length] as string);
      for (const chatPath of order) {
        const d = await burst(N, direct);
        let peak = rssMb(pid);
        const sampler = setInterval(() => {
          peak = Math.max(peak, rssMb(pid));
        }, 20);
        const cpu0 = cpuMs(pid);
        const t0 = performance.now();
        const a = await burst(N, () => viaApp(chatPath));
        const wallMs = performance.now() - t0;
        // Work the server finishes after the last byte (closing sockets, the final writes) counts too.
        await new Promise((res) => setTimeout(res, 200));
        const cpu = cpuMs(pid) - cpu0;
        clearInterval(sampler);
        peak = Math.max(peak, rssMb(pid));
        rounds.push({
          path: chatPath,
          direct: summarize(d),
          app: summarize(a),
          appCpuMsPerReply: round(cpu / N),
          appCpuShareOfWall: round(cpu / wallMs),
          appPeakRssMb: Math.round(peak),
        });
      }
    }
    const summary = (chatPath: string) => {
      const mine = rounds.filter((x) => x.path === chatPath);
      const per = (pick: (x: Round) => number) => {
        const xs = mine.map(pick);
        return { median: round(median(xs)), min: round(Math.min(...xs)), max: round(Math.max(...xs)) };
      };
      return {
        cpuMsPerReply: per((x) => x.appCpuMsPerReply),
        peakRssMb: per((x) => x.appPeakRssMb),
        errors: {
          app: mine.reduce((s, x) => s + x.app.errors, 0),
          direct: mine.reduce((s, x) => s + x.direct.errors, 0),
        },
        firstByteP50Ms: { app: per((x) => x.app.headersMs.p50), direct: per((x) => x.direct.headersMs.p50) },
        firstTokenP50Ms: { app: per((x) => x.app.firstTokenMs.p50), direct: per((x) => x.direct.firstTokenMs.p50) },
        firstTokenP99Ms: { app: per((x) => x.app.firstTokenMs.p99), direct: per((x) => x.direct.firstTokenMs.p99) },
        firstTokenRatioP50: round(
          median(mine.map((x) => x.app.firstTokenMs.p50 / Math.max(1, x.direct.firstTokenMs.p50))),
        ),
      };
    };
    const results = PATHS.map((chatPath) => ({ path: chatPath, ...summary(chatPath) }));
    console.log(
      JSON.stringify(
        {
          n: N,
          rounds: ROUNDS,
          chunkDelayMs: CHUNK_DELAY_MS,
          model: MODEL,
          // One path: its figures at the top level, as before; several: one entry per path.
          ...(results.length === 1 ? results[0] : { paths: results }),
          perRound: rounds,
          cpus: os.cpus().length,
          loadAverage: os.loadavg().map(round),
        },
        null,
        2,
      ),
    );
  } finally {
    stopAll(procs);
    agent.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
