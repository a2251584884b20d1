import { type FaultSpec, GLM_1301_MESSAGE } from "./faults";
import { type Ctx, glmError, send, sendJson, sendText, sfError } from "./http";
import type { SimProvider } from "./log";

// Apart from faults.ts (the queue the state holds) because answering needs the request context,
// which itself holds the state: keeping them together made an import circle.

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
