import type { MessageKey, MessageVars } from "@/lib/i18n";
import type { ModelInfo } from "@/lib/providers/catalog";
import {
  FIELD_NAMES,
  NUMBER_BOUNDS,
  NUMBER_FIELDS,
  type NumberField,
  type SettingField,
  type SettingIssue,
  STOP_MAX,
} from "./bounds";
import type { ChatSettings } from "./contract";

// Chat settings and one model: which settings it takes, what is wrong with a set of values for it,
// and the same settings fitted to it. Pure and zod-free: the settings form, the composer, /api/chat
// (a 400 that names the field; nothing is sent upstream) and the tests use it. The widest ranges are
// the bounds table's (bounds.ts); these are the ranges of one model and one provider.
//
// A value the model cannot take is never dropped quietly when fitting: a number out of the model's
// range is clamped to it, a level the model does not offer becomes its default, a field the model
// does not take at all is left out of the request — and each of these is reported, so the UI can say
// what was changed.

/**
 * The settings a model takes, so the form can hide the others. GLM has no top_k, min_p,
 * frequency_penalty or thinking budget; min_p is a Qwen3 parameter on SiliconFlow; the Thinking
 * switch, the budget and the effort follow the model's thinking control (lib/providers/catalog-types.ts).
 */
export function supportedSettings(model: ModelInfo): Record<SettingField, boolean> {
  const sf = model.provider === "siliconflow";
  const control = model.thinking;
  return {
    systemPrompt: true,
    temperature: true,
    topP: true,
    maxTokens: true,
    stop: true,
    topK: sf,
    minP: sf && /qwen3/i.test(model.id),
    frequencyPenalty: sf,
    thinking: control.kind === "switch" || (control.kind === "effort" && control.switchable),
    thinkingBudget: sf && (control.kind === "switch" || control.kind === "always") && control.budget !== undefined,
    reasoningEffort: control.kind === "effort",
  };
}

/** Every problem with `settings` for `model`; empty when the settings can be sent as they are. */
export function validateSettings(model: ModelInfo, settings: ChatSettings): SettingIssue[] {
  const issues: SettingIssue[] = [];
  const supported = supportedSettings(model);
  const add = (field: SettingField, key: MessageKey, vars?: MessageVars) =>
    issues.push({ field, message: vars ? { key, vars } : { key } });
  const range = (field: SettingField, value: number, min: number, max: number) => {
    if (!Number.isFinite(value) || value < min || value > max) {
      add(field, "check.chat.range", { field: { key: FIELD_NAMES[field] }, model: model.id, min, max });
    }
  };

  for (const field of Object.keys(settings) as SettingField[]) {
    if (settings[field] === undefined || supported[field]) continue;
    add(field, "check.chat.notTaken", { model: model.id, field: { key: FIELD_NAMES[field] } });
  }

  const s = settings;
  if (s.temperature !== undefined) range("temperature", s.temperature, 0, model.temperatureMax);
  if (s.topP !== undefined) range("topP", s.topP, 0, 1);
  if (s.maxTokens !== undefined) {
    if (!Number.isInteger(s.maxTokens)) add("maxTokens", "check.chat.maxTokensWhole");
    else range("maxTokens", s.maxTokens, 1, model.maxTokensCap);
  }
  if (s.frequencyPenalty !== undefined && supported.frequencyPenalty) {
    range("frequencyPenalty", s.frequencyPenalty, -2, 2);
  }
  if (s.topK !== undefined && supported.topK) {
    if (!Number.isInteger(s.topK)) add("topK", "check.chat.topKWhole");
    else range("topK", s.topK, NUMBER_BOUNDS.topK.min, NUMBER_BOUNDS.topK.max);
  }
  if (s.minP !== undefined && supported.minP) range("minP", s.minP, 0, 1);
  if (s.thinkingBudget !== undefined && supported.thinkingBudget) {
    if (!Number.isInteger(s.thinkingBudget)) {
      add("thinkingBudget", "check.chat.budgetWhole");
    } else {
      const { min, max } = budgetRange(model);
      range("thinkingBudget", s.thinkingBudget, min, max);
    }
  }
  const control = model.thinking;
  if (s.reasoningEffort !== undefined && control.kind === "effort" && !control.levels.includes(s.reasoningEffort)) {
    const levels = control.levels.join(", ");
    add("reasoningEffort", "check.chat.effort", { model: model.id, levels });
  }
  if (s.stop !== undefined) {
    const max = STOP_MAX[model.provider];
    if (s.stop.length > max) {
      add("stop", "check.chat.stopMax", { model: model.id, max });
    }
    if (s.stop.some((seq) => seq.length === 0)) add("stop", "check.chat.stopEmpty");
  }
  return issues;
}

