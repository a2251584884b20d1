// One error type for the whole app. It is built on the server (from an upstream
// failure or bad input), serialised into JSON bodies and SSE streams, and rebuilt
// in the browser, so the same code always shows the same bilingual message.

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
  en: string;
  zh: string;
}

// Each message says what happened and what the user can do about it.
export const ERROR_INFO: Record<ErrorCode, CodeInfo> = {
  invalid_key: {
    status: 401,
    retryable: false,
    en: "The provider rejected the API key. Check the key in your server configuration (.env.local) and restart.",
    zh: "服务商拒绝了 API 密钥。请检查服务器配置（.env.local）中的密钥后重启。",
  },
  insufficient_balance: {
    status: 402,
    retryable: false,
    en: "Your provider account balance is insufficient. Top up the account, or pick a free model.",
    zh: "服务商账户余额不足。请充值，或选择免费模型。",
  },
  verification_required: {
    status: 403,
    retryable: false,
    en: "This model needs a verified (real-name) account. Verify the account with the provider, or pick another model.",
    zh: "该模型需要完成实名认证的账户。请在服务商处完成认证，或换一个模型。",
  },
  model_disabled: {
    status: 403,
    retryable: false,
    en: "This model is disabled for your account. Pick another model.",
    zh: "该模型已对你的账户停用。请换一个模型。",
  },
  model_not_found: {
    status: 404,
    retryable: false,
    en: "The provider does not know this model. Pick another model from the list.",
    zh: "服务商找不到该模型。请从列表中选择其他模型。",
  },
  rate_limited: {
    status: 429,
    retryable: true,
    en: "The provider is rate limiting requests. Wait a moment and try again.",
    zh: "服务商正在限流。请稍等片刻再试。",
  },
  concurrency_limited: {
    status: 429,
    retryable: true,
    en: "Too many requests are running at once for this model. Wait for one to finish and try again.",
    zh: "该模型的并发请求过多。请等待已有请求完成后再试。",
  },
  quota_exceeded: {
    status: 429,
    retryable: false,
    en: "The daily limit or account credit is used up. Try again tomorrow or top up the account.",
    zh: "今日额度或账户余额已用完。请明天再试或充值。",
  },
  content_blocked: {
    status: 400,
    retryable: false,
    en: "The provider's safety filter blocked this content. Rephrase the request and try again.",
    zh: "内容被服务商的安全审核拦截。请换一种说法再试。",
  },
  overloaded: {
    status: 503,
    retryable: true,
    en: "The model service is overloaded. Try again in a little while or pick another model.",
    zh: "模型服务繁忙。请稍后再试，或换一个模型。",
  },
  timeout: {
    status: 504,
    retryable: true,
    en: "The provider did not answer in time. Try again; for long replies keep streaming on.",
    zh: "服务商响应超时。请重试；长回复请保持流式输出。",
  },
  network: {
    status: 502,
    retryable: true,
    en: "Could not reach the provider. Check the server's network connection and try again.",
    zh: "无法连接服务商。请检查服务器网络后重试。",
  },
  bad_request: {
    status: 400,
    retryable: false,
    en: "The request was not accepted. Check the values you entered and try again.",
    zh: "请求未被接受。请检查输入的参数后重试。",
  },
  prompt_too_long: {
    status: 400,
    retryable: false,
    en: "Too long for this model's context window. Shorten the message or pick a model with a longer context; what you typed is kept.",
    zh: "超出了该模型的上下文长度。请缩短消息，或选择上下文更长的模型；已输入的内容会保留。",
  },
  payload_too_large: {
    status: 413,
    retryable: false,
    en: "The request is too large. Send less text or smaller files.",
    zh: "请求体过大。请减少文本或使用更小的文件。",
  },
  unauthorized: {
    status: 401,
    retryable: false,
    en: "You are not signed in. Enter the access code on the login page.",
    zh: "尚未登录。请在登录页输入访问码。",
  },
  not_found: {
    status: 404,
    retryable: false,
    en: "The provider could not find what was asked for. It may have expired or been deleted.",
    zh: "服务商找不到请求的内容，可能已过期或被删除。",
  },
  stream_interrupted: {
    status: 502,
    retryable: true,
    en: "The reply was cut off before it finished. What arrived is kept; press Continue or Retry.",
    zh: "回复在完成前中断。已收到的内容已保留；请点击“继续”或“重试”。",
  },
  upstream_error: {
    status: 502,
    retryable: false,
    en: "The provider returned an unexpected error. Try again; if it persists, check the provider's status page.",
    zh: "服务商返回了意外错误。请重试；若持续出现，请查看服务商状态页。",
  },
  expired: {
    status: 410,
    retryable: false,
    en: "The provider's download link has expired, so the file could not be saved. Generate it again.",
    zh: "服务商的下载链接已过期，文件未能保存。请重新生成。",
  },
  unsafe_url: {
    status: 502,
    retryable: false,
    en: "The provider returned a download address the server refuses to fetch. Nothing was downloaded.",
    zh: "服务商返回的下载地址不安全，服务器拒绝获取，未下载任何内容。",
  },
  internal: {
    status: 500,
    retryable: false,
    en: "Something went wrong on the server. Try again; your input is kept.",
    zh: "服务器出错。请重试；你的输入已保留。",
  },
};

export interface AppErrorJSON {
  code: ErrorCode;
  status: number;
  message: { en: string; zh: string };
  detail?: string;
  provider?: Provider;
  traceId?: string;
  retryable: boolean;
  retryAfterMs?: number;
}

export interface AppErrorInit {
  status?: number;
  detail?: string;
  provider?: Provider;
  traceId?: string;
  retryAfterMs?: number;
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
  readonly messages: { en: string; zh: string };
  readonly upstreamStatus?: number;

  constructor(code: ErrorCode, init: AppErrorInit = {}) {
    const info = ERROR_INFO[code] ?? ERROR_INFO.internal;
    const messages = init.message ?? { en: info.en, zh: info.zh };
    super(messages.en, { cause: init.cause });
    this.name = "AppError";
    this.code = code;
    this.status = init.status ?? info.status;
    this.detail = init.detail;
    this.provider = init.provider;
    this.traceId = init.traceId;
    this.retryable = info.retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.messages = messages;
    this.upstreamStatus = init.upstreamStatus;
  }

  toJSON(): AppErrorJSON {
    return {
      code: this.code,
      status: this.status,
      message: this.messages,
      detail: this.detail,
      provider: this.provider,
      traceId: this.traceId,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
    };
  }

  static fromJSON(json: AppErrorJSON): AppError {
    const code = Object.hasOwn(ERROR_INFO, json.code) ? json.code : "internal";
    const status = Number.isInteger(json.status) && json.status >= 400 && json.status <= 599 ? json.status : undefined;
    return new AppError(code, {
      status,
      detail: json.detail,
      provider: json.provider,
      traceId: json.traceId,
      retryAfterMs: json.retryAfterMs,
      message: json.message,
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
        message: { en: "The request was cancelled.", zh: "请求已取消。" },
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
