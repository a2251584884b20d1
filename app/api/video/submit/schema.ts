import { z } from "zod";
import { MAX_IMAGE_DATA_URI, VIDEO_SIZES } from "@/lib/video/types";

/** Model ids look like `Wan-AI/Wan2.2-T2V-A14B`; the pattern keeps odd characters out of logs and bodies. */
export const modelId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.\-/:]+$/, "not a model id");

/**
 * The start image is a data URI only: no route fetches a URL the client supplied, and the
 * provider would fetch an http(s) URL itself, which would let a user point it anywhere.
 */
export const imageDataUri = z
  .string()
  .max(MAX_IMAGE_DATA_URI, "start image is too large (about 7 MB at most)")
  .regex(/^data:image\/(png|jpeg|webp|gif|bmp);base64,[A-Za-z0-9+/]+={0,2}$/, "must be a data:image/...;base64, URI");

export const submitSchema = z.strictObject({
  model: modelId,
  prompt: z.string().trim().min(1, "prompt is required").max(4000),
  negativePrompt: z.string().trim().max(4000).optional(),
  size: z.enum(VIDEO_SIZES),
  // SiliconFlow accepts 0 … 9999999999 for seeds.
  seed: z.number().int().min(0).max(9_999_999_999).optional(),
  image: imageDataUri.optional(),
});

export type SubmitInput = z.infer<typeof submitSchema>;
