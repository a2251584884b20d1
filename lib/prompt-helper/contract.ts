import { z } from "zod";
import { PROMPT_MAX_CHARS } from "@/lib/images/capabilities";

// POST /api/improve-prompt: a chat model rewrites a short image or video idea into a detailed prompt.
// The route and the studios' "Improve prompt" button share this file.

/** The chat model asked, per provider: free models, so a rewrite costs nothing (catalog `free: true`). */
export const HELPER_MODELS = { siliconflow: "Qwen/Qwen2.5-7B-Instruct", glm: "glm-4-flash" } as const;

/** The rewrite must still fit the studio's prompt box. */
export const HELPER_MAX_TOKENS = 400;
export const IMPROVE_BODY_MAX_BYTES = 16 * 1024;

export const improveRequestSchema = z.object({
  prompt: z.string().trim().min(1).max(PROMPT_MAX_CHARS),
  /** What the prompt is for: the instruction differs a little between a still and a clip. */
  kind: z.enum(["image", "video"]).default("image"),
});
export type ImproveRequest = z.infer<typeof improveRequestSchema>;

export const improveResponseSchema = z.object({
  suggestion: z.string().min(1).max(PROMPT_MAX_CHARS),
  model: z.string(),
});
export type ImproveResponse = z.infer<typeof improveResponseSchema>;
