import "server-only";
import http, { type ClientRequest, type IncomingMessage } from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { AppError, type Provider } from "@/lib/errors";
import { redactText } from "@/lib/security/redact";
import { abortReason } from "./abort";
import { notifyDispatched } from "./dispatch";
import { parseUpstreamError, truncate } from "./parse-error";

// One try of one request over node:http. Not fetch: fetch (undici) can neither time the TCP/TLS
// connect on its own nor take a connect timeout without a custom dispatcher, and destroying the
// request on abort closes the socket for certain, which is what tells the provider (and the
// simulator's log) that the browser went away.

/** Largest error body read from a failed response; the rest is dropped. */
const ERROR_BODY_MAX_BYTES = 64 * 1024;

const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
};

/** A request body held as the chunks it arrived in, sent one after the other (never assembled). */
export interface GatheredBody {
  chunks: readonly Uint8Array[];
  size: number;
  contentType: string;
}

interface Attempt {
  provider: Provider;
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array | readonly Uint8Array[];
  signal?: AbortSignal;
  connectTimeoutMs: number;
  firstByteTimeoutMs: number;
}

/**
 * One try: resolves with a streaming Response on 2xx headers, rejects with an AppError otherwise.
 *
 * A pooled keep-alive socket the provider has just closed as idle fails the request with ECONNRESET
 * before any byte of an answer: almost always the provider never saw it (a provider that took the
 * request and then reset the socket would see it twice; that is the accepted cost). That one case is
 * sent again at once on a new connection, even where retries are off (paid image and video jobs): Node's docs
 * give this pattern for `request.reusedSocket`, and on a loaded machine the agent's idle timer can
 * fire after the server's close has arrived, so the race is real (CI saw "Could not reach the
 * provider" 0.4 s into an image job). A reset on a new connection is a real failure and is not repeated.
 */
export async function attemptOnce(a: Attempt): Promise<Response> {
  try {
    return await attemptOn(a, true);
  } catch (err) {
    if (!(err instanceof StaleSocketError) || a.signal?.aborted)
      throw err instanceof StaleSocketError ? err.cause : err;
    return attemptOn(a, false);
  }
}

/** The reset of a reused idle socket before any answer (see `attemptOnce`); carries the socket error. */
class StaleSocketError extends Error {
  constructor(cause: unknown) {
    super("stale keep-alive socket", { cause });
  }
}

function isStaleSocketReset(req: ClientRequest, err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return req.reusedSocket && (code === "ECONNRESET" || code === "EPIPE");
}

function attemptOn(a: Attempt, pooled: boolean): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const isHttps = a.url.protocol === "https:";
    const req = (isHttps ? https : http).request(a.url, {
      method: a.method,
      headers: a.headers,
      // `false`: a socket of its own, never one that sat idle in the pool.
      agent: pooled ? (isHttps ? agents.https : agents.http) : false,
    });
    let phase: "waiting" | "answered" = "waiting";
    const timeout = (detail: string) => new AppError("timeout", { provider: a.provider, detail });
    const connectTimer = setTimeout(
      () => req.destroy(timeout(`No connection to ${a.url.host} within ${a.connectTimeoutMs} ms`)),
      a.connectTimeoutMs,
    );
    const firstByteTimer = setTimeout(
      () => req.destroy(timeout(`No response headers within ${a.firstByteTimeoutMs} ms`)),
      a.firstByteTimeoutMs,
    );
    const clearTimers = () => {
      clearTimeout(connectTimer);
      clearTimeout(firstByteTimer);
    };
    const onAbort = () => req.destroy(abortReason(a.signal));
    const detachSignal = () => a.signal?.removeEventListener("abort", onAbort);
    a.signal?.addEventListener("abort", onAbort, { once: true });

    req.on("socket", (socket: Socket) => {
      // A pooled keep-alive socket is already connected: node:http writes the request right after this
      // event, in the same tick, so a notification on the next tick comes after the bytes left.
      const connected = () => {
        clearTimeout(connectTimer);
        process.nextTick(notifyDispatched, a.signal);
      };
      if (!socket.connecting) connected();
      else socket.once(isHttps ? "secureConnect" : "connect", connected);
    });
    req.on("error", (err) => {
      if (phase !== "waiting") return; // after headers the body stream reports it
      clearTimers();
      detachSignal();
      reject(pooled && isStaleSocketReset(req, err) ? new StaleSocketError(err) : err);
    });
    req.on("response", (res: IncomingMessage) => {
      phase = "answered";
      clearTimers();
      const status = res.statusCode ?? 0;
      const headers = headersFrom(res);
      if (status >= 200 && status < 300) {
        resolve(streamingResponse(res, req, status, headers, a, detachSignal));
        return;
      }
      readCapped(res, ERROR_BODY_MAX_BYTES).then(
        (text) => {
          detachSignal();
          reject(parseUpstreamError({ provider: a.provider, status, bodyText: text, headers }));
        },
        (err: unknown) => {
          detachSignal();
          req.destroy();
          reject(a.signal?.aborted ? abortReason(a.signal) : toAppError(err, a.provider, a.url));
        },
      );
    });
    if (a.signal?.aborted) onAbort();
    if (a.body instanceof Uint8Array || a.body === undefined) req.end(a.body);
    else {
      // Queued as references: the socket writes them out without another copy.
      for (const chunk of a.body) req.write(chunk);
      req.end();
    }
  });
}

