import "server-only";
import { AppError, type ErrorCode, type Provider } from "@/lib/errors";
import { redactText } from "@/lib/security/redact";

// Every error body form of upstream-contract.md goes through here: SiliconFlow's `{code, message}`,
// bare JSON strings, plain text and HTML from gateways, the 429 body with only `message`, GLM's
// `{error: {code, message}}` with a string or numeric code, and empty bodies. The rule is: a
// provider code wins, then the HTTP status (refined by well-known message wording), because GLM
// sends 1113 (arrears) and 1302 (concurrency) with the same HTTP 429 but only one can be retried.

const DETAIL_MAX_CHARS = 300;

/** SiliconFlow's numeric `code` values (contract table plus the ones its error page names). */
const SILICONFLOW_CODES: Readonly<Record<number, ErrorCode>> = {
  20012: "model_not_found",
  20015: "bad_request",
  30001: "insufficient_balance",
  30003: "model_disabled",
  30011: "invalid_key",
  30014: "invalid_key",
  50505: "overloaded",
};

/** GLM's codes; the extras past the contract come from Zhipu's public error-code page. */
const GLM_CODES: Readonly<Record<number, ErrorCode>> = {
  1000: "invalid_key",
  1001: "invalid_key",
  1002: "invalid_key",
  1003: "invalid_key",
  1004: "invalid_key",
  1113: "quota_exceeded",
  1210: "bad_request",
  1211: "model_not_found",
  1213: "bad_request",
  1214: "bad_request",
  1220: "model_disabled",
  1261: "prompt_too_long",
  1300: "content_blocked",
  1301: "content_blocked",
  1302: "concurrency_limited",
  1303: "rate_limited",
  1304: "quota_exceeded",
  // Sent with HTTP 429 (upstream-contract.md, late 2026): the model is busy for now; retry shortly.
  1305: "rate_limited",
};

// The two code ranges do not overlap, so a body is read the same whichever provider it is
// attributed to: a misrouted body (simulator, proxy) still gets the right code.
const PROVIDER_CODES: Readonly<Record<number, ErrorCode>> = { ...SILICONFLOW_CODES, ...GLM_CODES };

/** `code` values that appear in successful SiliconFlow bodies such as `/user/info`. */
const SUCCESS_CODES = new Set([0, 200, 20000]);

