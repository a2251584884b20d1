// The organize slice's bounds and its one shape the browser's first load needs (a folder), without
// zod: the chat sidebar creates and renames folders and cleans tags, so these are on the chat page's
// first load. The schemas (contract.ts, which re-exports these) are built from the same numbers; the
// folder's name rule is checked against its schema by a unit test (organize-bounds).

export const NAME_MAX = 100;
export const EMOJI_MAX = 16;
export const TAG_MAX = 40;
export const TAGS_MAX = 20;
/** The `format` field of the prompt library's JSON file. */
export const PROMPTS_FORMAT = "siliconplay-prompts";

export interface Folder {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

/** A folder's (or an assistant's, a prompt's) name as stored: trimmed, 1–NAME_MAX characters; else null. */
export function cleanName(name: string): string | null {
  const trimmed = name.trim();
  return trimmed.length >= 1 && trimmed.length <= NAME_MAX ? trimmed : null;
}