/** The thinking budget a model takes (the bounds table's unless the catalog narrows it). */
function budgetRange(model: ModelInfo): { min: number; max: number } {
  const control = model.thinking;
  const budget = control.kind === "switch" || control.kind === "always" ? control.budget : undefined;
  return budget ?? { min: NUMBER_BOUNDS.thinkingBudget.min, max: NUMBER_BOUNDS.thinkingBudget.max };
}

export interface SettingChange {
  field: SettingField;
  from: unknown;
  to: unknown;
}

export interface Reconciled {
  /** What can be sent to the model as it is. */
  settings: ChatSettings;
  /** Values changed to fit the model. */
  clamped: SettingChange[];
  /** Fields set but not taken by this model (kept in the conversation, not sent). */
  unused: SettingField[];
  /** Values that could not be fitted (not a number): sending must wait until the field is fixed. */
  blocked: SettingIssue[];
}

/** The range one model takes for a number setting (the form's slider and field, and the clamp). */
export function numberRange(model: ModelInfo, field: NumberField): { min: number; max: number; int: boolean } {
  switch (field) {
    case "temperature":
      return { min: 0, max: model.temperatureMax, int: false };
    case "maxTokens":
      return { min: 1, max: model.maxTokensCap, int: true };
    case "topK":
      return { ...NUMBER_BOUNDS.topK };
    case "thinkingBudget":
      return { ...budgetRange(model), int: true };
    default:
      return { ...NUMBER_BOUNDS[field], int: false };
  }
}

/** Whether a stored value counts as set (empty text and empty lists do not). */
function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function reconcileSettings(model: ModelInfo, settings: ChatSettings | undefined): Reconciled {
  const out: ChatSettings = {};
  const clamped: SettingChange[] = [];
  const unused: SettingField[] = [];
  const blocked: SettingIssue[] = [];
  const supported = supportedSettings(model);
  for (const [key, value] of Object.entries(settings ?? {}) as [SettingField, unknown][]) {
    if (!isSet(value)) continue;
    if (!supported[key]) {
      unused.push(key);
      continue;
    }
    (out as Record<string, unknown>)[key] = value;
  }

  for (const field of NUMBER_FIELDS) {
    const value = out[field];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      blocked.push({ field, message: { key: "check.chat.number" } });
      delete out[field];
      continue;
    }
    const { min, max, int } = numberRange(model, field);
    let next = Math.min(max, Math.max(min, value));
    if (int) next = Math.round(next);
    if (next !== value) {
      clamped.push({ field, from: value, to: next });
      out[field] = next;
    }
  }

  if (out.stop) {
    const kept = out.stop.filter((s) => s.length > 0).slice(0, STOP_MAX[model.provider]);
    if (kept.length !== out.stop.length) clamped.push({ field: "stop", from: out.stop, to: kept });
    if (kept.length > 0) out.stop = kept;
    else delete out.stop;
  }

  const control = model.thinking;
  if (out.reasoningEffort !== undefined && control.kind === "effort" && !control.levels.includes(out.reasoningEffort)) {
    clamped.push({ field: "reasoningEffort", from: out.reasoningEffort, to: control.default });
    out.reasoningEffort = control.default;
  }

  // Anything the rules above could not fit (there should be nothing) blocks the field it names.
  for (const issue of validateSettings(model, out)) {
    blocked.push(issue);
    delete out[issue.field];
  }
  return { settings: out, clamped, unused, blocked };
}

/** The settings with the clamped values written back, for storing after a notice (unused fields stay). */
export function withClamped(settings: ChatSettings, changes: readonly SettingChange[]): ChatSettings {
  const next: ChatSettings = { ...settings };
  for (const change of changes) (next as Record<string, unknown>)[change.field] = change.to;
  return next;
}
