// Global defaults: the model and settings a plain new chat starts with (Settings → New chat
// defaults). They are a preference of this browser, kept in localStorage like the theme and the cost
// preferences, and read with plain checks (the chat page does not ship zod). A conversation takes a
// copy when it starts, so changing the defaults never rewrites an existing one.

import { withinBounds } from "@/lib/chat/bounds";
import type { ChatSettings, ModelRef } from "@/lib/db/schema";

export interface NewChatDefaults {
  model?: ModelRef;
  systemPrompt?: string;
  temperature?: number;
  maxTokens?: number;
}

/** The settings the defaults carry: the same keys and bounds as the chat settings panel. */
const DEFAULT_SETTING_FIELDS = ["systemPrompt", "temperature", "maxTokens"] as const;

const MODEL_ID_MAX = 200;

function parseModel(v: unknown): ModelRef | undefined {
  if (!v || typeof v !== "object") return undefined;
  const { provider, id } = v as Record<string, unknown>;
  if (provider !== "siliconflow" && provider !== "glm") return undefined;
  if (typeof id !== "string" || id.length === 0 || id.length > MODEL_ID_MAX) return undefined;
  return { provider, id };
}

/**
 * Stored defaults, field by field: a damaged or out-of-bounds field is dropped (it falls back to the
 * built-in default), the others stay. Never throws.
 */
export function parseNewChatDefaults(raw: unknown): NewChatDefaults {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  const r = raw as Record<string, unknown>;
  const out: NewChatDefaults = {};
  const model = parseModel(r.model);
  if (model) out.model = model;
  if (typeof r.systemPrompt === "string" && r.systemPrompt.trim() && withinBounds("systemPrompt", r.systemPrompt))
    out.systemPrompt = r.systemPrompt;
  if (typeof r.temperature === "number" && withinBounds("temperature", r.temperature)) out.temperature = r.temperature;
  if (typeof r.maxTokens === "number" && withinBounds("maxTokens", r.maxTokens)) out.maxTokens = r.maxTokens;
  return out;
}

/** The chat settings the defaults give a plain new chat (a fresh object each time). */
export function defaultChatSettings(d: NewChatDefaults): ChatSettings {
  const out: ChatSettings = {};
  for (const field of DEFAULT_SETTING_FIELDS) {
    const value = d[field];
    if (value !== undefined) (out as Record<string, unknown>)[field] = value;
  }
  return out;
}

/**
 * The model a plain new chat starts with: one picked on the new-chat screen, else the defaults' model
 * while the model list still offers it (or before it has loaded), else `fallback` (the last one used).
 */
export function newChatModel(
  picked: ModelRef | undefined,
  d: NewChatDefaults,
  models: readonly ModelRef[],
  fallback: () => ModelRef,
): ModelRef {
  if (picked) return picked;
  const m = d.model;
  if (m && (models.length === 0 || models.some((x) => x.provider === m.provider && x.id === m.id))) return m;
  return fallback();
}

/**
 * A chat started from an assistant: the assistant's model and settings win field by field; the
 * defaults fill only what the assistant leaves unset.
 */
export function assistantStart(
  d: NewChatDefaults,
  assistant: { model?: ModelRef; settings: ChatSettings },
): { model?: ModelRef; settings: ChatSettings } {
  const model = assistant.model ?? d.model;
  const settings = defaultChatSettings(d);
  for (const [key, value] of Object.entries(assistant.settings)) {
    if (value !== undefined) (settings as Record<string, unknown>)[key] = value;
  }
  return { ...(model ? { model: { provider: model.provider, id: model.id } } : {}), settings };
}
