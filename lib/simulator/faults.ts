import { type Ctx, glmError, send, sendJson, sendText, sfError } from "./http";
import type { SimProvider } from "./log";

export const FAULT_KINDS = [
  "unauthorized",
  "balance",
  "model-disabled",
  "model-not-found",
  "rate-limit",
  "overloaded",
  "not-found-text",
  "timeout-504",
  "glm-1301",
  "glm-1302",
  "glm-1113",
  "prompt-too-long",
  "cut-stream",
  "malformed-sse",
  "sse-error",
  "sse-error-60000",
  "slow-first-byte",
  "real-name",
  "busy-50603",
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  fault: FaultKind;
  /** Substring match on the provider path, e.g. "/chat/completions". */
  path?: string;
  provider?: SimProvider;
  /**
   * Exact match on the request's `model` (JSON body or form field): a comparison sends one prompt to
   * several models at once, so a fault for one column must leave the others alone.
   */
  model?: string;
  /** How many matching requests consume this fault (default 1). */
  times?: number;
  delayMs?: number;
  retryAfterSeconds?: number;
}

/** Faults that only make sense inside a streamed response body; the streaming handlers take them. */
const STREAM_FAULTS: ReadonlySet<FaultKind> = new Set(["cut-stream", "malformed-sse", "sse-error", "sse-error-60000"]);

export const GLM_1301_MESSAGE =
  "系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。";

export function parseFaultSpec(value: unknown): FaultSpec {
  if (typeof value !== "object" || value === null) throw new Error("a fault must be an object");
  const v = value as Record<string, unknown>;
  if (!FAULT_KINDS.includes(v.fault as FaultKind)) {
    throw new Error(`unknown fault ${JSON.stringify(v.fault)}; one of: ${FAULT_KINDS.join(", ")}`);
  }
  if (v.path !== undefined && typeof v.path !== "string") throw new Error("path must be a string");
  if (v.model !== undefined && (typeof v.model !== "string" || v.model === "")) {
    throw new Error("model must be a non-empty string");
  }
  if (v.provider !== undefined && v.provider !== "siliconflow" && v.provider !== "glm") {
    throw new Error('provider must be "siliconflow" or "glm"');
  }
  for (const key of ["times", "delayMs", "retryAfterSeconds"] as const) {
    const n = v[key];
    if (n !== undefined && (typeof n !== "number" || !Number.isFinite(n) || n < 0)) {
      throw new Error(`${key} must be a number >= 0`);
    }
  }
  return {
    fault: v.fault as FaultKind,
    path: v.path as string | undefined,
    provider: v.provider as SimProvider | undefined,
    model: v.model as string | undefined,
    times: (v.times as number | undefined) ?? 1,
    delayMs: v.delayMs as number | undefined,
    retryAfterSeconds: v.retryAfterSeconds as number | undefined,
  };
}

export class FaultQueue {
  private pending: (FaultSpec & { times: number })[] = [];

  add(spec: FaultSpec): void {
    this.pending.push({ ...spec, times: spec.times ?? 1 });
  }

  list(): FaultSpec[] {
    return this.pending.map((f) => ({ ...f }));
  }

  clear(): void {
    this.pending = [];
  }

  /**
   * Consumes the first queued fault that matches; `stream` selects stream-body faults or the others.
   * A fault naming a model only matches requests for that model.
   */
  take(provider: SimProvider, path: string, stream: boolean, model?: string): FaultSpec | undefined {
    const index = this.pending.findIndex(
      (f) =>
        f.times > 0 &&
        STREAM_FAULTS.has(f.fault) === stream &&
        (f.provider === undefined || f.provider === provider) &&
        (f.path === undefined || path.includes(f.path)) &&
        (f.model === undefined || f.model === model),
    );
    const found = this.pending[index];
    if (!found) return undefined;
    found.times -= 1;
    if (found.times <= 0) this.pending.splice(index, 1);
    return { ...found };
  }
}

/**
 * Answers a request-level fault in the form the given provider really uses. Returns false for
 * `slow-first-byte`, which only delays: the request then proceeds normally.
 */
