import "server-only";
import type { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { requestSession, type Session } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { enforceRateLimit, rateStore } from "@/lib/security/rate-limit";
import type { RequestHead } from "./request-head";

export interface HandlerOptions {
  /** Answer without a session (only the health check and login are public). */
  public?: boolean;
  /** Count the request against the per-session and per-address generation limits. */
  rateLimit?: boolean;
  /** Largest declared request body in bytes; larger bodies answer 413 before reading. */
  maxBodyBytes?: number;
}

export interface HandlerContext {
  session: Session;
  params: Promise<Record<string, string | string[] | undefined>>;
}

type Handler = (request: Request, context: HandlerContext) => Promise<Response>;
type RouteHandler = (
  request: Request,
  context?: { params?: Promise<Record<string, string | string[] | undefined>> },
) => Promise<Response>;

/**
 * The checks every API request passes before its handler runs: the session (never trusting that
 * proxy.ts ran), the declared body size and the rate limits. Throws the AppError to answer with.
 */
export async function admitRequest(request: RequestHead, options: HandlerOptions): Promise<Session> {
  const session = await requestSession(request);
  if (!session && !options.public) throw new AppError("unauthorized");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (options.maxBodyBytes !== undefined && declared > options.maxBodyBytes) {
    throw new AppError("payload_too_large");
  }
  if (options.rateLimit) {
    const env = getEnv();
    const keys = [`ip:${clientAddress(request)}`];
    if (session && session.sid !== "anonymous") keys.push(`sid:${session.sid}`);
    await enforceRateLimit(rateStore(env.redisUrl), keys, env.rateLimitPerMinute);
  }
  return session ?? { sid: "public", exp: 0 };
}

/** The app's JSON error body for anything thrown; an unexpected error is logged, never shown. */
export function failureResponse(err: unknown): Response {
  const appError = AppError.from(err);
  if (appError.code === "internal") console.error("[api] unexpected error", err);
  return errorResponse(appError);
}

/**
 * Wraps a route handler: runs admitRequest, and turns any thrown value into the app's JSON error body
 * with the right status, so a route never answers a bare 500 with a stack.
 */
export function apiHandler(fn: Handler, options: HandlerOptions = {}): RouteHandler {
  return async (request, context) => {
    try {
      const session = await admitRequest(request, options);
      return await fn(request, { session, params: context?.params ?? Promise.resolve({}) });
    } catch (err) {
      return failureResponse(err);
    }
  };
}

/** Reads and validates a JSON body with a size cap; bad input is a 400/413 AppError. */
export async function readJson<T extends z.ZodTypeAny>(
  request: Request,
  schema: T,
  maxBytes = 64 * 1024,
): Promise<z.infer<T>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large");
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
      message: { en: "The request body is not valid JSON.", zh: "请求体不是有效的 JSON。" },
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.join(".") || "body";
    throw new AppError("bad_request", {
      detail: `${where}: ${first?.message ?? "invalid"}`,
      message: {
        en: `Invalid value for "${where}": ${first?.message ?? "invalid"}.`,
        zh: `参数“${where}”无效：${first?.message ?? "invalid"}。`,
      },
    });
  }
  return parsed.data;
}

/** The whole request body, refusing (413) as soon as it grows past maxBytes, whatever Content-Length said. */
export async function readBytesCapped(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
