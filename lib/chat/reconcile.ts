import type { ModelInfo } from "@/lib/providers/catalog";
import { NUMBER_BOUNDS } from "./bounds";
import {
  budgetRange,
  type SettingField,
  type SettingIssue,
  STOP_MAX,
  supportedSettings,
  TOP_K_MAX,
  TOP_K_MIN,
  validateSettings,
} from "./limits";
import type { ChatSettingsInput } from "./types";

// Settings made for one model, fitted to another. A value the model cannot take is never dropped
// quietly: a number out of the model's range is clamped to it, a level the model does not offer
// becomes its default, a field the model does not take at all is left out of the request — and each
// of these is reported, so the UI can say what was changed. Pure: the composer, the settings panel
// and the tests use it.

export interface SettingChange {
  field: SettingField;
  from: unknown;
  to: unknown;
}

export interface Reconciled {
  /** What can be sent to the model as it is. */
  settings: ChatSettingsInput;
  /** Values changed to fit the model. */
  clamped: SettingChange[];
  /** Fields set but not taken by this model (kept in the conversation, not sent). */
  unused: SettingField[];
  /** Values that could not be fitted (not a number): sending must wait until the field is fixed. */
  blocked: SettingIssue[];
}

export type NumberField =
  | "temperature"
  | "topP"
  | "topK"
  | "minP"
  | "maxTokens"
  | "frequencyPenalty"
  | "thinkingBudget";

/** The range one model takes for a number setting (the form's slider and field, and the clamp). */
export function numberRange(model: ModelInfo, field: NumberField): { min: number; max: number; int: boolean } {
  switch (field) {
    case "temperature":
      return { min: 0, max: model.temperatureMax, int: false };
    case "maxTokens":
      return { min: 1, max: model.maxTokensCap, int: true };
    case "topK":
      return { min: TOP_K_MIN, max: TOP_K_MAX, int: true };
    case "thinkingBudget":
      return { ...budgetRange(model), int: true };
    default:
      return { ...NUMBER_BOUNDS[field], int: false };
  }
}

export const NUMBER_FIELDS: readonly NumberField[] = [
  "temperature",
  "topP",
  "topK",
  "minP",
  "maxTokens",
  "frequencyPenalty",
  "thinkingBudget",
];

/** Whether a stored value counts as set (empty text and empty lists do not). */
export function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function reconcileSettings(model: ModelInfo, settings: ChatSettingsInput | undefined): Reconciled {
  const out: ChatSettingsInput = {};
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
export function withClamped(settings: ChatSettingsInput, changes: readonly SettingChange[]): ChatSettingsInput {
  const next: ChatSettingsInput = { ...settings };
  for (const change of changes) (next as Record<string, unknown>)[change.field] = change.to;
  return next;
}
