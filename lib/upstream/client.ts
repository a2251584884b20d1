import "server-only";
import { getEnv } from "@/lib/env";
import { AppError, type Provider } from "@/lib/errors";
import { redactText } from "@/lib/security/redact";
import { abortReason, sleep, throwIfAborted } from "./abort";
import { assertSafePath, buildUrl, relativePath } from "./guard";
import { parseStreamErrorEvent, truncate } from "./parse-error";
import { resolveProvider } from "./providers";
import { MAX_ATTEMPTS, retryDelayMs, shouldRetry } from "./retry";
import type { GatheredBody } from "./transport";
import { attemptOnce, toAppError } from "./transport";

// The one HTTP client for both providers: auth, timeouts, abort, retry before the first byte, and
// one error parser. The wire work of a single try lives in transport.ts.

type UpstreamMethod = "GET" | "POST" | "DELETE";

interface UpstreamInit {
  method?: UpstreamMethod;
  /** Sent as `application/json`; takes precedence over `body`. */
  json?: unknown;
  /**
   * Any fetch body (string, FormData, Blob, bytes, stream), buffered once so a retry can resend it; or
   * a body already held as a list of chunks (an upload passed on: see lib/http/multipart.ts), sent
   * from those chunks without assembling them.
   */
  body?: BodyInit | GatheredBody;
  /** Any fetch headers; the names are case-insensitive. */
  headers?: HeadersInit;
  /** The browser's `request.signal`: aborting it closes the upstream connection at any stage. */
  signal?: AbortSignal;
  /** TCP (and TLS) connect; default `UPSTREAM_CONNECT_TIMEOUT_MS`. */
  connectTimeoutMs?: number;
  /** Request start until response headers; default `UPSTREAM_FIRST_BYTE_TIMEOUT_MS`. Never limits the body. */
  firstByteTimeoutMs?: number;
  /** Total tries, capped at 3. */
  maxAttempts?: number;
  /** Test overrides: with both set, server configuration is not consulted for the target. */
  baseUrl?: string;
  apiKey?: string;
}

/**
 * Sends one request to `provider` and resolves with the `Response` once 2xx headers arrive (the body
 * still streams). A non-2xx answer is read and thrown as the parsed `AppError`; connect and header
 * timeouts are `timeout`, connection failures `network`. Retries (at most 3 tries) happen only before
 * the first byte and only for retryable errors. If `init.signal` aborts, the signal's reason (an
 * `AbortError` by default) is thrown, or errors the body stream, and the connection is closed.
 */
export async function upstreamFetch(provider: Provider, path: string, init: UpstreamInit = {}): Promise<Response> {
  assertSafePath(path);
  const signal = init.signal;
  throwIfAborted(signal);
  const target = givenTarget(init) ?? (await resolveTarget(provider, init));
  const url = buildUrl(target.baseUrl, path);
  const payload = await preparePayload(init);
  const method = init.method ?? (payload.bytes ? "POST" : "GET");
  const headers = buildHeaders(init.headers, target.apiKey, payload);
  const timeouts = resolveTimeouts(init);
  const maxAttempts = init.maxAttempts ?? MAX_ATTEMPTS;

  for (let attempt = 1; ; attempt++) {
    let error: AppError;
    try {
      return await attemptOnce({ provider, url, method, headers, body: payload.bytes, signal, ...timeouts });
    } catch (err) {
      if (signal?.aborted) throw abortReason(signal);
      error = toAppError(err, provider, url);
    }
    if (!shouldRetry(error, attempt, maxAttempts)) throw error;
    await sleep(retryDelayMs(attempt, error), signal);
  }
}

/**
 * `upstreamFetch` plus JSON decoding. A 200 body that is itself an error object (SiliconFlow
 * `{code, message}` with a failure code, GLM `{error}`) is thrown as an `AppError` too; an empty
 * 2xx body (some delete endpoints) reads as `{}`. The result is not validated: `T` is a claim.
 */
export async function upstreamJson<T>(provider: Provider, path: string, init: UpstreamInit = {}): Promise<T> {
  const res = await upstreamFetch(provider, path, init);
  const text = await res.text();
  if (text.trim() === "") return {} as T;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("upstream_error", {
      provider,
      detail: redactText(truncate(`Response is not JSON: ${text.replace(/\s+/g, " ").trim() || "(empty)"}`, 300)),
      traceId: res.headers.get("x-siliconcloud-trace-id") ?? undefined,
    });
  }
  const embedded = parseStreamErrorEvent(provider, json);
  if (embedded) throw embedded;
  return json as T;
}

/**
 * A `fetch` for `@ai-sdk/openai-compatible` (its `fetch` option), so the AI SDK's requests take the same
 * auth, timeout, retry and abort path. `input` is a path relative to the provider's base URL or a full
 * URL under the configured base URL (use `resolveProvider(p).baseUrl` as the SDK's `baseURL`); any
 * other URL is refused. Failures are THROWN, never passed through as responses: a non-2xx answer throws
 * the parsed `AppError` (the SDK does not wrap or retry it, so `streamText`'s error is that AppError),
 * and an abort throws an `AbortError`, which the SDK treats as a normal stop. Any `Authorization` the
 * SDK sets is replaced with the server-side key, so configure the SDK without an API key.
 */