export function answerFault(ctx: Ctx, provider: SimProvider, spec: FaultSpec): boolean {
  const glm = provider === "glm";
  const retryAfter: Record<string, string> =
    spec.retryAfterSeconds !== undefined ? { "retry-after": String(spec.retryAfterSeconds) } : {};
  switch (spec.fault) {
    case "slow-first-byte":
      return false;
    case "unauthorized": {
      // Both SiliconFlow 401 bodies occur in the wild; alternating makes clients handle both.
      const flip = ctx.state.unauthorizedCount++ % 2 === 1;
      if (glm)
        glmError(
          ctx,
          401,
          flip ? "1002" : "1000",
          flip ? "Authorization Token非法，请确认Authorization Token正确传递。" : "身份验证失败。",
        );
      else if (flip) sendJson(ctx, 401, { code: 30014, message: "Token is invalid." });
      else sendJson(ctx, 401, "Invalid token");
      return true;
    }
    case "balance":
      if (glm) glmError(ctx, 429, "1113", "您的账户已欠费，请充值后重试。");
      else sfError(ctx, 403, 30001, "Sorry, your account balance is insufficient");
      return true;
    case "model-disabled":
      if (glm) glmError(ctx, 403, "1220", "您无权访问该模型。");
      else sfError(ctx, 403, 30003, "Model disabled.");
      return true;
    case "model-not-found":
      if (glm) glmError(ctx, 400, "1211", "模型不存在，请检查模型代码。");
      else sfError(ctx, 400, 20012, "Model does not exist. Please check it carefully.");
      return true;
    case "rate-limit":
      if (glm)
        sendJson(ctx, 429, { error: { code: "1303", message: "您当前使用该API的频率过高，请降低频率。" } }, retryAfter);
      else
        sendJson(
          ctx,
          429,
          {
            message:
              "Request was rejected due to rate limiting. If you want more, please contact contact@siliconflow.cn. Details:TPM limit reached.",
            data: "",
          },
          retryAfter,
        );
      return true;
    case "overloaded":
      // GLM's 1305 ("too many requests for this model right now") comes with HTTP 429, not 503
      // (upstream-contract.md, late 2026).
      if (glm)
        sendJson(ctx, 429, { error: { code: "1305", message: "该模型当前访问量过大，请您稍后再试" } }, retryAfter);
      else
        sendJson(
          ctx,
          503,
          { code: 50505, message: "Model service overloaded. Please try again later.", data: "" },
          retryAfter,
        );
      return true;
    case "not-found-text":
      sendText(ctx, 404, "404 page not found");
      return true;
    case "timeout-504":
      send(ctx, 504, "upstream request timeout", { "content-type": "text/plain" });
      return true;
    case "glm-1301":
      sendJson(ctx, 400, {
        error: { code: "1301", message: GLM_1301_MESSAGE },
        contentFilter: [{ level: 1, role: "user" }],
      });
      return true;
    case "glm-1302":
      glmError(ctx, 429, "1302", "您当前使用该API的并发数过高，请降低并发，或联系客服增加限额。");
      return true;
    case "glm-1113":
      glmError(ctx, 429, "1113", "您的账户已欠费，请充值后重试。");
      return true;
    case "prompt-too-long":
      // A window smaller than the client believed: each provider's own refusal (upstream-contract.md,
      // late 2026: SiliconFlow 400 code 20015 with the sizes, GLM 400 code 1261).
      if (glm) glmError(ctx, 400, "1261", "Prompt 超过最大长度，请缩短输入内容。");
      else sfError(ctx, 400, 20015, "length of prompt_tokens (40960) must be less than max_seq_len (32768).");
      return true;
    case "real-name":
      // SiliconFlow's error page: "403 权限不够，最常见的原因是该模型需要实名认证" (seed 003), and
      // uploaded voices need a verified account too (seed 003, "使用用户预置音色，需要进行实名认证").
      // The bodies are reconstructed: the page gives the status and the reason, not the JSON, so no
      // provider code is claimed here.
      sendJson(ctx, 403, {
        message: ctx.path.startsWith("/uploads/audio/voice")
          ? "Uploading a custom voice requires real-name verification (实名认证) of your account."
          : "This model requires real-name verification (实名认证) of your account.",
        data: null,
      });
      return true;
    case "busy-50603":
      // Seen in a public error log of another client: HTTP 503 with this exact body.
      sendJson(
        ctx,
        503,
        { code: 50603, message: "System is really busy. Please try again later.", data: null },
        retryAfter,
      );
      return true;
    default:
      // Stream faults are taken by the streaming handlers and never reach here.
      return false;
  }
}

/** The line a stream carries for an `sse-error` fault. */
export function streamErrorPayload(provider: SimProvider): unknown {
  return provider === "glm"
    ? { error: { code: "1301", message: GLM_1301_MESSAGE } }
    : { code: 50505, message: "Model service overloaded. Please try again later.", data: "" };
}
