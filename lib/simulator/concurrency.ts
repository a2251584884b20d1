import { type Ctx, glmError } from "./http";

// GLM-4V-Flash allows 10 requests in flight per account (seed 000: "GLM-4V-Flash 并发数限制：10");
// one more is refused with GLM's concurrency error, code 1302 at HTTP 429 (upstream-contract.md, GLM
// error codes). The slot is held until the response is finished or the client goes away.

const LIMITED_MODEL = "glm-4v-flash";

/** Takes a slot for a limited model, or answers 1302 and returns false. */
export function admitGlm(ctx: Ctx, model: string): boolean {
  const limit = ctx.state.config.glmFlashConcurrency;
  if (model !== LIMITED_MODEL || limit <= 0) return true;
  if (ctx.state.glmFlashInFlight >= limit) {
    glmError(ctx, 429, "1302", "您当前使用该API的并发数过高，请降低并发，或联系客服增加限额。");
    return false;
  }
  ctx.state.glmFlashInFlight += 1;
  void ctx.whenClosed.then(() => {
    ctx.state.glmFlashInFlight = Math.max(0, ctx.state.glmFlashInFlight - 1);
  });
  return true;
}
