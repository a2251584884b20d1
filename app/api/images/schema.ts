import { z } from "zod";
import { MAX_BATCH, MAX_REFERENCE_BYTES, MAX_SEED, PROMPT_MAX_CHARS } from "@/lib/images/capabilities";

// POST /api/images. Shapes only: the ranges that depend on the model (sizes, batch, steps,
// guidance, reference) are checked against the catalog in lib/images/validate.ts.

/**
 * A reference image travels inline, never as a URL: no route fetches an address the client chose.
 * Base64 of at most MAX_REFERENCE_BYTES; the byte count is checked after the pattern.
 */
const DATA_URI = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

export function dataUriBytes(uri: string): number {
  const b64 = uri.slice(uri.indexOf(",") + 1);
  return Math.floor((b64.length * 3) / 4) - (b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0);
}

export const imageRequestSchema = z
  .object({
    provider: z.enum(["siliconflow", "glm"]),
    model: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\w./-]+$/, "must be a model id"),
    prompt: z
      .string()
      .max(PROMPT_MAX_CHARS)
      .refine((s) => s.trim() !== "", "Enter a prompt"),
    negativePrompt: z.string().max(PROMPT_MAX_CHARS).optional(),
    size: z.string().regex(/^\d{2,4}x\d{2,4}$/, 'must look like "1024x1024"'),
    batchSize: z.number().int().min(1).max(MAX_BATCH),
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
    steps: z.number().int().min(1).max(100).optional(),
    guidance: z.number().min(0).max(20).optional(),
    image: z
      .string()
      .regex(DATA_URI, "must be a data:image/png|jpeg|webp;base64 URI")
      .refine((s) => dataUriBytes(s) <= MAX_REFERENCE_BYTES, "is larger than 7 MB")
      .optional(),
  })
  .strict();

export type ImageRequest = z.infer<typeof imageRequestSchema>;

/** The largest reference as base64 (4/3) plus the other fields: about 9.4 MB. */
export const IMAGE_BODY_MAX_BYTES = Math.ceil((MAX_REFERENCE_BYTES * 4) / 3) + 64 * 1024;
