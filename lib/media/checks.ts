import type { MessageKey, MessageRef, MessageVars } from "@/lib/i18n";
import type { Choice, NumberRange, SizeRule } from "@/lib/providers/media";

// Pure checks of one request value against a model's spec, shared by the image, video and speech
// request builders (browser and server alike). A problem is an Issue: the app's field name and a
// message (a key and its values) that says what the model accepts, so the form can show it beside the
// field and the server can refuse with the same words.

export interface Issue {
  /** The request field, e.g. "size", "references", "turns.3.text". */
  field: string;
  message: MessageRef;
}

export const issue = (field: string, key: MessageKey, vars?: MessageVars): Issue => ({
  field,
  message: vars ? { key, vars } : { key },
});

/** A field this model does not take at all; `label` names it as a phrase ("a seed"). */
export function notTaken(field: string, model: string, label: MessageKey): Issue {
  return issue(field, "check.notTaken", { model, label: { key: label } });
}

export function checkRange(
  field: string,
  value: number,
  range: NumberRange,
  model: string,
  label: MessageKey,
): Issue | null {
  const whole = range.integer ? Number.isInteger(value) : true;
  if (Number.isFinite(value) && whole && value >= range.min && value <= range.max) return null;
  return issue(field, range.integer ? "check.rangeWhole" : "check.range", {
    label: { key: label },
    min: range.min,
    max: range.max,
    model,
  });
}

export function checkChoice<T extends string | number>(
  field: string,
  value: T,
  choice: Choice<T>,
  model: string,
  label: MessageKey,
): Issue | null {
  if (choice.options.includes(value)) return null;
  return issue(field, "check.choice", { label: { key: label }, list: choice.options.join(", "), model });
}

const SIZE = /^(\d{2,5})x(\d{2,5})$/;

function parseSize(size: string): { width: number; height: number } | null {
  const m = SIZE.exec(size);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

/** Whether `size` is one the rule offers, or fits its custom bounds. */
function sizeAllowed(size: string, rule: SizeRule): boolean {
  if (rule.options.includes(size)) return true;
  const custom = rule.custom;
  const parsed = parseSize(size);
  if (!custom || !parsed) return false;
  const side = (n: number) => n >= custom.min && n <= custom.max && n % custom.multipleOf === 0;
  return side(parsed.width) && side(parsed.height) && parsed.width * parsed.height <= custom.maxPixels;
}

export function checkSize(field: string, size: string, rule: SizeRule, model: string): Issue | null {
  if (sizeAllowed(size, rule)) return null;
  const list = rule.options.join(", ");
  const custom = rule.custom;
  return custom
    ? issue(field, "check.sizeCustom", { model, size, list, min: custom.min, max: custom.max, step: custom.multipleOf })
    : issue(field, "check.size", { model, size, list });
}

/** Counted in code points, as the providers count characters (an emoji is one). */
function charCount(text: string): number {
  return [...text].length;
}

export function checkPrompt(field: string, text: string, max: number, model: string): Issue | null {
  if (charCount(text) <= max) return null;
  return issue(field, "check.promptMax", { model, max });
}

/** `data:<mime>;base64,<payload>` split, or null when it is not one. */
export function parseDataUri(uri: string): { mime: string; base64: string } | null {
  const m = /^data:([\w.+-]+\/[\w.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/.exec(uri);
  return m ? { mime: (m[1] ?? "").toLowerCase(), base64: m[2] ?? "" } : null;
}

/** Decoded bytes of a base64 data URI, counted without decoding it. */
export function dataUriBytes(uri: string): number {
  const b64 = uri.slice(uri.indexOf(",") + 1);
  return Math.floor((b64.length * 3) / 4) - (b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0);
}

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