export function createUpstreamFetch(
  provider: Provider,
  defaults: Pick<UpstreamInit, "connectTimeoutMs" | "firstByteTimeoutMs" | "maxAttempts" | "baseUrl" | "apiKey"> = {},
): typeof fetch {
  const upstream = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const rawUrl = request ? request.url : input instanceof URL ? input.href : String(input);
    try {
      // The AI SDK's provider is built with its target, so no lookup (and no await) per call.
      const target = givenTarget(defaults) ?? (await resolveTarget(provider, defaults));
      const path = relativePath(rawUrl, target.baseUrl);
      const method = (init.method ?? request?.method ?? "GET").toUpperCase();
      if (method !== "GET" && method !== "POST" && method !== "DELETE") {
        throw new AppError("bad_request", { provider, detail: `Method ${method} is not allowed upstream` });
      }
      // The SDK passes a URL and a plain header record: buildHeaders normalizes it once. Only a
      // Request (never from the SDK) needs its headers merged with init's first.
      let headers: HeadersInit | undefined = init.headers;
      if (request) {
        const merged = new Headers(request.headers);
        new Headers(init.headers).forEach((v, k) => {
          merged.set(k, v);
        });
        headers = merged;
      }
      let body: BodyInit | undefined = init.body ?? undefined;
      if (body === undefined && request?.body) body = await request.arrayBuffer();
      return await upstreamFetch(provider, path, {
        ...defaults,
        method,
        headers,
        body,
        signal: init.signal ?? request?.signal ?? undefined,
        baseUrl: target.baseUrl,
        apiKey: target.apiKey,
      });
    } catch (err) {
      // The AI SDK re-wraps errors whose cause chain holds a socket error code (ECONNREFUSED …) into
      // its own retryable APICallError; a cause-free copy reaches the route as our AppError.
      throw err instanceof AppError ? withoutCause(err) : err;
    }
  };
  return upstream as typeof fetch;
}

type TargetInit = Pick<UpstreamInit, "baseUrl" | "apiKey">;

function givenTarget(init: TargetInit): { baseUrl: string; apiKey: string } | undefined {
  if (init.baseUrl !== undefined && init.apiKey !== undefined) return { baseUrl: init.baseUrl, apiKey: init.apiKey };
  return undefined;
}

async function resolveTarget(provider: Provider, init: TargetInit) {
  const resolved = await resolveProvider(provider);
  return { baseUrl: init.baseUrl ?? resolved.baseUrl, apiKey: init.apiKey ?? resolved.apiKey };
}

function resolveTimeouts(init: UpstreamInit): { connectTimeoutMs: number; firstByteTimeoutMs: number } {
  if (init.connectTimeoutMs !== undefined && init.firstByteTimeoutMs !== undefined) {
    return { connectTimeoutMs: init.connectTimeoutMs, firstByteTimeoutMs: init.firstByteTimeoutMs };
  }
  const env = getEnv();
  return {
    connectTimeoutMs: init.connectTimeoutMs ?? env.connectTimeoutMs,
    firstByteTimeoutMs: init.firstByteTimeoutMs ?? env.firstByteTimeoutMs,
  };
}

interface Payload {
  bytes?: Uint8Array | readonly Uint8Array[];
  size?: number;
  contentType?: string;
}

function isGathered(body: unknown): body is GatheredBody {
  return typeof body === "object" && body !== null && Array.isArray((body as GatheredBody).chunks);
}

async function preparePayload(init: UpstreamInit): Promise<Payload> {
  if (init.json !== undefined) {
    const bytes = new TextEncoder().encode(JSON.stringify(init.json));
    return { bytes, size: bytes.byteLength, contentType: "application/json" };
  }
  const body = init.body;
  if (body === undefined || body === null) return {};
  if (isGathered(body)) return { bytes: body.chunks, size: body.size, contentType: body.contentType };
  // The AI SDK sends a JSON string: encoding it directly skips a Request construction and an async
  // body read (tens of microseconds before every chat request is written). The content type is the
  // one fetch gives a string body; the SDK sets its own application/json anyway.
  if (typeof body === "string") {
    const bytes = new TextEncoder().encode(body);
    return { bytes, size: bytes.byteLength, contentType: "text/plain;charset=UTF-8" };
  }
  if (body instanceof Uint8Array) return { bytes: body, size: body.byteLength };
  // Request does the encoding fetch would do (FormData → multipart with boundary, URLSearchParams …).
  const encoder = new Request("http://body.invalid/", {
    method: "POST",
    body,
    duplex: "half",
  } as RequestInit);
  const bytes = new Uint8Array(await encoder.arrayBuffer());
  return { bytes, size: bytes.byteLength, contentType: encoder.headers.get("content-type") ?? undefined };
}

const HOP_HEADERS = ["host", "connection", "keep-alive", "content-length", "transfer-encoding", "upgrade", "te"];

function buildHeaders(given: HeadersInit | undefined, apiKey: string, payload: Payload) {
  const h = new Headers(given);
  for (const name of HOP_HEADERS) h.delete(name);
  h.set("authorization", `Bearer ${apiKey}`);
  if (payload.contentType && !h.has("content-type")) h.set("content-type", payload.contentType);
  if (payload.bytes) h.set("content-length", String(payload.size ?? (payload.bytes as Uint8Array).byteLength));
  // Uncompressed keeps SSE chunks flowing as they are produced; the transport still decodes gzip/br.
  if (!h.has("accept-encoding")) h.set("accept-encoding", "identity");
  if (!h.has("user-agent")) h.set("user-agent", "siliconplay");
  const out: Record<string, string> = {};
  h.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

function withoutCause(err: AppError): AppError {
  return new AppError(err.code, {
    status: err.status,
    detail: err.detail,
    provider: err.provider,
    traceId: err.traceId,
    retryAfterMs: err.retryAfterMs,
    ...err.wording(),
  });
}
