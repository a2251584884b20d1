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

export const COMPLETE_PREFIX_MAX = 50_000;
export const COMPLETE_SUFFIX_MAX = 50_000;
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
