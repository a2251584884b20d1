import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { type AddressInfo, createServer as createTcpServer, type Socket } from "node:net";
import { DEFAULT_SIM_CONFIG, mergeConfig, type SimConfig } from "./config";
import { answerFault } from "./fault-answers";
import { parseFaultSpec } from "./faults";
import { serveFile } from "./file-links";
import { type Ctx, glmError, notFound, requestModel, sendJson, sleep } from "./http";
import { headerRecord, type LogProvider, type MultipartSummary, summarizeBody } from "./log";
import { isSimulatedMediaHost, SIMULATED_CDN_ADDRESS, SIMULATED_MEDIA_HOSTS } from "./media-hosts";
import { findRoute } from "./routes";
import { SimState } from "./state";

const PREFIXES: [string, LogProvider][] = [
  ["/siliconflow/v1", "siliconflow"],
  ["/glm/api/paas/v4", "glm"],
  ["/files", "files"],
];

// Transcriptions accept files up to 50 MB upstream; a little headroom for the multipart framing.
const MAX_BODY_BYTES = 60 * 1024 * 1024;

export interface StartOptions {
  port?: number;
  host?: string;
  config?: Partial<SimConfig>;
}

export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
}

export async function startSimulator(opts: StartOptions = {}): Promise<RunningSimulator> {
  const state = new SimState(mergeConfig({ ...DEFAULT_SIM_CONFIG }, opts.config ?? {}));
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(state, req, res).catch((err: unknown) => {
      console.error("[simulator]", err);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: 50000, message: "simulator internal error", data: null }));
      } else {
        res.destroy();
      }
    });
  };
  // One port speaks both HTTP (the APIs, control, local files) and HTTPS (generated media on the
  // providers' host names): the first byte of a connection tells a TLS ClientHello (0x16) apart.
  const http = createServer(onRequest);
  const https = createHttpsServer({ key: state.certificate.key, cert: state.certificate.cert }, onRequest);
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.once("data", (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? https : http).emit("connection", socket);
      process.nextTick(() => socket.resume());
    });
  });
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Open SSE streams and keep-alive sockets would otherwise hold close() forever.
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** The request body, or null when it is over the size limit. */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return null;
      chunks.push(chunk as Buffer);
    }
  } catch {
    // The client went away mid-upload: the close handler has logged the abort, and every reply is a no-op now.
  }
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer, contentType: string): unknown {
  if (raw.length === 0 || /multipart\//i.test(contentType)) return undefined;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

async function parseForm(raw: Buffer, contentType: string): Promise<FormData | null> {
  if (!/multipart\/form-data/i.test(contentType)) return null;
  try {
    return await new Request("http://simulator.local/", {
      method: "POST",
      headers: { "content-type": contentType },
      // A view, not Uint8Array.from: copying element by element took seconds for a 50 MB upload.
      body: new Uint8Array(raw.buffer as ArrayBuffer, raw.byteOffset, raw.byteLength),
    }).formData();
  } catch {
    return null;
  }
}

function formSummary(form: FormData): MultipartSummary {
  const summary: MultipartSummary = { fields: {}, files: [] };
  for (const [field, value] of form.entries()) {
    if (typeof value === "string") summary.fields[field] = value;
    else summary.files.push({ field, filename: value.name, contentType: value.type, size: value.size });
  }
  return summary;
}

async function handle(state: SimState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://simulator.local");
  const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
  // A provider media host (over HTTPS, reached through the app's test network): only stored files.
  const mediaHost = isSimulatedMediaHost(String(req.headers.host ?? ""));
  // A provider origin that redirects elsewhere: SSRF tests use it as a hostile result URL.
  if (!mediaHost && url.pathname === "/__sim/redirect") {
    res.writeHead(302, { location: url.searchParams.get("to") ?? "/" });
    res.end();
    return;
  }
  if (!mediaHost && (url.pathname === "/__sim" || url.pathname.startsWith("/__sim/"))) {
    await control(state, req, res, url.pathname.slice("/__sim".length));
    return;
  }
  const match: [string, LogProvider] | undefined = mediaHost
    ? ["", "files"]
    : PREFIXES.find(([prefix]) => url.pathname.startsWith(`${prefix}/`));
  if (!match) {
    if (url.pathname === "/" && req.method === "GET") {
      reply(res, 200, {
        name: "provider simulator",
        siliconflow: `${origin}/siliconflow/v1`,
        glm: `${origin}/glm/api/paas/v4`,
      });
    } else {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("404 page not found");
    }
    return;
  }
  const [prefix, provider] = match;
  const started = performance.now();
  const entry = state.log.add({
    time: new Date().toISOString(),
    provider,
    method: req.method ?? "GET",
    path: url.pathname.slice(prefix.length),
    query: Object.fromEntries(url.searchParams),
    headers: headerRecord(req.headers),
    body: null,
    status: 0,
    aborted: false,
    durationMs: 0,
  });
  let closed = false;
  let cutByServer = false;
  const whenClosed = new Promise<void>((resolve) => {
    res.on("close", () => {
      closed = true;
      if (res.headersSent) entry.status = res.statusCode;
      entry.durationMs = Math.round(performance.now() - started);
      if (!res.writableFinished && !cutByServer) entry.aborted = true;
      resolve();
    });
  });
  if (provider === "siliconflow") res.setHeader("x-siliconcloud-trace-id", randomUUID());

  const raw = await readBody(req);
  const contentType = String(req.headers["content-type"] ?? "");
  const json = raw ? parseJson(raw, contentType) : undefined;
  const form = raw ? await parseForm(raw, contentType) : null;
  entry.body = raw ? summarizeBody(raw, contentType, json, form ? formSummary(form) : null) : { bytes: MAX_BODY_BYTES };

  const ctx: Ctx = {
    req,
    res,
    state,
    provider,
    method: entry.method,
    path: entry.path,
    query: url.searchParams,
    origin,
    raw: raw ?? Buffer.alloc(0),
    json,
    form,
    entry,
    get closed() {
      return closed;
    },
    whenClosed,
    cut: async () => {
      cutByServer = true;
      // destroySoon lets the chunks already written reach the client before the connection drops.
      res.socket?.destroySoon();
      await whenClosed;
    },
  };
  if (!raw) {
    sendJson(ctx, 413, { code: 20015, message: "request body too large", data: null });
    return;
  }
  if (provider === "files") {
    serveFile(ctx);
    return;
  }
  if (!/^Bearer\s+\S/i.test(String(req.headers.authorization ?? ""))) {
    if (provider === "glm") glmError(ctx, 401, "1000", "身份验证失败。");
    else sendJson(ctx, 401, "Invalid token");
    return;
  }
  const fault = state.faults.take(provider, ctx.path, false, requestModel(ctx));
  if (fault) {
    const delay = fault.delayMs ?? (fault.fault === "slow-first-byte" ? 3000 : 0);
    if (delay > 0) await sleep(ctx, delay);
    if (ctx.closed || answerFault(ctx, provider, fault)) return;
  }
  const route = findRoute(provider, ctx.method, ctx.path);
  if (!route) {
    notFound(ctx);
    return;
  }
  await route(ctx);
}

function reply(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(value));
}

/** The test-only control API under /__sim (no auth, never logged). */
async function control(state: SimState, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const raw = (await readBody(req)) ?? Buffer.alloc(0);
  let body: unknown = {};
  try {
    if (raw.length > 0) body = JSON.parse(raw.toString("utf8"));
  } catch {
    reply(res, 400, { error: "body must be JSON" });
    return;
  }
  const route = `${req.method} ${path.replace(/\/+$/, "")}`;
  try {
    switch (route) {
      case "GET /log":
        return reply(res, 200, { entries: state.log.list() });
      case "DELETE /log":
        state.log.clear();
        return reply(res, 200, { ok: true });
      case "GET /faults":
        return reply(res, 200, { faults: state.faults.list() });
      case "POST /faults": {
        const specs = (Array.isArray(body) ? body : [body]).map(parseFaultSpec);
        for (const spec of specs) state.faults.add(spec);
        return reply(res, 200, { faults: state.faults.list() });
      }
      case "DELETE /faults":
        state.faults.clear();
        return reply(res, 200, { ok: true });
      case "GET /config":
        return reply(res, 200, state.config);
      case "POST /config":
        state.config = mergeConfig(state.config, body);
        return reply(res, 200, state.config);
      case "GET /media-network":
        return reply(res, 200, mediaNetwork(state));
      case "POST /reset":
        state.reset();
        return reply(res, 200, { ok: true });
      default:
        return reply(res, 404, { error: `no control route ${route}` });
    }
  } catch (err) {
    reply(res, 400, { error: err instanceof Error ? err.message : String(err) });
  }
}

/**
 * What a server using this simulator as its media network needs: the certificate to trust and the
 * simulated DNS for the providers' media hosts (defaults plus `mediaDns` overrides).
 */
function mediaNetwork(state: SimState) {
  const addresses: Record<string, string> = Object.fromEntries(
    SIMULATED_MEDIA_HOSTS.map((h) => [h, SIMULATED_CDN_ADDRESS]),
  );
  return { certificate: state.certificate.cert, addresses: { ...addresses, ...state.config.mediaDns } };
}
