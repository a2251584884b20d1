import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Session } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { type BodyLimits, bodyLimits, bodyTooSlow, LINGER_MAX_BYTES, LINGER_MAX_MS, serverBusy } from "./body";
import { admitRequest, failureResponse, type HandlerOptions, sessionCookieFor } from "./handler";
import type { RequestHead } from "./request-head";

// apiHandler for a Pages Router API route, which gets Node's request and response as they are. An App
// Router handler is handed a web Request that Next builds from the Node one (with a body stream), and
// Next turns the returned Response back into Node writes; on Node 20 that round trip costs 0.5-1 ms
// per request, which /api/chat pays before its first token (see pages/api/chat.ts). A
// handler returns a web Response, or a body it reads chunk by chunk itself (lib/chat/server/sse-response.ts's
// uiMessageSse), which goes to the socket without a web stream in between; each chunk is its own write.

/** The request as a handler here sees it. */
interface NodeApiRequest extends RequestHead {
  /** Aborts when the client goes away before the response has ended (the browser's Stop). */
  readonly signal: AbortSignal;
  /** The whole body; a 413 AppError once it grows past maxBytes, whatever Content-Length said. */
  bytes(maxBytes: number): Promise<Uint8Array>;
}

/** A streamed answer read chunk by chunk; `read` gives undefined at the end. */
export interface ChunkedReply {
  status: number;
  headers: Headers;
  read(): Promise<Uint8Array | undefined>;
  cancel(reason?: unknown): Promise<void>;
}

export type NodeHandler = (request: NodeApiRequest, context: { session: Session }) => Promise<Response | ChunkedReply>;

interface NodeHandlerOptions extends HandlerOptions {
  /** The one method served; others answer 405 (an App Router route did that for methods it did not export). */
  method: string;
}

export function nodeApiHandler(fn: NodeHandler, options: NodeHandlerOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const label = `${req.method ?? "?"} ${(req.url ?? "").split("?")[0]}`;
    if (req.method !== options.method) {
      res.setHeader("allow", options.method);
      res.setHeader("connection", "close");
      await send(failureResponse(methodNotAllowed(req.method, options.method), { label }), res);
      return;
    }
    const controller = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) controller.abort();
    };
    res.once("close", onClose);
    const request: NodeApiRequest = {
      method: req.method,
      // Node's socket is right here: the peer needs no stamp (lib/http/peer.ts).
      peerAddress: req.socket.remoteAddress,
      headers: { get: (name) => headerValue(req, name) },
      signal: controller.signal,
      bytes: (maxBytes) => readBody(req, bodyLimits(maxBytes)),
    };
    let response: Response | ChunkedReply;
    let known: Session | undefined;
    try {
      const session = await admitRequest(request, options, (s) => {
        known = s;
      });
      response = await fn(request, { session });
    } catch (err) {
      response = failureResponse(err, { label, signal: controller.signal });
      // The rest of a body refused before it was read is not read: the connection closes after the answer.
      if (!req.complete && !lingering.has(req)) res.setHeader("connection", "close");
    }
    const cookie = known && (await sessionCookieFor(known, request, response.headers.getSetCookie()));
    await send(response, res, cookie);
  };
}

function methodNotAllowed(method: string | undefined, allowed: string): AppError {
  return new AppError("bad_request", {
    status: 405,
    detail: `${method ?? "?"} is not allowed here; use ${allowed}`,
    key: "error.http.method",
    vars: { allowed },
  });
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  if (value === undefined) return null;
  // As Headers.get: repeated headers joined (set-cookie never comes in a request).
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The whole body under `limits` (lib/http/body.ts): 413 past the cap, 408 when it arrives too slowly,
 * 503 when the server holds too many bodies at once. Event-driven rather than through a web stream:
 * a chat request is usually one chunk, and this path is on every reply's time to first token.
 */
function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let reserved = 0;
    const cleanup = () => {
      clearTimeout(deadline);
      clearTimeout(idle);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClosed);
      // Held only while the body is assembled; the handler's parse follows at once.
      limits.budget.release(reserved);
      reserved = 0;
    };
    const fail = (err: unknown) => {
      cleanup();
      // Too large or no room: drop the rest so the client reads the answer. Too slow: stop reading.
      if (err instanceof AppError && err.status !== 408) linger(req);
      else req.pause();
      reject(err);
    };
    const deadline = setTimeout(
      () => fail(bodyTooSlow(`body not complete within ${limits.timeoutMs} ms`)),
      limits.timeoutMs,
    );
    const idle = setTimeout(() => fail(bodyTooSlow(`no body bytes for ${limits.idleMs} ms`)), limits.idleMs);
    const onData = (chunk: Buffer) => {
      idle.refresh();
      size += chunk.byteLength;
      if (size > limits.maxBytes) return fail(new AppError("payload_too_large"));
      if (!limits.budget.tryReserve(chunk.byteLength)) return fail(serverBusy());
      reserved += chunk.byteLength;
      chunks.push(chunk);
    };
    const onEnd = () => {
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      cleanup();
      resolve(body);
    };
    const onError = (err: Error) => fail(err);
    const onClosed = () => {
      if (req.complete) return;
      fail(new AppError("bad_request", { detail: "The request body ended early" }));
    };
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onError);
    req.once("close", onClosed);
  });
}

const lingering = new WeakSet<IncomingMessage>();

/** Reads and drops the rest of a refused body within the linger bounds (lib/http/body.ts), then cuts. */
function linger(req: IncomingMessage) {
  lingering.add(req);
  let dropped = 0;
  const stop = () => req.destroy();
  const timer = setTimeout(stop, LINGER_MAX_MS);
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.byteLength;
    if (dropped > LINGER_MAX_BYTES) stop();
  });
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

/** A web Response as a ChunkedReply. */
function chunksOf(response: Response): ChunkedReply {
  const reader = response.body?.getReader();
  return {
    status: response.status,
    headers: response.headers,
    read: async () => {
      const next = await reader?.read();
      return next && !next.done ? next.value : undefined;
    },
    cancel: async (reason) => reader?.cancel(reason),
  };
}

/** Writes a reply to Node's response: status and headers with the first chunk, then each chunk as it comes. */
async function send(reply: Response | ChunkedReply, res: ServerResponse, extraCookie?: string): Promise<void> {
  const body = reply instanceof Response ? chunksOf(reply) : reply;
  res.statusCode = body.status;
  const cookies = body.headers.getSetCookie();
  if (extraCookie) cookies.push(extraCookie);
  for (const [name, value] of body.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  // The client went away: stop the source (for a reply, the abort has already reached the provider).
  const onClose = () => {
    if (!res.writableFinished) body.cancel().catch(() => undefined);
  };
  res.once("close", onClose);
  try {
    for (;;) {
      const chunk = await body.read();
      if (chunk === undefined) break;
      if (res.destroyed) return;
      if (!res.write(chunk)) await drained(res);
    }
    res.end();
  } catch {
    // The body failed after its headers went out: cut the connection, as Next does, so the client
    // sees an incomplete response rather than a clean end.
    res.destroy();
  } finally {
    res.off("close", onClose);
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}
