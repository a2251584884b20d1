import { z } from "zod";
import { type AppErrorJSON, isAppErrorJSON } from "@/lib/errors";

// POST /api/complete: fill-in-the-middle on SiliconFlow's /completions (`prompt` + `suffix`, streamed).
// The route and the /complete page share this file.
//
// The FIM models come from SiliconFlow's FIM guide (seed 003 "FIM 补全", docs.siliconflow.cn
// userguide/guides/fim): the DeepSeek-V3 family and the Qwen2.5-Coder models.
export const FIM_MODELS = [
  "Qwen/Qwen2.5-Coder-7B-Instruct",
  "Qwen/Qwen2.5-Coder-32B-Instruct",
  "deepseek-ai/DeepSeek-V3",
] as const;

const COMPLETE_PREFIX_MAX = 50_000;
const COMPLETE_SUFFIX_MAX = 50_000;
export const COMPLETE_MAX_TOKENS = 4096;
export const COMPLETE_BODY_MAX_BYTES = 256 * 1024;

export const LANGUAGES = ["python", "javascript", "typescript", "go", "rust", "java", "cpp", "sql", "text"] as const;

export const completeRequestSchema = z.object({
  model: z.enum(FIM_MODELS),
  prompt: z.string().min(1).max(COMPLETE_PREFIX_MAX),
  suffix: z.string().max(COMPLETE_SUFFIX_MAX).optional(),
  maxTokens: z.number().int().min(1).max(COMPLETE_MAX_TOKENS).optional(),
  temperature: z.number().min(0).max(2).optional(),
});
export type CompleteRequest = z.infer<typeof completeRequestSchema>;

/**
 * The answer streams as NDJSON, one event a line:
 * `{"type":"text","text":"…"}` pieces of the middle, then `{"type":"finish","finishReason","usage"}`,
 * or `{"type":"error","error":AppErrorJSON}` when the provider fails after the stream began.
 */
export const completeEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string() }),
  z.object({
    type: z.literal("finish"),
    finishReason: z.string().optional(),
    usage: z.object({ input: z.number(), output: z.number() }).optional(),
  }),
  z.object({ type: z.literal("error"), error: z.custom<AppErrorJSON>(isAppErrorJSON) }),
]);
export type CompleteEvent = z.infer<typeof completeEventSchema>;

// ---- Sessions (IndexedDB table `completions`, since schema v4) ----
// One row per /complete document: the editors' text and settings, and the last run. The store
// (lib/complete/client/sessions.ts) and the backup import validate with this, so every field is
// bounded and a hostile file is refused row by row.

export const SESSION_TEXT_MAX = Math.max(COMPLETE_PREFIX_MAX, COMPLETE_SUFFIX_MAX) * 3;
export const SESSIONS_LIST_MAX = 200;

const sessionId = z.string().min(1).max(200);
const time = z.number().finite().nonnegative();
const sessionText = z.string().max(SESSION_TEXT_MAX);

/** An AppErrorJSON as stored (bounded); shown again by ErrorAlert when the session is reopened. */
const storedErrorSchema = z.object({
  code: z.string().min(1).max(60),
  status: z.number().int().min(0).max(999),
  message: z.object({ en: z.string().max(2000), zh: z.string().max(2000) }),
  detail: z.string().max(2000).optional(),
  retryable: z.boolean(),
});

const completionRunSchema = z.object({
  /** The prefix and suffix as sent. */
  prefix: sessionText,
  suffix: sessionText,
  /** What came back, as far as it arrived. */
  middle: sessionText,
  /** "streaming" only while a page is receiving it; a row left so by a closed page reads as stopped. */
  status: z.enum(["streaming", "complete", "stopped", "failed"]),
  finishReason: z.string().max(60).optional(),
  error: storedErrorSchema.optional(),
});
export type CompletionRun = z.infer<typeof completionRunSchema>;

export const completionSessionSchema = z.object({
  id: sessionId,
  createdAt: time,
  updatedAt: time,
  /** The editors' text (after Accept: the merged document in `prefix`, `suffix` empty). */
  prefix: sessionText,
  suffix: sessionText,
  language: z.string().min(1).max(40),
  model: z.string().min(1).max(200),
  maxTokens: z.number().int().min(1).max(COMPLETE_MAX_TOKENS).optional(),
  temperature: z.number().min(0).max(2).optional(),
  run: completionRunSchema.optional(),
  /** The run's middle was merged into the document. */
  accepted: z.boolean(),
});
export type CompletionSession = z.infer<typeof completionSessionSchema>;
