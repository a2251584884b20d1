import type { JSONValue } from "ai";
import { AppError } from "@/lib/errors";
import type { ModelInfo } from "@/lib/providers/catalog";
import { validateSettings } from "./limits";
import type { ChatSettingsInput } from "./types";

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
export function toCallSettings(model: ModelInfo, settings: ChatSettingsInput = {}): CallSettings {
  const issue = validateSettings(model, settings)[0];
  if (issue) {
    throw new AppError("bad_request", {
      detail: `settings.${issue.field}: ${issue.message.en}`,
      message: issue.message,
    });
  }
  const out: CallSettings = {};
  if (settings.systemPrompt?.trim()) out.instructions = settings.systemPrompt;
  if (settings.temperature !== undefined) out.temperature = settings.temperature;
  if (settings.topP !== undefined) out.topP = settings.topP;
  if (settings.maxTokens !== undefined) out.maxOutputTokens = settings.maxTokens;
  if (settings.frequencyPenalty !== undefined) out.frequencyPenalty = settings.frequencyPenalty;
  if (settings.stop !== undefined && settings.stop.length > 0) out.stopSequences = settings.stop;

  const extra: Record<string, JSONValue> = {};
  if (model.provider === "siliconflow") {
    if (settings.topK !== undefined) extra.top_k = settings.topK;
    if (settings.minP !== undefined) extra.min_p = settings.minP;
    if (settings.thinking !== undefined) extra.enable_thinking = settings.thinking;
    // A budget means nothing with thinking switched off; SiliconFlow ignores it, so do not send it.
    if (settings.thinkingBudget !== undefined && settings.thinking !== false) {
      extra.thinking_budget = settings.thinkingBudget;
    }
  } else if (settings.thinking !== undefined) {
    // GLM switches thinking with `thinking: {type}` rather than SiliconFlow's `enable_thinking`.
    extra.thinking = { type: settings.thinking ? "enabled" : "disabled" };
  }
  if (Object.keys(extra).length > 0) out.providerOptions = { [model.provider]: extra };
  return out;
}
