import { z } from "zod";
import { CUSTOM_NAME_PATTERN, MAX_VOICE_BYTES, MAX_VOICE_TEXT_CHARS } from "@/lib/speech/constants";
import { CUSTOM_URI } from "../speech/schema";

export const deleteVoiceSchema = z
  .object({ uri: z.string().regex(CUSTOM_URI, "must be a speech: voice uri") })
  .strict();

export const uploadFieldsSchema = z.object({
  customName: z.string().regex(CUSTOM_NAME_PATTERN, "use 1–64 letters, digits, underscores or hyphens"),
  text: z.string().min(1, "enter what the recording says").max(MAX_VOICE_TEXT_CHARS),
  model: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, "must be a model id")
    .max(200),
});

/** The file cap plus room for the multipart framing and the text fields. */
export const VOICE_FORM_MAX_BYTES = MAX_VOICE_BYTES + 64 * 1024;

/** One row of the provider's list, kept only when it has the fields the UI needs. */
const listedVoice = z.object({
  uri: z.string(),
  customName: z.string().optional().default(""),
  text: z.string().optional().default(""),
  model: z.string().optional().default(""),
});

/** `{results: […]}` as documented, or `{result: […]}` as some clients have seen. */
export function normalizeVoiceList(body: unknown) {
  const rec = (body ?? {}) as { results?: unknown; result?: unknown };
  const rows = Array.isArray(rec.results) ? rec.results : Array.isArray(rec.result) ? rec.result : [];
  return rows.flatMap((row) => {
    const parsed = listedVoice.safeParse(row);
    if (!parsed.success) return [];
    const v = parsed.data;
    // Older rows may lack customName; the uri carries it (speech:<name>:…).
    return [{ ...v, customName: v.customName || (v.uri.split(":")[1] ?? v.uri) }];
  });
}