function streamingResponse(
  res: IncomingMessage,
  req: ClientRequest,
  status: number,
  headers: Headers,
  a: Attempt,
  detachSignal: () => void,
): Response {
  if (status === 204 || status === 205 || a.method === "HEAD") {
    res.resume();
    detachSignal();
    return makeResponse(null, status, res.statusMessage, headers);
  }
  const source = decodedBody(res, headers);
  let closed = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const finish = (err?: unknown) => {
        if (closed) return;
        closed = true;
        detachSignal();
        a.signal?.removeEventListener("abort", onAbort);
        if (err === undefined) controller.close();
        else controller.error(err);
      };
      // The caller's abort must reach the provider while the body streams, not only before.
      const onAbort = () => {
        finish(abortReason(a.signal));
        req.destroy();
      };
      a.signal?.addEventListener("abort", onAbort, { once: true });
      source.on("data", (chunk: Buffer) => {
        if (closed) return;
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 0) <= 0) source.pause();
      });
      source.once("end", () => finish());
      source.on("error", (err) => finish(interrupted(err, a)));
      res.once("close", () => {
        if (!res.complete) finish(interrupted(undefined, a));
      });
    },
    pull() {
      source.resume();
    },
    cancel() {
      closed = true;
      detachSignal();
      req.destroy();
    },
  });
  return makeResponse(body, status, res.statusMessage, headers);
}

function makeResponse(
  body: BodyInit | null,
  status: number,
  statusText: string | undefined,
  headers: Headers,
): Response {
  try {
    return new Response(body, { status, statusText, headers });
  } catch {
    // Response refuses some reason phrases (non-Latin-1 text); the status code is what matters.
    return new Response(body, { status, headers });
  }
}

function decodedBody(res: IncomingMessage, headers: Headers): Readable {
  const encoding = headers.get("content-encoding")?.trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "deflate"
        ? zlib.createInflate()
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!decoder) return res;
  headers.delete("content-encoding");
  headers.delete("content-length");
  res.on("error", (err) => decoder.destroy(err));
  return res.pipe(decoder);
}

function interrupted(err: unknown, a: Attempt): unknown {
  if (a.signal?.aborted) return abortReason(a.signal);
  const code = errorCode(err);
  return new AppError("stream_interrupted", {
    provider: a.provider,
    detail: `Upstream connection closed mid-response${code ? ` (${code})` : ""}`,
    cause: err,
  });
}

function headersFrom(res: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i];
    const value = raw[i + 1];
    if (name === undefined || value === undefined) continue;
    try {
      headers.append(name, value);
    } catch {
      // a header Headers refuses (invalid characters) is not worth failing the request over
    }
  }
  return headers;
}

function readCapped(res: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const source = decodedBody(res, headersFrom(res));
    source.on("data", (chunk: Buffer) => {
      if (done) return;
      const room = maxBytes - size;
      chunks.push(room < chunk.length ? chunk.subarray(0, room) : chunk);
      size += Math.min(room, chunk.length);
      if (size >= maxBytes) {
        done = true;
        res.destroy();
        resolve(Buffer.concat(chunks).toString("utf8"));
      }
    });
    source.once("end", () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    source.on("error", (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
  });
}

/** Socket-level failures become `network` (or `timeout` for connect timeouts the OS reports). */
export function toAppError(err: unknown, provider: Provider, url?: URL): AppError {
  if (err instanceof AppError) return err;
  const code = errorCode(err);
  const where = url ? ` (${url.host})` : "";
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT" || code === "UND_ERR_HEADERS_TIMEOUT") {
    return new AppError("timeout", { provider, detail: redactText(`${code}${where}`), cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new AppError("network", {
    provider,
    // A socket error names the address it failed to reach: no internal address leaves the server.
    detail: redactText(
      truncate(`${code ?? (err instanceof TypeError ? "fetch failed" : "network error")}: ${message}${where}`, 300),
    ),
    cause: err,
  });
}

function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = current.cause;
  }
  return undefined;
}
