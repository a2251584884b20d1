// One error type for the whole app. It is built on the server (from an upstream
// failure or bad input), serialised into JSON bodies and SSE streams, and rebuilt
// in the browser, so the same code always shows the same bilingual message.

import { bilingual, isMessageKey, type Locale, type MessageKey, type MessageVars, translator } from "@/lib/i18n";
import type { Provider } from "@/lib/providers/catalog-types";

export type ErrorCode =
  | "invalid_key"
  | "insufficient_balance"
  | "verification_required"
  | "model_disabled"
  | "model_not_found"
  | "rate_limited"
  | "concurrency_limited"
  | "quota_exceeded"
  | "content_blocked"
  | "overloaded"
  | "timeout"
  | "network"
  | "bad_request"
  | "prompt_too_long"
  | "payload_too_large"
  | "unauthorized"
  | "not_found"
  | "stream_interrupted"
  | "upstream_error"
  | "expired"
  | "unsafe_url"
  | "internal";

export type { Provider };

interface CodeInfo {
  status: number;
  retryable: boolean;
}

// The status and retry policy per code; the words are in lib/i18n/messages/errors.ts ("error.<code>").
export const ERROR_INFO: Record<ErrorCode, CodeInfo> = {
  invalid_key: { status: 401, retryable: false },
  insufficient_balance: { status: 402, retryable: false },
  verification_required: { status: 403, retryable: false },
  model_disabled: { status: 403, retryable: false },
  model_not_found: { status: 404, retryable: false },
  rate_limited: { status: 429, retryable: true },
  concurrency_limited: { status: 429, retryable: true },
  quota_exceeded: { status: 429, retryable: false },
  content_blocked: { status: 400, retryable: false },
  overloaded: { status: 503, retryable: true },
  timeout: { status: 504, retryable: true },
  network: { status: 502, retryable: true },
  bad_request: { status: 400, retryable: false },
  prompt_too_long: { status: 400, retryable: false },
  payload_too_large: { status: 413, retryable: false },
  unauthorized: { status: 401, retryable: false },
  not_found: { status: 404, retryable: false },
  stream_interrupted: { status: 502, retryable: true },
  upstream_error: { status: 502, retryable: false },
  expired: { status: 410, retryable: false },
  unsafe_url: { status: 502, retryable: false },
  internal: { status: 500, retryable: false },
};

/**
 * The wire shape. `message` is the sentence in both languages, rendered on the server, for API
 * clients and for the errors stored before keys existed; `key` and `vars` let the page translate
 * the sentence itself when it renders (see `errorText`).
 */
export interface AppErrorJSON {
  code: ErrorCode;
  status: number;
  message: { en: string; zh: string };
  key?: string;
  vars?: MessageVars;
  detail?: string;
  provider?: Provider;
  traceId?: string;
  retryable: boolean;
  retryAfterMs?: number;
}

interface AppErrorInit {
  status?: number;
  detail?: string;
  provider?: Provider;
  traceId?: string;
  retryAfterMs?: number;
  /** The message instead of the code's own ("error.<code>"). */
  key?: MessageKey;
  vars?: MessageVars;
  /** Words from a stored or foreign error that has no known key; kept as they are. */
  message?: { en: string; zh: string };
  cause?: unknown;
  /** The provider's HTTP status, when the error is its answer (server side only, never serialised). */
  upstreamStatus?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail?: string;
  readonly provider?: Provider;
  readonly traceId?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly key: MessageKey;
  readonly vars?: MessageVars;
  readonly upstreamStatus?: number;
  /** Only for an error rebuilt from JSON without a known key. */
  private readonly stored?: { en: string; zh: string };

  constructor(code: ErrorCode, init: AppErrorInit = {}) {
    const known = Object.hasOwn(ERROR_INFO, code) ? code : "internal";
    const key = init.key ?? (`error.${known}` as MessageKey);
    super(init.key || !init.message ? translator("en")(key, init.vars) : init.message.en, { cause: init.cause });
    this.name = "AppError";
    this.code = code;
    this.status = init.status ?? ERROR_INFO[known].status;
    this.detail = init.detail;
    this.provider = init.provider;
    this.traceId = init.traceId;
    this.retryable = ERROR_INFO[known].retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.key = key;
    this.vars = init.vars;
    if (!init.key && init.message) this.stored = init.message;
    this.upstreamStatus = init.upstreamStatus;
  }

  /** The message in both languages (for JSON bodies, logs and tests). */
  get messages(): { en: string; zh: string } {
    return this.stored ?? bilingual({ key: this.key, vars: this.vars });
  }

  /** What to pass to a new AppError for the same words (the key, or the stored words). */
  wording(): Pick<AppErrorInit, "key" | "vars" | "message"> {
    return this.stored ? { message: this.stored } : { key: this.key, vars: this.vars };
  }

