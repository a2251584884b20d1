import "server-only";
import { z } from "zod";
import type { CustomVoice } from "../contract";

// The provider's voice list as /api/voices answers it. Its rows are read leniently: a row missing a
// field the UI can do without gets a default, a row without a uri is left out.

/** One row of the provider's list, kept only when it has the fields the UI needs. */
const listedVoice = z.object({
  uri: z.string(),
  customName: z.string().optional().default(""),
  text: z.string().optional().default(""),
  model: z.string().optional().default(""),
});

/** `{results: […]}` as documented, or `{result: […]}` as some clients have seen. */
export function normalizeVoiceList(body: unknown): CustomVoice[] {
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
