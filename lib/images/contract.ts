import { z } from "zod";
import type { AppErrorJSON } from "@/lib/errors";
import { dataUriBytes } from "@/lib/media/checks";
import type { ModelRef } from "@/lib/providers/catalog-types";
import { MAX_BATCH, MAX_REFERENCE_BYTES, MAX_SEED, PROMPT_MAX_CHARS } from "./capabilities";

// POST /api/images: the request and the answer. Shapes only here; what a
// given model takes (sizes, steps, references …) is checked against its spec in request.ts, by the
// form and again by the server. Shared by the route and the browser (no server-only, no Dexie).

/** Reference images as the edit models number them: `image`, `image2`, `image3`. */
const MAX_REFERENCES = 3;
/**
 * Decoded bytes of all references together. As base64 in JSON the body must stay under the 10 MB that
 * Next buffers for requests passing through proxy.ts; the browser scales references down to fit.
 */
const MAX_REFERENCES_TOTAL_BYTES = MAX_REFERENCE_BYTES;

/**
 * A reference travels inline, never as a URL: no route fetches (or has the provider fetch) an address
 * the client chose.
 */
const REFERENCE_DATA_URI = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

const modelIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w./-]+$/, "must be a model id");

const referenceSchema = z
  .string()
  .regex(REFERENCE_DATA_URI, "must be a data:image/png|jpeg|webp;base64 URI")
  .refine((s) => dataUriBytes(s) <= MAX_REFERENCE_BYTES, "is larger than 7 MB");

export const imageRequestSchema = z
  .strictObject({
    provider: z.enum(["siliconflow", "glm"]),
    model: modelIdSchema,
    prompt: z
      .string()
      .max(PROMPT_MAX_CHARS)
      .refine((s) => s.trim() !== "", "Enter a prompt"),
    negativePrompt: z.string().max(PROMPT_MAX_CHARS).optional(),
    /** `WxH`; absent for models whose output follows the input image (the edit models). */
    size: z
      .string()
      .regex(/^\d{2,5}x\d{2,5}$/, 'must look like "1024x1024"')
      .optional(),
    /** Kolors only; absent means one image. */
    batchSize: z.number().int().min(1).max(MAX_BATCH).optional(),
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
    steps: z.number().int().min(1).max(100).optional(),
    /** Sent as `guidance_scale` or `cfg`, whichever the model names it. */
    guidance: z.number().min(0).max(20).optional(),
    /** CogView-4-250304. */
    quality: z.enum(["standard", "hd"]).optional(),
    /** In order: `image`, `image2`, `image3`. */
    references: z.array(referenceSchema).min(1).max(MAX_REFERENCES).optional(),
    /** The browser's id for this generation (its row, written before the request); echoed back. */
    jobId: z
      .string()
      .max(100)
      .regex(/^[\w-]+$/, "must be letters, digits, _ or -")
      .optional(),
  })
  .refine((r) => (r.references ?? []).reduce((sum, uri) => sum + dataUriBytes(uri), 0) <= MAX_REFERENCES_TOTAL_BYTES, {
    path: ["references"],
    message: "together are larger than 7 MB: send smaller images",
  });

export type ImageRequest = z.infer<typeof imageRequestSchema>;

/** All references as base64 (4/3) plus the other fields: about 9.4 MB. */
export const IMAGE_BODY_MAX_BYTES = Math.ceil((MAX_REFERENCES_TOTAL_BYTES * 4) / 3) + 64 * 1024;

/**
 * What the answer says about the request, for lineage: the browser stores which gallery images it sent
 * as references (their ids are its business); the answer confirms how many the provider was given and
 * hands back the browser's own job id.
 */
interface ImageRequestEcho {
  /** The `jobId` the request carried. */
  jobId?: string;
  /** References sent to the provider, in order (`image`, `image2`, `image3`). */
  references: number;
}

/** One generated image as the route returns it: the bytes themselves, never the provider's link. */
export interface GeneratedImage {
  /** Base64 of the file. */
  data: string;
  /** Sniffed from the bytes (png, jpeg, webp, gif), not taken from the provider's header. */
  mime: string;
  width: number;
  height: number;
  bytes: number;
  /** Its place in the provider's list (a failed download leaves a gap). */
  index: number;
  /** This image's own seed, when the provider reports one per image (SiliconFlow reports one per request). */
  seed?: number;
}

/** 200 body of POST /api/images. */
export interface ImageResponse extends ImageRequestEcho {
  model: ModelRef;
  /**
   * The seed the provider reports for the request (or the one sent); null for models without seeds
   * (CogView). For a batch it is the batch's seed: the images of a batch differ, so it reproduces the
   * whole batch, not one image of it on its own.
   */
  seed: number | null;
  timings: {
    /** The provider's own inference time, when it reports one. */
    inferenceMs?: number;
    /** Our call to the provider, until its JSON arrived. */
    upstreamMs: number;
    /** Downloading every result (in parallel). */
    downloadMs: number;
  };
  images: GeneratedImage[];
  /**
   * Results the provider made but the server could not download while others succeeded (an
   * expired link, a refused address). When every download fails the route answers with an error.
   */
  failed: AppErrorJSON[];
}
