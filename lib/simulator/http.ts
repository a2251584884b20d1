import type { IncomingMessage, ServerResponse } from "node:http";
import type { LogEntry, LogProvider } from "./log";
import type { SimState } from "./state";
import { record } from "./values";

// The pure helpers (record, isNum, hash32, …) live in values.ts, which imports nothing, so modules the
// state is built from can use them without depending on this file (which depends on the state).
export { hash32, isImageReference, isNum, prng, randomId, record } from "./values";

/** Everything a route handler needs about one request; the body is already read and parsed. */
export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  state: SimState;
  provider: LogProvider;
  method: string;
  path: string;
  query: URLSearchParams;
  /** Scheme and host the client reached us at, so result URLs work from wherever the client stands. */
  origin: string;
  raw: Buffer;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
  form: FormData | null;
  entry: LogEntry;
  /** True once the connection is gone (client abort, or a deliberate cut). */
  readonly closed: boolean;
  /** Resolves when the connection closes. */
  readonly whenClosed: Promise<void>;
  /** Drops the connection on purpose (a cut stream); not logged as a client abort. */
  cut(): Promise<void>;
}

export type Handler = (ctx: Ctx) => Promise<void> | void;

/**
 * Waits `ms` (0 yields one macrotask). Long waits also wake when the client goes away; short ones
 * do not bother, because every streaming loop checks `ctx.closed` after each pause anyway.
 */
export function sleep(ctx: Ctx, ms: number): Promise<void> {
  if (ctx.closed) return Promise.resolve();
  if (ms <= 0) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (ms >= 100) {
      ctx.whenClosed.then(() => {
        clearTimeout(timer);
        resolve();
      });
    }
  });
}

export function send(ctx: Ctx, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  if (ctx.closed || ctx.res.headersSent) return;
  ctx.entry.status = status;
  const payload = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  ctx.res.writeHead(status, { "content-length": String(payload.length), ...headers });
  ctx.res.end(ctx.method === "HEAD" ? undefined : payload);
}

export function sendJson(ctx: Ctx, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(ctx, status, JSON.stringify(value), { "content-type": "application/json; charset=utf-8", ...headers });
}

export function sendText(ctx: Ctx, status: number, text: string): void {
  send(ctx, status, text, { "content-type": "text/plain; charset=utf-8" });
}

/** Starts a streamed (chunked) response; later writes go through `write`. */
export function begin(ctx: Ctx, status: number, headers: Record<string, string>): void {
  if (ctx.closed || ctx.res.headersSent) return;
  ctx.entry.status = status;
  ctx.res.writeHead(status, headers);
}

/** Writes honouring backpressure; returns false when the client is gone. */
export async function write(ctx: Ctx, chunk: string | Buffer): Promise<boolean> {
  if (ctx.closed) return false;
  if (!ctx.res.write(chunk)) {
    await Promise.race([new Promise((resolve) => ctx.res.once("drain", resolve)), ctx.whenClosed]);
  }
  return !ctx.closed;
}

export function end(ctx: Ctx): void {
  if (!ctx.closed) ctx.res.end();
}

/** SiliconFlow's usual error body: `{code, message, data: null}`. */
export function sfError(ctx: Ctx, status: number, code: number, message: string): void {
  sendJson(ctx, status, { code, message, data: null });
}

/** SiliconFlow's parameter errors all use code 20015. */
export function sfBadRequest(ctx: Ctx, message: string): void {
  sfError(ctx, 400, 20015, message);
}

export function glmError(ctx: Ctx, status: number, code: string, message: string): void {
  sendJson(ctx, status, { error: { code, message } });
}

export function sfModelNotFound(ctx: Ctx): void {
  sfError(ctx, 400, 20012, "Model does not exist. Please check it carefully.");
}

export function notFound(ctx: Ctx): void {
  sendText(ctx, 404, "404 page not found");
}

/** The model a request names, in a JSON body or a multipart form; undefined when it names none. */
export function requestModel(ctx: Pick<Ctx, "json" | "form">): string | undefined {
  const fromJson = record(ctx.json).model;
  if (typeof fromJson === "string") return fromJson;
  const fromForm = ctx.form?.get("model");
  return typeof fromForm === "string" ? fromForm : undefined;
}
