// The simulated chat models of both providers and how each one thinks, how long a prompt it takes
// and how many output tokens it allows. Kept apart from the app's catalog on purpose: the simulator
// stands in for the provider, so a wrong catalog entry must meet a refusal here, as it would upstream.
// Sources (read 2026-12-03):
// - SF-API: SiliconFlow's chat-completions API reference (docs.siliconflow.cn/cn/api-reference/
//   chat-completions): the model list; the models that take `enable_thinking` (any other answers 400
//   code 20015 "Value error, current model does not support parameter `enable_thinking`." —
//   upstream-contract.md late 2026, cherry-studio #6642, lobehub #12008); `reasoning_effort` on
//   DeepSeek-V4 (and GLM-5.x per the contract).
// - SF-FAQ: docs.siliconflow.com/en/faqs/misc: max_tokens 16384 for the R1 family, 4096 otherwise.
// - GLM-THINK: docs.bigmodel.cn/cn/guide/capabilities/thinking-mode: `thinking: {type}` from GLM-4.5
//   on; GLM-4.7 and GLM-5.x think unless "disabled"; `reasoning_effort` from GLM-5.2.
// - Context windows: the model makers' cards (same figures as lib/providers/catalog-*.ts).
// - SF-FC: SiliconFlow's function-calling guide (seed 003 "Function Calling", docs.siliconflow.cn
//   features/function_calling): models outside its list take no `tools`.
// - SF-JSON: its JSON-mode guide (seeds 003/004): every LLM but the DeepSeek R1 series; other models
//   answer 400 code 20024 "Json mode is not supported for this model." (chatwise-releases #141).
// - SF-FIM: its FIM guide (seed 003 "FIM 补全", docs.siliconflow.cn/cn/userguide/guides/fim and
//   completions): DeepSeek-V3 and the Qwen2.5-Coder models take `suffix` on /completions.

/**
 * none: never thinks. always: always thinks, takes no switch. switch: thinks unless switched off.
 * effort: thinks; takes `reasoning_effort`. inline: thinks inside <think> tags in `content`.
 */
type SimThinking = "none" | "always" | "switch" | "effort" | "inline";

export interface SimChatModel {
  id: string;
  thinking: SimThinking;
  vision?: boolean;
  /** Prompt and output together, in tokens. */
  context: number;
  /** The largest max_tokens accepted. */
  maxTokens: number;
  /** Takes `tools` (SF-FC; GLM's function-calling models). */
  tools: boolean;
  /** Takes `response_format: {type: "json_object"}` (SF-JSON). */
  json: boolean;
  /** Takes FIM on /completions (SF-FIM). */
  fim: boolean;
}

/** Chat models without function calling (vision and distilled models, GLM-Z1, GLM-4V). */
const NO_TOOLS = /deepseek-vl2|R1-Distill|Qwen2\.5-VL|Qwen2\.5-Coder|GLM-Z1|GLM-4\.5V$|^glm-4v|^glm-z1|^glm-4\.5v$/i;
/** Reasoning-only models (the R1 series and its kin) and GLM-4V take no JSON mode. */
const NO_JSON = /DeepSeek-R1|QwQ|Thinking|GLM-Z1|Kimi-K2\.5|^glm-4v|^glm-z1/i;
const FIM = new Set(["deepseek-ai/DeepSeek-V3", "Qwen/Qwen2.5-Coder-7B-Instruct", "Qwen/Qwen2.5-Coder-32B-Instruct"]);

const m = (id: string, thinking: SimThinking, context: number, maxTokens: number, vision = false): SimChatModel => ({
  id,
  thinking,
  context,
  maxTokens,
  vision,
  tools: !NO_TOOLS.test(id),
  json: !NO_JSON.test(id),
  fim: FIM.has(id),
});

const K = 1024;

