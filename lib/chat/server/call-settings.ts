import "server-only";
import type { JSONValue } from "ai";
import type { ChatSettings } from "@/lib/chat/contract";
import { validateSettings } from "@/lib/chat/reconcile";
import { AppError } from "@/lib/errors";
import { inEnglish } from "@/lib/i18n";
import type { ModelInfo } from "@/lib/providers/catalog";

// Chat settings → streamText options. Standard settings use the SDK's own fields; the provider-only
// ones travel in providerOptions[provider], which @ai-sdk/openai-compatible spreads into the request
// body as top-level fields with exactly these names (checked against the simulator's request log).

export interface CallSettings {
  instructions?: string;
  temperature?: number;
  topP?: number;
  maxOutputTokens?: number;
  frequencyPenalty?: number;
  stopSequences?: string[];
  providerOptions?: Record<string, Record<string, JSONValue>>;
}

/** Validates `settings` for `model` (a 400 naming the first bad field) and maps them. */
export function toCallSettings(model: ModelInfo, settings: ChatSettings = {}): CallSettings {
  const issue = validateSettings(model, settings)[0];
  if (issue) {
    throw new AppError("bad_request", {
      detail: `settings.${issue.field}: ${inEnglish(issue.message)}`,
      ...issue.message,
    });
  }
  const out: CallSettings = {};
  if (settings.systemPrompt?.trim()) out.instructions = settings.systemPrompt;
  if (settings.temperature !== undefined) out.temperature = settings.temperature;
  if (settings.topP !== undefined) out.topP = settings.topP;
  // max_tokens is always sent: the handler sets the model's cap when the user set none (lib/chat/context.ts).
  if (settings.maxTokens !== undefined) out.maxOutputTokens = settings.maxTokens;
  if (settings.frequencyPenalty !== undefined) out.frequencyPenalty = settings.frequencyPenalty;
  if (settings.stop !== undefined && settings.stop.length > 0) out.stopSequences = settings.stop;

  const extra: Record<string, JSONValue> = {};
  if (model.provider === "siliconflow") {
    if (settings.topK !== undefined) extra.top_k = settings.topK;
    if (settings.minP !== undefined) extra.min_p = settings.minP;
  }

  Object.assign(extra, thinkingFields(model, settings));
  if (Object.keys(extra).length > 0) out.providerOptions = { [model.provider]: extra };
  return out;
}

/**
 * The request fields that switch or tune thinking, by the model's thinking control. Nothing is sent
 * that the model's documentation does not list: SiliconFlow refuses `enable_thinking` on any other
 * model with 400 code 20015 (upstream-contract.md, late 2026; cherry-studio #6642).
 */
export function thinkingFields(model: ModelInfo, settings: ChatSettings): Record<string, JSONValue> {
  const control = model.thinking;
  const sf = model.provider === "siliconflow";
  const out: Record<string, JSONValue> = {};
  const canSwitch = control.kind === "switch" || (control.kind === "effort" && control.switchable);
  if (canSwitch && settings.thinking !== undefined) {
    // SiliconFlow: enable_thinking; GLM: thinking {type} (docs.bigmodel.cn, thinking mode).
    if (sf) out.enable_thinking = settings.thinking;
    else out.thinking = { type: settings.thinking ? "enabled" : "disabled" };
  }
  const off = canSwitch && settings.thinking === false;
  // A budget means nothing with thinking switched off; SiliconFlow ignores it, so do not send it.
  if (sf && (control.kind === "switch" || control.kind === "always") && control.budget && !off) {
    if (settings.thinkingBudget !== undefined) out.thinking_budget = settings.thinkingBudget;
  }
  if (control.kind === "effort" && !off && settings.reasoningEffort !== undefined) {
    out.reasoning_effort = settings.reasoningEffort;
  }
  return out;
}
