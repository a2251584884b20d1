import type { Choice, NumberRange, SizeRule } from "@/lib/providers/media";

// Pure checks of one request value against a model's spec, shared by the image, video and speech
// request builders (browser and server alike). A problem is an Issue: the app's field name and a
// message in both languages that says what the model accepts, so the form can show it beside the
// field and the server can refuse with the same words.

export interface Issue {
  /** The request field, e.g. "size", "references", "turns.3.text". */
  field: string;
  message: { en: string; zh: string };
}

export const issue = (field: string, en: string, zh: string): Issue => ({ field, message: { en, zh } });

/** A field this model does not take at all. */
export function notTaken(field: string, model: string, label: { en: string; zh: string }): Issue {
  return issue(field, `${model} does not take ${label.en}`, `${model} 不支持${label.zh}`);
}

export function checkRange(
  field: string,
  value: number,
  range: NumberRange,
  model: string,
  label: { en: string; zh: string },
): Issue | null {
  const whole = range.integer ? Number.isInteger(value) : true;
  if (Number.isFinite(value) && whole && value >= range.min && value <= range.max) return null;
  const kind = range.integer ? { en: "a whole number ", zh: "整数，" } : { en: "", zh: "" };
  return issue(
    field,
    `${label.en} must be ${kind.en}from ${range.min} to ${range.max} for ${model}`,
    `${model} 的${label.zh}须为${kind.zh}范围 ${range.min}–${range.max}`,
  );
}

export function checkChoice<T extends string | number>(
  field: string,
  value: T,
  choice: Choice<T>,
  model: string,
  label: { en: string; zh: string },
): Issue | null {
  if (choice.options.includes(value)) return null;
  const list = choice.options.join(", ");
  return issue(field, `${label.en} must be one of ${list} for ${model}`, `${model} 的${label.zh}可选：${list}`);
}

const SIZE = /^(\d{2,5})x(\d{2,5})$/;

export function parseSize(size: string): { width: number; height: number } | null {
  const m = SIZE.exec(size);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

/** Whether `size` is one the rule offers, or fits its custom bounds. */
export function sizeAllowed(size: string, rule: SizeRule): boolean {
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
  const extra = custom
    ? {
        en: `, or any size with sides ${custom.min}–${custom.max} divisible by ${custom.multipleOf}`,
        zh: `，或边长 ${custom.min}–${custom.max} 且能被 ${custom.multipleOf} 整除的任意尺寸`,
      }
    : { en: "", zh: "" };
  return issue(
    field,
    `${model} does not offer ${size}; pick one of ${list}${extra.en}`,
    `${model} 不支持尺寸 ${size}，可选：${list}${extra.zh}`,
  );
}

/** Counted in code points, as the providers count characters (an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}

export function checkPrompt(field: string, text: string, max: number, model: string): Issue | null {
  if (charCount(text) <= max) return null;
  return issue(field, `${model} takes at most ${max} characters here`, `${model} 此处最多 ${max} 个字符`);
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
