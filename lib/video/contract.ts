import { z } from "zod";
import { dataUriBytes } from "@/lib/media/checks";

// The video routes' requests and answers, shared by the routes and the browser (no server-only, no Dexie). One
// durable-job pipeline for both providers: submit answers `{provider, requestId}`, and status and
// content take the same pair, so a job row needs nothing else to be carried to its end after a reload.
// What a given model takes (sizes, frames, fps …) is checked against its spec in request.ts.

const PROVIDERS = ["siliconflow", "glm"] as const;
const providerSchema = z.enum(PROVIDERS);

/** Model ids look like `Wan-AI/Wan2.2-T2V-A14B` or `cogvideox-3`. */
const videoModelId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.\-/:]+$/, "not a model id");

/** The provider's job id; it only ever travels in a JSON body, never in a URL the client builds. */
const requestId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.:-]+$/, "not a request id");

/**
 * Input frames travel as data URIs only: no route fetches a URL the client supplied, and a provider
 * given an http(s) URL would fetch it itself, which would let a user point it anywhere.
 */
const FRAME_DATA_URI = /^data:image\/(png|jpeg|webp|gif|bmp);base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * Decoded bytes of all frames together. As base64 in JSON the body must stay under the 10 MB that Next
 * buffers for requests passing through proxy.ts; the browser scales frames down to fit.
 */
const MAX_FRAMES_TOTAL_BYTES = 7 * 1024 * 1024;
export const VIDEO_SUBMIT_MAX_BYTES = Math.ceil((MAX_FRAMES_TOTAL_BYTES * 4) / 3) + 64 * 1024;

export const videoSubmitSchema = z
  .strictObject({
    /** Absent in requests from before GLM video: SiliconFlow. */
    provider: providerSchema.default("siliconflow"),
    model: videoModelId,
    /** May be empty where a frame alone carries the request (CogVideoX); the spec says. */
    prompt: z.string().trim().max(4000),
    negativePrompt: z.string().trim().max(4000).optional(),
    size: z
      .string()
      .regex(/^\d{2,5}x\d{2,5}$/, 'must look like "1280x720"')
      .optional(),
    // SiliconFlow accepts 0 … 9999999999 for seeds.
    seed: z.number().int().min(0).max(9_999_999_999).optional(),
    /** The start image, then (CogVideoX-3) the last frame. */
    frames: z.array(z.string().regex(FRAME_DATA_URI, "must be a data:image/...;base64, URI")).min(1).max(2).optional(),
    quality: z.enum(["speed", "quality"]).optional(),
    withAudio: z.boolean().optional(),
    fps: z.number().int().optional(),
    /** Seconds. */
    duration: z.number().int().optional(),
    /** The browser's id for the job row written before submitting; sent to GLM as `request_id`. */
    jobId: z
      .string()
      .max(64)
      .regex(/^[\w-]+$/, "must be letters, digits, _ or -")
      .optional(),
  })
  .refine((r) => (r.frames ?? []).reduce((sum, f) => sum + dataUriBytes(f), 0) <= MAX_FRAMES_TOTAL_BYTES, {
    path: ["frames"],
    message: "together are larger than 7 MB: send smaller images",
  });

/** What the browser sends (provider optional); what the server works with (provider filled in). */
export type VideoSubmitInput = z.input<typeof videoSubmitSchema>;
export type VideoSubmitRequest = z.output<typeof videoSubmitSchema>;

export interface VideoSubmitReply {
  provider: (typeof PROVIDERS)[number];
  requestId: string;
}

export const videoStatusSchema = z.strictObject({
  provider: providerSchema.default("siliconflow"),
  requestId,
  // Accepted so a job can name its model; neither provider needs it to answer.
  model: videoModelId.optional(),
});
export type VideoStatusInput = z.input<typeof videoStatusSchema>;

export const videoContentSchema = z.strictObject({
  provider: providerSchema.default("siliconflow"),
  requestId,
  model: videoModelId.optional(),
  /** The clip (default), or the cover image GLM makes with it (when status said `cover: true`). */
  part: z.enum(["video", "cover"]).default("video"),
});
export type VideoContentInput = z.input<typeof videoContentSchema>;

/** The provider's job states, normalised (unknown spellings are read tolerantly, see server/provider-status.ts). */
export type ProviderVideoStatus = "InQueue" | "InProgress" | "Succeed" | "Failed";

/** What POST /api/video/status answers. The result URL is never sent to the browser: media are bytes. */
export interface VideoStatusReply {
  status: ProviderVideoStatus;
  /** Queue position while InQueue, when the provider reports it. */
  position?: number;
  /** The provider's reason, for Failed. */
  reason?: string;
  /** The seed actually used, once Succeed. */
  seed?: number;
  /** Provider inference time in seconds, once Succeed. */
  inferenceSeconds?: number;
  /** Once Succeed: the provider made a cover image too (GLM), fetched with `part: "cover"`. */
  cover?: boolean;
}

/** Largest start image data URI the browser sends (characters): one frame may use the whole frames budget. */
export const MAX_IMAGE_DATA_URI = Math.floor((MAX_FRAMES_TOTAL_BYTES * 4) / 3) + 64;
