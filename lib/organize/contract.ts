// Organize and reuse: folders, assistants (saved presets) and saved prompts. The shapes and bounds
// every reader shares: the Dexie tables (lib/db/schema.ts), the backup import and the prompt
// library's JSON import all validate with these, so a hostile file is refused field by field.

import { z } from "zod";
import { JSON_SCHEMA_MAX_CHARS, TOOL_DEFINITIONS_MAX_CHARS } from "@/lib/chat/playground/bounds";
import { ASSISTANT_IMAGE_MAX_CHARS, assistantImageProblem } from "./assistant-image";
import { EMOJI_MAX, type Folder, NAME_MAX, PROMPTS_FORMAT, TAG_MAX, TAGS_MAX } from "./bounds";

// Browser code that only needs a bound takes it from bounds.ts (no zod); these re-exports keep the
// server's and the tests' imports in one place.
export { EMOJI_MAX, type Folder, NAME_MAX, PROMPTS_FORMAT, TAG_MAX, TAGS_MAX };

/** A system prompt or a saved prompt's body: generous, but bounded so a file cannot fill the disk. */
const TEXT_MAX = 100_000;
/** One import of the prompt library. */
const PROMPTS_IMPORT_MAX = 2000;

const id = z.string().min(1).max(200);
const time = z.number().finite().nonnegative();
const name = z.string().trim().min(1).max(NAME_MAX);
/** A small picture as a data: URL, checked from its bytes and bounded (lib/organize/assistant-image.ts). */
const image = z
  .string()
  .max(ASSISTANT_IMAGE_MAX_CHARS)
  .refine((v) => assistantImageProblem(v) === null, { message: "not a small PNG, JPEG or WebP image" });

const modelRefSchema = z.object({ provider: z.enum(["siliconflow", "glm"]), id: z.string().min(1).max(200) });

/** Chat settings as an assistant keeps them: the keys the chat request takes, each with its type. */
const presetSettingsSchema = z
  .object({
    temperature: z.number().finite(),
    topP: z.number().finite(),
    topK: z.number().finite(),
    minP: z.number().finite(),
    maxTokens: z.number().int().positive(),
    frequencyPenalty: z.number().finite(),
    stop: z.array(z.string().max(200)).max(16),
    thinking: z.boolean(),
    thinkingBudget: z.number().int().nonnegative(),
    reasoningEffort: z.string().max(40),
  })
  .partial();

/**
 * Tools and JSON mode as an assistant keeps them: the editors' text, as the chat settings keep it
 * (lib/chat/playground/settings.ts), so "Start chat" copies it as is and the chat checks it again.
 */
const presetPlaygroundSchema = z.object({
  toolsText: z.string().max(TOOL_DEFINITIONS_MAX_CHARS).optional(),
  jsonMode: z.boolean().optional(),
  jsonSchemaText: z.string().max(JSON_SCHEMA_MAX_CHARS).optional(),
});
export type PresetPlayground = z.infer<typeof presetPlaygroundSchema>;

export const folderSchema = z.object({
  id,
  name,
  createdAt: time,
  updatedAt: time,
});
// Folder is declared in bounds.ts (the sidebar needs it without zod); it must stay the schema's shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const folderShape: Same<z.infer<typeof folderSchema>, Folder> = true;
void folderShape;

export const assistantSchema = z.object({
  id,
  name,
  emoji: z.string().max(EMOJI_MAX).optional(),
  /** Shown instead of the emoji where set. */
  image: image.optional(),
  description: z.string().max(500).optional(),
  model: modelRefSchema.optional(),
  systemPrompt: z.string().max(TEXT_MAX),
  settings: presetSettingsSchema.optional(),
  /** Tool definitions and JSON mode, copied into a new chat's settings. */
  playground: presetPlaygroundSchema.optional(),
  /** Shown at the top of a new conversation with this assistant; never sent to the model. */
  openingMessage: z.string().max(TEXT_MAX).optional(),
  createdAt: time,
  updatedAt: time,
});
export type Assistant = z.infer<typeof assistantSchema>;

/**
 * What a conversation keeps of the assistant it came from: a copy taken when the chat started, so
 * editing or deleting the assistant never rewrites past conversations.
 */
export const assistantRefSchema = z.object({
  id,
  name: z.string().max(NAME_MAX),
  emoji: z.string().max(EMOJI_MAX).optional(),
  image: image.optional(),
  openingMessage: z.string().max(TEXT_MAX).optional(),
});
export type AssistantRef = z.infer<typeof assistantRefSchema>;

export const promptSchema = z.object({
  id,
  title: name,
  body: z.string().min(1).max(TEXT_MAX),
  createdAt: time,
  updatedAt: time,
});
export type SavedPrompt = z.infer<typeof promptSchema>;

export const tagSchema = z.string().trim().min(1).max(TAG_MAX);

/** The prompt library's own export file (Settings has the full backup). */
export const promptsFileSchema = z.object({
  format: z.literal(PROMPTS_FORMAT),
  version: z.literal(1),
  prompts: z.array(z.unknown()).max(PROMPTS_IMPORT_MAX),
});

/** A draft from the assistant form, before it gets an id and times. */
export const assistantDraftSchema = assistantSchema.omit({ id: true, createdAt: true, updatedAt: true });
export type AssistantDraft = z.infer<typeof assistantDraftSchema>;