  /** The message in one language: what a page shows. */
  text(locale: Locale): string {
    return this.stored ? this.stored[locale] : translator(locale)(this.key, this.vars);
  }

  toJSON(): AppErrorJSON {
    const json: AppErrorJSON = {
      code: this.code,
      status: this.status,
      message: this.messages,
      detail: this.detail,
      provider: this.provider,
      traceId: this.traceId,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
    };
    if (!this.stored) {
      json.key = this.key;
      if (this.vars) json.vars = this.vars;
    }
    return json;
  }

  static fromJSON(json: AppErrorJSON): AppError {
    const code = Object.hasOwn(ERROR_INFO, json.code) ? json.code : "internal";
    const status = Number.isInteger(json.status) && json.status >= 400 && json.status <= 599 ? json.status : undefined;
    // A key this build knows is translated here; anything else (an older build's key, an error
    // stored before keys) shows the words it came with.
    const vars = cleanVars(json.vars);
    const keyed = isMessageKey(json.key) && vars !== null;
    return new AppError(code, {
      status,
      detail: json.detail,
      provider: json.provider,
      traceId: json.traceId,
      retryAfterMs: json.retryAfterMs,
      ...(keyed ? { key: json.key as MessageKey, vars } : { message: json.message }),
    });
  }

  /** Any thrown value as an AppError; unknown errors become `internal` without leaking their text. */
  static from(err: unknown): AppError {
    if (err instanceof AppError) return err;
    if (isAppErrorJSON(err)) return AppError.fromJSON(err);
    // A user's Stop is an AbortError; a deadline from AbortSignal.timeout() is a TimeoutError.
    if (err instanceof Error && err.name === "TimeoutError") return new AppError("timeout", { cause: err });
    if (err instanceof Error && err.name === "AbortError") {
      return new AppError("stream_interrupted", {
        cause: err,
        key: "error.cancelled",
      });
    }
    return new AppError("internal", { cause: err });
  }
}

export function isAppErrorJSON(value: unknown): value is AppErrorJSON {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    typeof (value as { message?: { en?: unknown } }).message?.en === "string"
  );
}

/**
 * Variables from JSON (a response body, an IndexedDB row) when they have the shape MessageVars
 * allows: undefined for none, null for anything else (then the stored words are shown instead).
 */
function cleanVars(vars: unknown, depth = 0): MessageVars | undefined | null {
  if (vars === undefined) return undefined;
  if (typeof vars !== "object" || vars === null || Array.isArray(vars) || depth > 2) return null;
  const out: MessageVars = {};
  for (const [name, value] of Object.entries(vars)) {
    if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) out[name] = value;
    else if (typeof value === "object" && value !== null && isMessageKey((value as { key?: unknown }).key)) {
      const inner = cleanVars((value as { vars?: unknown }).vars, depth + 1);
      if (inner === null) return null;
      out[name] = inner
        ? { key: (value as { key: MessageKey }).key, vars: inner }
        : { key: (value as { key: MessageKey }).key };
    } else return null;
  }
  return out;
}

/** What a page shows for an error in its language: the key translated when known, else the stored words. */
export function errorText(error: AppError | Pick<AppErrorJSON, "message" | "key" | "vars">, locale: Locale): string {
  if (error instanceof AppError) return error.text(locale);
  const vars = cleanVars(error.vars);
  return isMessageKey(error.key) && vars !== null ? translator(locale)(error.key, vars) : error.message[locale];
}

/** The JSON body every API route uses for an error: `{ error: AppErrorJSON }`. */
export function errorResponse(err: unknown, headers?: HeadersInit): Response {
  const appError = AppError.from(err);
  const h = new Headers(headers);
  h.set("content-type", "application/json; charset=utf-8");
  if (appError.retryAfterMs !== undefined) {
    h.set("retry-after", String(Math.max(1, Math.ceil(appError.retryAfterMs / 1000))));
  }
  return new Response(JSON.stringify({ error: appError.toJSON() }), { status: appError.status, headers: h });
}

/** Reads an error out of a failed fetch response from our own API. */
export async function readErrorResponse(res: Response): Promise<AppError> {
  try {
    const body = (await res.json()) as { error?: unknown };
    if (isAppErrorJSON(body.error)) return AppError.fromJSON(body.error);
  } catch {
    // fall through to a status-based error
  }
  if (res.status === 401) return new AppError("unauthorized");
  if (res.status === 413) return new AppError("payload_too_large");
  if (res.status === 429) return new AppError("rate_limited");
  return new AppError(res.status >= 500 ? "upstream_error" : "bad_request", { status: res.status });
}
