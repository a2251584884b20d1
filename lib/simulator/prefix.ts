import type { SimChatModel } from "./chat-models";
import { isChinese } from "./text";

// SiliconFlow's prefix completion (`prefix` on /chat/completions; seeds 003/004 "前缀续写"): the reply
// continues the given text. Its guide (docs.siliconflow.cn/cn/userguide/guides/prefix) says which models
// take it: non-reasoning models; the Qwen3 series with thinking switched off; not the DeepSeek-R1 series.
// The refusal's wording is not documented: the parameter-error form of `enable_thinking`'s is assumed.
// The reply holds only the continuation, not the prefix again — as DeepSeek's own prefix completion
// answers (api-docs.deepseek.com, "Chat Prefix Completion"); assumed the same on SiliconFlow.

export function prefixProblem(model: SimChatModel, body: Record<string, unknown>): string | null {
  if (body.prefix === undefined) return null;
  if (typeof body.prefix !== "string") return "prefix must be a string";
  const qwen3 = /(^|\/)qwen3[-.]/i.test(model.id);
  const ok = model.thinking === "none" || (qwen3 && model.thinking === "switch" && body.enable_thinking === false);
  return ok ? null : "Value error, current model does not support parameter `prefix`.";
}

/** A deterministic continuation that names how long the prefix was, so tests can tell it was read. */
export function continuationOf(prefix: string): string {
  const chars = [...prefix].length;
  const gap = /\s$/.test(prefix) || prefix === "" ? "" : " ";
  // Inside an open code fence: finish the code and close the fence, as a model would.
  if ((prefix.match(/```/g) ?? []).length % 2 === 1) {
    return `${/\n$/.test(prefix) ? "" : "\n"}print("continued after a ${chars}-character prefix")\n\`\`\`\n\nThe code block above was continued from the prefix.`;
  }
  return isChinese(prefix)
    ? `${gap}（模拟器从 ${chars} 个字符的前缀之后接着写。）这段续写紧接前缀结束的地方，没有重复前缀。`
    : `${gap}and this continues the ${chars}-character prefix exactly where it stopped, without repeating it.`;
}
