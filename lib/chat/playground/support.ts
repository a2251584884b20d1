import type { MessageRef } from "@/lib/i18n";
import type { ModelInfo } from "@/lib/providers/catalog";
import type { ToolChoice } from "./contract";

// Which playground features a model takes, from its catalog entry and the providers' docs. The chat
// settings use these to offer only what works; /api/chat applies the same rules and refuses the rest
// before anything is sent. Pure, browser-safe.

type Message = MessageRef;

/** Function calling: the catalog entry says `tools` (from each provider's function-calling model list). */
export function toolsRefusal(model: ModelInfo): Message | undefined {
  if (model.tools) return undefined;
  return { key: "playground.refusal.tools", vars: { model: model.id } };
}

type ToolChoiceMode = "auto" | "none" | "required" | "function";

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
    return { key: "playground.refusal.toolChoiceMode", vars: { model: model.id } };
  }
  if (typeof choice === "object" && !names.includes(choice.function.name)) {
    return { key: "playground.refusal.toolChoiceName", vars: { name: choice.function.name } };
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

function canSwitchThinkingOff(model: ModelInfo): boolean {
  const control = model.thinking;
  return control.kind === "switch" || (control.kind === "effort" && control.switchable);
}

/**
 * Prefix completion (SiliconFlow `prefix`), per its guide (docs.siliconflow.cn/cn/userguide/guides/prefix):
 * non-reasoning models take it; the Qwen3 series takes it with thinking switched off; other reasoning
 * models (the DeepSeek-R1 series named there) do not. GLM has no such field.
 * - "yes": send it as it is; "thinking-off": send it with thinking switched off; "no": refuse.
 */
type PrefixSupport = "yes" | "thinking-off" | "no";

export function prefixSupport(model: ModelInfo): PrefixSupport {
  if (model.provider !== "siliconflow" || model.type !== "chat") return "no";
  if (model.thinking.kind === "none") return "yes";
  if (/(^|\/)qwen3[-.]/i.test(model.id) && canSwitchThinkingOff(model)) return "thinking-off";
  return "no";
}

export function prefixRefusal(model: ModelInfo): Message | undefined {
  if (prefixSupport(model) !== "no") return undefined;
  if (model.provider === "glm") {
    return { key: "playground.refusal.prefixGlm", vars: { model: model.id } };
  }
  return { key: "playground.refusal.prefixSf", vars: { model: model.id } };
}

/** JSON mode: the catalog entry says `jsonMode` (SiliconFlow answers 400 code 20024 otherwise). */
export function jsonModeRefusal(model: ModelInfo): Message | undefined {
  if (model.jsonMode) return undefined;
  return { key: "playground.refusal.jsonMode", vars: { model: model.id } };
}
