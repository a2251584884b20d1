import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Reading request bodies with three bounds: a size cap per route (413), a deadline for the whole
// body and for each pause between chunks (408, so a client trickling bytes cannot hold a socket and
// a buffer for minutes), and one byte budget for every body held in memory at once, all requests
// together (503 with Retry-After when full, so concurrent uploads cannot exhaust the server).

/** Bytes of request bodies held in memory right now, across requests. */
class ByteBudget {
  private used = 0;
  constructor(readonly max: number) {}

  tryReserve(bytes: number): boolean {
    if (bytes <= 0) return true;
    if (this.used + bytes > this.max) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  get inUse(): number {
    return this.used;
  }
}

const g = globalThis as unknown as { __spBodyBudget?: ByteBudget };

/** The process-wide budget (UPLOADS_IN_FLIGHT_MB). */
export function bodyBudget(): ByteBudget {
  const max = getEnv().uploadsInFlightBytes;
  if (g.__spBodyBudget?.max !== max) g.__spBodyBudget = new ByteBudget(max);
  return g.__spBodyBudget;
}

export interface BodyLimits {
  maxBytes: number;
  timeoutMs: number;
  idleMs: number;
  budget: ByteBudget;
}

export function bodyLimits(maxBytes: number): BodyLimits {
  const env = getEnv();
  return { maxBytes, timeoutMs: env.bodyTimeoutMs, idleMs: env.bodyIdleTimeoutMs, budget: bodyBudget() };
}

/** How long a client is asked to wait when the budget is full. */
const BUSY_RETRY_MS = 5_000;

export function serverBusy(): AppError {
  return new AppError("overloaded", {
    status: 503,
    retryAfterMs: BUSY_RETRY_MS,
    detail: "request bodies in flight exceed UPLOADS_IN_FLIGHT_MB",
    key: "error.http.uploadsBusy",
  });
}

export function bodyTooSlow(detail: string): AppError {
  return new AppError("timeout", {
    status: 408,
    detail,
    key: "error.http.uploadSlow",
  });
}

/**
 * After a refusal (413, 503, a malformed form) the rest of the body is read and dropped, up to these
 * bounds, so the client gets to read the answer instead of a reset connection (nginx's lingering
 * close); past them the connection is cut. Nothing read here is kept.
 */
export const LINGER_MAX_BYTES = 64 * 1024 * 1024;
export const LINGER_MAX_MS = 10_000;

/** A body read chunk by chunk: a web stream's reader, or Node's request (node-handler.ts). */
interface ChunkSource {
  read(): Promise<Uint8Array | undefined>;
  /** Stops the source and closes the connection (a sender too slow to wait for). */
  cancel(reason: unknown): void;
  /** Reads and drops the rest of the body in the background, within the linger bounds. */
  discard(): void;
}

export function webSource(request: Request): ChunkSource {
  const reader = request.body?.getReader();
  const cancel = (reason?: unknown) => {
    reader?.cancel(reason).catch(() => undefined);
  };
  return {
    read: async () => {
      if (!reader) return undefined;
      const next = await reader.read();
      return next.done ? undefined : next.value;
    },
    cancel,
    discard: () => {
      if (!reader) return;
      const timer = setTimeout(cancel, LINGER_MAX_MS);
      (async () => {
        let dropped = 0;
        for (;;) {
          const next = await reader.read();
          if (next.done) break;
          dropped += next.value.byteLength;
          if (dropped > LINGER_MAX_BYTES) {
            cancel();
            break;
          }
        }
      })()
        .catch(() => undefined)
        .finally(() => clearTimeout(timer));
    },
  };
}

/** Bytes held under the budget; `release` gives them back (call it once the bytes are no longer needed). */
interface HeldBody {
  size: number;
  release(): void;
}

/**
 * Reads every chunk of `source` under `limits`, handing each to `onChunk` (which keeps what it needs).
 * The bytes stay counted against the budget until `release`; on failure they are released here.
 */
export async function drainBody(
  source: ChunkSource,
  limits: BodyLimits,
  declaredBytes: number,
  onChunk: (chunk: Uint8Array) => void,
): Promise<HeldBody> {
  if (declaredBytes > limits.maxBytes) {
    source.discard();
    throw new AppError("payload_too_large");
  }
  let reserved = 0;
  const release = () => {
    limits.budget.release(reserved);
    reserved = 0;
  };
  // A declared size is reserved up front, so a full server refuses before reading a byte.
  if (declaredBytes > 0) {
    if (!limits.budget.tryReserve(declaredBytes)) {
      source.discard();
      throw serverBusy();
    }
    reserved = declaredBytes;
  }
  let size = 0;
  let timedOut: AppError | undefined;
  let refused = false;
  let wake: (() => void) | undefined;
  const stop = (err: AppError) => {
    timedOut ??= err;
    source.cancel(err);
    wake?.();
  };
  const deadline = setTimeout(
    () => stop(bodyTooSlow(`body not complete within ${limits.timeoutMs} ms`)),
    limits.timeoutMs,
  );
  const idle = setTimeout(() => stop(bodyTooSlow(`no body bytes for ${limits.idleMs} ms`)), limits.idleMs);
  try {
    for (;;) {
      const chunk = await Promise.race([
        source.read(),
        new Promise<undefined>((resolve) => {
          wake = () => resolve(undefined);
        }),
      ]);
      if (timedOut) throw timedOut;
      if (chunk === undefined) break;
      idle.refresh();
      size += chunk.byteLength;
      refused = true;
      if (size > limits.maxBytes) throw new AppError("payload_too_large");
      if (size > reserved) {
        if (!limits.budget.tryReserve(size - reserved)) throw serverBusy();
        reserved = size;
      }
      onChunk(chunk);
      refused = false;
    }
  } catch (err) {
    release();
    // Too large, no room, or malformed: the client gets the answer; the rest of its body is dropped.
    if (refused) source.discard();
    throw err;
  } finally {
    clearTimeout(deadline);
    clearTimeout(idle);
  }
  // Declared more than arrived: give back the difference now.
  if (reserved > size) {
    limits.budget.release(reserved - size);
    reserved = size;
  }
  return { size, release };
}

/** The whole body as one array (for JSON bodies); the budget is released once it is assembled. */
export async function readAll(source: ChunkSource, limits: BodyLimits, declaredBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const held = await drainBody(source, limits, declaredBytes, (c) => chunks.push(c));
  try {
    if (chunks.length === 1) return chunks[0] as Uint8Array;
    const out = new Uint8Array(held.size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  } finally {
    held.release();
  }
}

export function declaredLength(headers: { get(name: string): string | null }): number {
  const value = Number(headers.get("content-length") ?? "0");
  return Number.isFinite(value) && value > 0 ? value : 0;
}
