import type { ModelInfo } from "@/lib/providers/catalog";
import type { ToolChoice } from "./contract";

// Which playground features a model takes, from its catalog entry and the providers' docs. The chat
// settings use these to offer only what works; /api/chat applies the same rules and refuses the rest
// before anything is sent. Pure, browser-safe.

type Message = { en: string; zh: string };

/** Function calling: the catalog entry says `tools` (from each provider's function-calling model list). */
export function toolsRefusal(model: ModelInfo): Message | undefined {
  if (model.tools) return undefined;
  return {
    en: `${model.id} does not take tools (function calling). Pick a model that does, or clear the tool definitions.`,
    zh: `${model.id} 不支持工具（函数调用）。请换一个支持的模型，或清空工具定义。`,
  };
}

export type ToolChoiceMode = "auto" | "none" | "required" | "function";

/**
 * The `tool_choice` values a provider takes. SiliconFlow follows OpenAI (auto, none, required, a named
 * function); one report had `required` refused on QwQ-32B in 2025-03 (OpenManus #30, 400 code 20015), so
 * a refusal from the provider reaches the user as it is. GLM's chat API reference documents `auto` only;
 * `none` is honoured here by not sending the tools at all (server.ts).
 */
export function toolChoiceModes(model: Pick<ModelInfo, "provider">): readonly ToolChoiceMode[] {
  return model.provider === "glm" ? ["auto", "none"] : ["auto", "none", "required", "function"];
}

export function toolChoiceMode(choice: ToolChoice | undefined): ToolChoiceMode {
  if (choice === undefined) return "auto";
  return typeof choice === "string" ? choice : "function";
}

export function toolChoiceRefusal(
  model: ModelInfo,
  choice: ToolChoice | undefined,
  names: string[],
): Message | undefined {
  const mode = toolChoiceMode(choice);
  if (!toolChoiceModes(model).includes(mode)) {
    return {
      en: `${model.id} takes only "auto" or "none" as the tool choice. Change the tool choice in Chat settings.`,
      zh: `${model.id} 的工具选择只支持“auto”或“none”。请在对话设置中修改工具选择。`,
    };
  }
  if (typeof choice === "object" && !names.includes(choice.function.name)) {
    return {
      en: `The tool choice names "${choice.function.name}", which is not among the tool definitions.`,
      zh: `工具选择指定了“${choice.function.name}”，但工具定义中没有它。`,
    };
  }
  return undefined;
}

/**
 * Models that must not think while tools are on: DeepSeek-V3.1 on SiliconFlow (upstream-contract.md, late
 * 2026: "DeepSeek-V3.1 needs thinking off while tools are on"). Only the variants with an off switch
 * (DeepSeek-V3.1-Terminus, `enable_thinking`) need a change; plain DeepSeek-V3.1 takes no switch and
 * answers without thinking here.
 */
export function toolsNeedThinkingOff(model: ModelInfo): boolean {
  return model.provider === "siliconflow" && /deepseek-v3\.1/i.test(model.id) && canSwitchThinkingOff(model);
}

export function canSwitchThinkingOff(model: ModelInfo): boolean {
  const control = model.thinking;
  return control.kind === "switch" || (control.kind === "effort" && control.switchable);
}

/**
 * Prefix completion (SiliconFlow `prefix`), per its guide (docs.siliconflow.cn/cn/userguide/guides/prefix):
 * non-reasoning models take it; the Qwen3 series takes it with thinking switched off; other reasoning
 * models (the DeepSeek-R1 series named there) do not. GLM has no such field.
 * - "yes": send it as it is; "thinking-off": send it with thinking switched off; "no": refuse.
 */
export type PrefixSupport = "yes" | "thinking-off" | "no";

export function prefixSupport(model: ModelInfo): PrefixSupport {
  if (model.provider !== "siliconflow" || model.type !== "chat") return "no";
  if (model.thinking.kind === "none") return "yes";
  if (/(^|\/)qwen3[-.]/i.test(model.id) && canSwitchThinkingOff(model)) return "thinking-off";
  return "no";
}

export function prefixRefusal(model: ModelInfo): Message | undefined {
  if (prefixSupport(model) !== "no") return undefined;
  if (model.provider === "glm") {
    return {
      en: `${model.id} cannot continue from a prefix: GLM has no prefix completion. Pick a SiliconFlow model.`,
      zh: `${model.id} 无法从前缀续写：GLM 不支持前缀续写。请选择硅基流动的模型。`,
    };
  }
  return {
    en: `${model.id} cannot continue from a prefix: SiliconFlow takes prefixes on non-reasoning models and on Qwen3 with thinking off. Pick such a model.`,
    zh: `${model.id} 无法从前缀续写：硅基流动只在非推理模型和关闭思考的 Qwen3 上支持前缀续写。请换一个这样的模型。`,
  };
}

/** JSON mode: the catalog entry says `jsonMode` (SiliconFlow answers 400 code 20024 otherwise). */
export function jsonModeRefusal(model: ModelInfo): Message | undefined {
  if (model.jsonMode) return undefined;
  return {
    en: `${model.id} does not take JSON mode. Pick another model or switch JSON mode off.`,
    zh: `${model.id} 不支持 JSON 模式。请换一个模型，或关闭 JSON 模式。`,
  };
}