const VERIFICATION_RE = /real[-\s]?name|实名|identity verification|verification required|\bKYC\b/i;
const PROMPT_TOO_LONG_RE =
  /max_seq_len|context[_\s-]?(length|window)|maximum context|prompt (is )?too long|input (is )?too long|too many (input )?tokens|inputs`? tokens|超长|超出.*上下文|上下文.*超/i;
const MODEL_MISSING_RE =
  /model\b.*\b(does not exist|doesn't exist|not exist|not found)|(unknown|invalid) model|模型不存在/i;
const CONTENT_BLOCKED_RE = /content (filter|moderation|security)|sensitive content|unsafe content|敏感|不安全|违规/i;
const BALANCE_RE = /balance|insufficient (funds|credit)|arrears|余额|欠费/i;
const MODEL_DISABLED_RE = /model (is )?disabled|disabled model|模型.*(停用|禁用)/i;
const INVALID_KEY_RE =
  /\binvalid (api[-_\s]?key|token)\b|\btoken (is )?(invalid|expired)\b|api[-_\s]?key (is )?(invalid|missing|not valid)/i;
const CONCURRENCY_RE = /concurren|并发/i;
/** SiliconFlow names the limit that was hit: per-minute limits clear soon, per-day limits do not. */
const RATE_KIND_RE = /\b(RPM|RPD|TPM|TPD|IPM|IPD)\b/;
const DAILY_LIMIT_RE = /\b(RPD|TPD|IPD)\b|daily|per day|今日|每日/i;

interface UpstreamErrorInput {
  provider: Provider;
  status: number;
  bodyText: string;
  headers?: Headers;
}

/** The pieces of an error body, whatever its form. */
interface ErrorFields {
  code?: number;
  /** A non-numeric provider code such as OpenAI-style `"invalid_api_key"`, kept for the detail. */
  codeText?: string;
  message?: string;
  requestId?: string;
}

export function parseUpstreamError(input: UpstreamErrorInput): AppError {
  const { provider, status, headers } = input;
  const fields = readBody(input.bodyText);
  const code = classify(status, fields);
  return new AppError(code, {
    provider,
    detail: redacted(buildDetail(code, fields, status)),
    traceId: redacted(traceIdFrom(provider, fields, headers)),
    retryAfterMs: headers ? retryAfterMsFrom(headers) : undefined,
    upstreamStatus: status,
  });
}

/**
 * An error delivered inside a 200 SSE stream (`data: {"error": …}` from GLM, `data: {"code", "message"}`
 * from SiliconFlow) or a 200 JSON body; `null` when the value is an ordinary chunk.
 */
export function parseStreamErrorEvent(provider: Provider, json: unknown): AppError | null {
  let value = json;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!isRecord(value)) return null;
  let fields: ErrorFields | undefined;
  if (value.error !== undefined && value.error !== null && value.error !== false) {
    fields = fieldsFromObject(value);
  } else if (!("choices" in value) && isErrorLikeCodeBody(value)) {
    fields = fieldsFromObject(value);
  }
  if (!fields) return null;
  // GLM sometimes puts an HTTP-like status in `code`; use it as the status when there is no other.
  const httpLike = fields.code !== undefined && fields.code >= 400 && fields.code <= 599 ? fields.code : undefined;
  const code = classify(httpLike, fields);
  return new AppError(code, {
    provider,
    detail: redacted(buildDetail(code, fields, httpLike)),
    traceId: redacted(fields.requestId),
  });
}

/** Provider text is shown to the user: it loses secrets and internal addresses first (lib/security/redact.ts). */
function redacted(text: string | undefined): string | undefined {
  return text === undefined ? undefined : redactText(text);
}

function isErrorLikeCodeBody(value: Record<string, unknown>): boolean {
  const code = toCode(value.code);
  if (code === undefined || SUCCESS_CODES.has(code)) return false;
  if (typeof value.message !== "string" && typeof value.msg !== "string") return false;
  return value.data === undefined || value.data === null || value.data === "";
}

function classify(status: number | undefined, fields: ErrorFields): ErrorCode {
  const text = fields.message ?? "";
  // Checked before the code: SiliconFlow reports a missing real-name verification with varying codes.
  if (VERIFICATION_RE.test(text)) return "verification_required";
  const byCode = fields.code !== undefined ? PROVIDER_CODES[fields.code] : undefined;
  if (byCode === "bad_request" && PROMPT_TOO_LONG_RE.test(text)) return "prompt_too_long";
  if (byCode) return byCode;
  return classifyByStatus(status, text);
}

function classifyByStatus(status: number | undefined, text: string): ErrorCode {
  switch (status) {
    case 400:
    case 422:
      return refineBadRequest(text);
    case 401:
      return "invalid_key";
    case 402:
      return "insufficient_balance";
    case 403:
      if (BALANCE_RE.test(text)) return "insufficient_balance";
      if (MODEL_DISABLED_RE.test(text)) return "model_disabled";
      if (INVALID_KEY_RE.test(text)) return "invalid_key";
      // SiliconFlow's error page: a bare 403 most often means the model needs a verified account.
      return "verification_required";
    case 404:
      return MODEL_MISSING_RE.test(text) ? "model_not_found" : "not_found";
    case 408:
      return "timeout";
    case 413:
      return PROMPT_TOO_LONG_RE.test(text) ? "prompt_too_long" : "payload_too_large";
    case 429:
      if (CONCURRENCY_RE.test(text)) return "concurrency_limited";
      if (DAILY_LIMIT_RE.test(text) || BALANCE_RE.test(text)) return "quota_exceeded";
      return "rate_limited";
    case 503:
    case 529:
      return "overloaded";
    case 504:
    case 524:
      return "timeout";
    case undefined:
      return classifyByText(text);
    default:
      if (status >= 400 && status < 500) return refineBadRequest(text);
      return "upstream_error";
  }
}

function refineBadRequest(text: string): ErrorCode {
  if (MODEL_MISSING_RE.test(text)) return "model_not_found";
  if (PROMPT_TOO_LONG_RE.test(text)) return "prompt_too_long";
  if (CONTENT_BLOCKED_RE.test(text)) return "content_blocked";
  if (INVALID_KEY_RE.test(text)) return "invalid_key";
  return "bad_request";
}

/** No status at all (an error inside a stream): only the wording can tell. */
function classifyByText(text: string): ErrorCode {
  if (INVALID_KEY_RE.test(text)) return "invalid_key";
  if (MODEL_MISSING_RE.test(text)) return "model_not_found";
  if (PROMPT_TOO_LONG_RE.test(text)) return "prompt_too_long";
  if (CONTENT_BLOCKED_RE.test(text)) return "content_blocked";
  if (CONCURRENCY_RE.test(text)) return "concurrency_limited";
  if (/rate limit|too many requests|频率/i.test(text)) return "rate_limited";
  if (/overload|busy|繁忙|过载/i.test(text)) return "overloaded";
  return "upstream_error";
}

function readBody(bodyText: string): ErrorFields {
  const text = bodyText.replace(/^\uFEFF/, "").trim();
  if (text === "") return {};
  if (text.startsWith("{") || text.startsWith('"') || text.startsWith("[")) {
    try {
      const json: unknown = JSON.parse(text);
      if (typeof json === "string") return { message: json };
      if (isRecord(json)) return fieldsFromObject(json);
    } catch {
      // not JSON after all: treat as text
    }
  }
  return { message: plainText(text) };
}

function fieldsFromObject(obj: Record<string, unknown>): ErrorFields {
  const requestId = firstString(obj.request_id, obj.requestId, obj.id);
  const inner = obj.error;
  if (isRecord(inner)) {
    const rawCode = inner.code ?? obj.code;
    return {
      code: toCode(rawCode),
      codeText: typeof rawCode === "string" && toCode(rawCode) === undefined ? rawCode : undefined,
      message: firstString(inner.message, inner.msg, obj.message),
      requestId: firstString(inner.request_id, inner.requestId, requestId),
    };
  }
  const rawCode = obj.code;
  return {
    code: toCode(rawCode),
    codeText: typeof rawCode === "string" && toCode(rawCode) === undefined ? rawCode : undefined,
    message: firstString(typeof inner === "string" ? inner : undefined, obj.message, obj.msg, obj.detail),
    requestId,
  };
}

function buildDetail(code: ErrorCode, fields: ErrorFields, status: number | undefined): string | undefined {
  let text = fields.message ? collapse(fields.message) : "";
  if (code === "rate_limited" || code === "quota_exceeded") {
    const kind = RATE_KIND_RE.exec(text)?.[1];
    // Put the limit first so it survives truncation and reads at a glance.
    if (kind) text = `${kind} limit reached. ${text}`;
  }
  const label = fields.code !== undefined ? String(fields.code) : fields.codeText;
  if (label && text) text = `${label}: ${text}`;
  else if (label) text = label;
  if (!text) return status !== undefined ? `HTTP ${status}` : undefined;
  return truncate(text, DETAIL_MAX_CHARS);
}

function traceIdFrom(provider: Provider, fields: ErrorFields, headers?: Headers): string | undefined {
  const header = (name: string) => headers?.get(name)?.trim() || undefined;
  if (provider === "siliconflow") {
    return header("x-siliconcloud-trace-id") ?? fields.requestId ?? header("x-request-id");
  }
  return fields.requestId ?? header("x-request-id") ?? header("x-siliconcloud-trace-id");
}

/** `Retry-After` in seconds or as an HTTP date, or `retry-after-ms`; undefined when absent or unreadable. */
export function retryAfterMsFrom(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "" && Number.isFinite(Number(ms))) return Math.max(0, Math.round(Number(ms)));
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function toCode(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

function plainText(text: string): string {
  if (!/^<(!doctype|html|head|body)\b/i.test(text)) return text;
  // Gateway error pages: the title says it all ("502 Bad Gateway"), the rest is markup.
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
  return collapse(title ?? text.replace(/<[^>]*>/g, " "));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Cut by code points so a surrogate pair (emoji, rare CJK) is never split.
  return `${Array.from(text)
    .slice(0, max - 1)
    .join("")}…`;
}

function firstString(...values: unknown[]): string | undefined {
  for (const v of values) {
    if (typeof v === "string" && v.trim() !== "") return v;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
