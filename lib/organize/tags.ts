// Conversation tags: free labels, cleaned the same way wherever they come from (form or backup).

import { TAG_MAX, TAGS_MAX } from "./bounds";

/** Trimmed, de-duplicated (case-insensitively), bounded tags. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize("NFKC").trim().replace(/\s+/g, " ").slice(0, TAG_MAX);
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length >= TAGS_MAX) break;
  }
  return out;
}

/** "work, ideas,  draft" → ["work", "ideas", "draft"] (comma or Chinese comma separated). */
export function parseTags(text: string): string[] {
  return normalizeTags(text.split(/[,，、]/));
}