export const SF_CHAT_MODELS: readonly SimChatModel[] = [
  m("deepseek-ai/DeepSeek-R1", "always", 96 * K, 16 * K),
  m("deepseek-ai/DeepSeek-V3", "none", 64 * K, 4 * K),
  m("deepseek-ai/DeepSeek-V3.1", "none", 128 * K, 8 * K),
  m("deepseek-ai/DeepSeek-V3.1-Terminus", "switch", 128 * K, 16 * K),
  m("deepseek-ai/DeepSeek-V3.2", "switch", 128 * K, 16 * K),
  m("deepseek-ai/DeepSeek-V4-Flash", "effort", 1024 * K, 384 * K),
  m("deepseek-ai/DeepSeek-V4-Pro", "effort", 1024 * K, 384 * K),
  m("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", "inline", 32 * K, 16 * K),
  m("deepseek-ai/deepseek-vl2", "none", 4 * K, 4 * K, true),
  m("Qwen/Qwen3-8B", "switch", 128 * K, 16 * K),
  m("Qwen/Qwen3-14B", "switch", 128 * K, 16 * K),
  m("Qwen/Qwen3-32B", "switch", 128 * K, 16 * K),
  m("Qwen/Qwen3-235B-A22B-Thinking-2507", "always", 256 * K, 16 * K),
  m("Qwen/Qwen3.5-35B-A3B", "switch", 256 * K, 64 * K),
  m("Qwen/Qwen3.5-9B", "switch", 256 * K, 64 * K),
  m("Qwen/QwQ-32B", "always", 128 * K, 16 * K),
  m("Qwen/Qwen2.5-7B-Instruct", "none", 32 * K, 4 * K),
  m("Qwen/Qwen2.5-72B-Instruct", "none", 32 * K, 4 * K),
  m("Qwen/Qwen2.5-Coder-7B-Instruct", "none", 32 * K, 4 * K),
  m("Qwen/Qwen2.5-Coder-32B-Instruct", "none", 32 * K, 4 * K),
  m("Qwen/Qwen2.5-VL-72B-Instruct", "none", 32 * K, 4 * K, true),
  m("THUDM/GLM-4-9B-0414", "none", 32 * K, 4 * K),
  m("THUDM/GLM-Z1-9B-0414", "always", 128 * K, 16 * K),
  m("zai-org/GLM-4.5", "always", 128 * K, 16 * K),
  m("zai-org/GLM-4.5V", "switch", 64 * K, 16 * K, true),
  m("zai-org/GLM-4.6", "switch", 200 * K, 128 * K),
  m("zai-org/GLM-4.6V", "always", 128 * K, 16 * K, true),
  m("zai-org/GLM-4.7", "switch", 200 * K, 128 * K),
  m("zai-org/GLM-5", "switch", 200 * K, 128 * K),
  m("zai-org/GLM-5.1", "effort", 200 * K, 128 * K),
  m("moonshotai/Kimi-K2-Instruct-0905", "none", 256 * K, 16 * K),
  m("moonshotai/Kimi-K2-Thinking", "always", 256 * K, 32 * K),
  m("moonshotai/Kimi-K2.5", "always", 256 * K, 32 * K),
];

export const GLM_CHAT_MODELS: readonly SimChatModel[] = [
  m("glm-4-flash", "none", 128 * K, 4 * K),
  m("glm-4-air", "none", 128 * K, 4 * K),
  m("glm-4-plus", "none", 128 * K, 4 * K),
  m("glm-4.5-flash", "switch", 128 * K, 96 * K),
  m("glm-4.5-air", "switch", 128 * K, 96 * K),
  m("glm-4.5", "switch", 128 * K, 96 * K),
  m("glm-4.6", "switch", 200 * K, 128 * K),
  m("glm-4.7", "switch", 200 * K, 128 * K),
  m("glm-5", "switch", 200 * K, 128 * K),
  m("glm-5.1", "switch", 200 * K, 128 * K),
  m("glm-5.2", "effort", 1024 * K, 128 * K),
  m("glm-z1-flash", "always", 32 * K, 32 * K),
  m("glm-z1-air", "always", 32 * K, 32 * K),
  // glm-4v*: max_tokens ≤ 1024 (upstream-contract.md); user/assistant turns only (seed 000).
  m("glm-4v", "none", 16 * K, 1 * K, true),
  m("glm-4v-flash", "none", 16 * K, 1 * K, true),
  m("glm-4v-plus", "none", 16 * K, 1 * K, true),
  m("glm-4.5v", "switch", 64 * K, 16 * K, true),
  m("glm-4.6v", "switch", 128 * K, 32 * K, true),
  m("glm-4.6v-flash", "switch", 128 * K, 32 * K, true),
];

export function sfChatModel(id: unknown): SimChatModel | undefined {
  return SF_CHAT_MODELS.find((model) => model.id === id);
}

export function glmChatModel(id: unknown): SimChatModel | undefined {
  return GLM_CHAT_MODELS.find((model) => model.id === id);
}

/** GLM-4V models: only `user` and `assistant` turns, user content as a list of parts (seed 000). */
export function glmUserAssistantOnly(id: string): boolean {
  return /^glm-4v/.test(id);
}

/**
 * How a SiliconFlow model returns its reasoning for this request: "field" (reasoning_content),
 * "inline" (<think> in content) or "none".
 */
export function sfThinking(model: SimChatModel, enableThinking: unknown): "none" | "field" | "inline" {
  if (model.thinking === "none") return "none";
  if (model.thinking === "inline") return "inline";
  if (model.thinking === "switch" && enableThinking === false) return "none";
  return "field";
}

/** Whether a GLM model thinks for this request (`thinking: {type: "disabled"}` turns a switch off). */
export function glmThinks(model: SimChatModel, thinking: unknown): boolean {
  if (model.thinking === "none") return false;
  if (model.thinking === "always") return true;
  const type = typeof thinking === "object" && thinking !== null ? (thinking as { type?: unknown }).type : undefined;
  return type !== "disabled";
}
