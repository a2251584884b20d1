import "server-only";
import type { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { cookieName, isSecureRequest, requestSession, type Session, sessionCookie } from "@/lib/auth/session";
import { getEnv, type ServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { type BodyKind, type OriginPolicy, refuseCrossSite, requireContentType } from "@/lib/security/origin";
import { enforceRateLimit, rateStore } from "@/lib/security/rate-limit";
import { publicErrorJSON } from "@/lib/security/redact";
import { bodyLimits, declaredLength, readAll, webSource } from "./body";
import type { RequestHead } from "./request-head";

export interface HandlerOptions {
  /** Answer without a session (only the health check, login and published uploads are public). */
  public?: boolean;
  /** Count the request against the per-session and per-address generation limits. */
  rateLimit?: boolean;
  /** Largest declared request body in bytes; larger bodies answer 413 before reading. */
  maxBodyBytes?: number;
  /** The body the route reads; any other Content-Type answers 415 before the body is read. */
  body?: BodyKind;
}

interface HandlerContext {
  session: Session;
  params: Promise<Record<string, string | string[] | undefined>>;
}

type Handler = (request: Request, context: HandlerContext) => Promise<Response>;
type RouteHandler = (
  request: Request,
  context?: { params?: Promise<Record<string, string | string[] | undefined>> },
) => Promise<Response>;

const BODILESS = new Set(["GET", "HEAD", "OPTIONS"]);

function originPolicy(env: ServerEnv = getEnv()): OriginPolicy {
  const trusted = [...env.trustedOrigins];
  if (env.publicBaseUrl) trusted.push(new URL(env.publicBaseUrl).origin);
  return { trustedOrigins: trusted };
}

/**
 * The checks every API request passes before its handler runs, shared by both adapters (this file's
 * apiHandler and node-handler.ts): where it comes from (a state-changing request from another site
 * is refused), the session (never trusting that proxy.ts ran), the body's media type and declared
 * size, and the rate limits per session and per address. Throws the AppError to answer with.
 */
export async function admitRequest(
  request: RequestHead,
  options: HandlerOptions,
  /** Told the session as soon as it is known, so even a refusal (429, 400) can carry a new visitor's cookie. */
  onSession?: (session: Session) => void,
): Promise<Session> {
  const env = getEnv();
  refuseCrossSite(request, originPolicy(env));
  const found = await requestSession(request);
  if (!found && !options.public) throw new AppError("unauthorized");
  // A public route (the provider fetching an upload, a login) does not hand out visitor cookies.
  const session = found && options.public && found.kind === "anonymous" ? { ...found, renew: false } : found;
  if (session) onSession?.(session);
  if (options.body && !BODILESS.has((request.method ?? "GET").toUpperCase())) {
    requireContentType(request, options.body);
  }
  if (options.maxBodyBytes !== undefined && declaredLength(request.headers) > options.maxBodyBytes) {
    throw new AppError("payload_too_large");
  }
  if (options.rateLimit) {
    const keys = [`ip:${clientAddress(request, env)}`];
    // A session made for this very request has no count yet; counting it would only fill the store
    // with one-request keys from clients that drop cookies (the address limit holds for them).
    if (session && session.kind !== "public" && !session.fresh) keys.push(`sid:${session.sid}`);
    await enforceRateLimit(rateStore(env.redisUrl), keys, env.rateLimitPerMinute);
  }
  return session ?? { sid: "public", exp: 0, start: 0, kind: "public" };
}

/** The cookie a new or renewed session sends with the response, unless the handler set that cookie itself. */
export async function sessionCookieFor(
  session: Session,
  request: RequestHead & { url?: string },
  alreadySet: readonly string[],
): Promise<string | undefined> {
  if (!session.renew || session.kind === "public") return undefined;
  const name = cookieName(session.kind);
  if (alreadySet.some((c) => c.startsWith(`${name}=`))) return undefined;
  return sessionCookie(name, session, isSecureRequest(request));
}

/** A client that goes away mid-request is not a server error: one quiet line, no stack. */
function isClientAbort(err: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  for (let e = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "ECONNRESET" || code === "ERR_STREAM_PREMATURE_CLOSE" || code === "ECONNABORTED") return true;
    if (e.name === "AbortError" || e.message === "aborted" || e.message === "terminated") return true;
  }
  return false;
}

/**
 * The app's JSON error body for anything thrown, with provider text redacted; an unexpected error is
 * logged, never shown, and a client that left mid-request is noted in one line.
 */
export function failureResponse(err: unknown, where?: { label: string; signal?: AbortSignal }): Response {
  const appError = AppError.from(err);
  if (appError.code === "internal") {
    if (where && isClientAbort(err, where.signal)) {
      console.info(`[api] ${where.label}: the client closed the connection before the request finished`);
    } else console.error("[api] unexpected error", err);
  }
  const headers = new Headers({ "content-type": "application/json; charset=utf-8" });
  if (appError.retryAfterMs !== undefined) {
    headers.set("retry-after", String(Math.max(1, Math.ceil(appError.retryAfterMs / 1000))));
  }
  // Too slow a sender is not waited for: the connection closes after the answer. (A refused body that
  // arrives at speed is read and dropped instead, so the client can read why: lib/http/body.ts.)
  if (appError.status === 408) headers.set("connection", "close");
  return new Response(JSON.stringify({ error: publicErrorJSON(appError) }), { status: appError.status, headers });
}

function withCookie(response: Response, cookie: string | undefined): Response {
  if (!cookie) return response;
  try {
    response.headers.append("set-cookie", cookie);
    return response;
  } catch {
    // Immutable headers (a fetched Response passed through): copy them.
    const headers = new Headers(response.headers);
    headers.append("set-cookie", cookie);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/**
 * Wraps a route handler: runs admitRequest, and turns any thrown value into the app's JSON error body
 * with the right status, so a route never answers a bare 500 with a stack.
 */
export function apiHandler(fn: Handler, options: HandlerOptions = {}): RouteHandler {
  return async (request, context) => {
    let known: Session | undefined;
    let response: Response;
    try {
      const session = await admitRequest(request, options, (s) => {
        known = s;
      });
      response = await fn(request, { session, params: context?.params ?? Promise.resolve({}) });
    } catch (err) {
      response = failureResponse(err, {
        label: `${request.method} ${new URL(request.url).pathname}`,
        signal: request.signal,
      });
    }
    if (!known) return response;
    return withCookie(response, await sessionCookieFor(known, request, response.headers.getSetCookie()));
  };
}

/** Reads and validates a JSON body with a size cap; bad input is a 400/413/415 AppError. */
export async function readJson<T extends z.ZodTypeAny>(
  request: Request,
  schema: T,
  maxBytes = 64 * 1024,
): Promise<z.infer<T>> {
  requireContentType(request, "json");
  return parseJsonBody(await readBytesCapped(request, maxBytes), schema);
}

/** A JSON body already read, validated against `schema`; bad input is a 400 AppError naming the field. */
export function parseJsonBody<T extends z.ZodTypeAny>(bytes: Uint8Array, schema: T): z.infer<T> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", {
      detail: "Body is not valid JSON",
      key: "error.http.notJson",
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.join(".") || "body";
    throw new AppError("bad_request", {
      detail: `${where}: ${first?.message ?? "invalid"}`,
      key: "error.http.invalidValue",
      vars: { field: where, reason: first?.message ?? "invalid" },
    });
  }
  return parsed.data;
}

/**
 * The whole request body, refusing (413) as soon as it grows past maxBytes whatever Content-Length
 * said, (408) when it arrives too slowly, and (503) when the server holds too many bodies at once.
 */
export async function readBytesCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  return readAll(webSource(request), bodyLimits(maxBytes), declaredLength(request.headers));
}
