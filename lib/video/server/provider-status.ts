import "server-only";
// Reads the providers' job answers tolerantly: SiliconFlow's POST /video/status and GLM's GET
// /async-result/{id}. Only fields from the provider's own answer are used; the result URLs stay on
// the server (the content route downloads them).

import type { ProviderVideoStatus, VideoStatusReply } from "../contract";

export interface ParsedProviderStatus {
  reply: VideoStatusReply;
  /** `results.videos[0].url` (GLM: `video_result[0].url`), present once Succeed. */
  videoUrl?: string;
  /** GLM's `video_result[0].cover_image_url`. */
  coverUrl?: string;
}

function obj(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function finite(value: unknown): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

/**
 * The docs spell the states InQueue / InProgress / Succeed / Failed; other spellings seen in the
 * wild ("Success", "Running", "FAILED") map to the nearest one. An unknown state is treated as
 * still queued, so the job keeps being polled instead of being declared failed on a guess.
 */
export function normaliseStatus(raw: unknown): ProviderVideoStatus {
  const s = String(raw ?? "")
    .toLowerCase()
    .replace(/[\s_-]/g, "");
  if (s.startsWith("succe") || s === "done" || s === "completed") return "Succeed";
  if (s.startsWith("fail") || s === "error" || s === "cancelled" || s === "canceled") return "Failed";
  if (s === "inprogress" || s === "running" || s === "processing") return "InProgress";
  return "InQueue";
}

export function parseProviderStatus(json: unknown): ParsedProviderStatus {
  const body = obj(json);
  const status = normaliseStatus(body.status);
  const reply: VideoStatusReply = { status };
  const position = finite(body.position);
  if (status === "InQueue" && position !== undefined && position >= 0) reply.position = Math.round(position);
  const reason = typeof body.reason === "string" ? body.reason.trim() : "";
  if (reason) reply.reason = reason.slice(0, 1000);
  const results = obj(body.results);
  const seed = finite(results.seed);
  if (seed !== undefined) reply.seed = seed;
  const inference = finite(obj(results.timings).inference);
  if (inference !== undefined) reply.inferenceSeconds = inference;
  const videos = Array.isArray(results.videos) ? results.videos : [];
  const url = obj(videos[0]).url;
  // A Succeed without a link cannot be downloaded; report it as a failure with a reason.
  if (status === "Succeed" && (typeof url !== "string" || url === "")) {
    return { reply: { status: "Failed", reason: reply.reason ?? "The provider reported success but sent no video." } };
  }
  return typeof url === "string" && status === "Succeed" ? { reply, videoUrl: url } : { reply };
}

/** GLM's `task_status` (docs.z.ai async-result: PROCESSING | SUCCESS | FAIL), read tolerantly. */
function normaliseGlmStatus(raw: unknown): ProviderVideoStatus {
  const s = String(raw ?? "").toUpperCase();
  if (s === "SUCCESS" || s === "SUCCEED" || s === "SUCCEEDED") return "Succeed";
  if (s === "FAIL" || s === "FAILED" || s === "ERROR") return "Failed";
  // PROCESSING, and anything unknown: keep polling rather than declare the job lost on a guess.
  return "InProgress";
}

/**
 * GLM's GET /async-result/{id} answer: `{model, task_status, video_result: [{url, cover_image_url}],
 * request_id}`. GLM reports no queue position or progress. A failed task carries no documented reason;
 * an `error.message` is kept when one comes.
 */
export function parseGlmStatus(json: unknown): ParsedProviderStatus {
  const body = obj(json);
  const status = normaliseGlmStatus(body.task_status);
  if (status === "Failed") {
    const message = obj(body.error).message;
    return {
      reply: {
        status,
        reason: typeof message === "string" && message.trim() ? message.trim().slice(0, 1000) : undefined,
      },
    };
  }
  if (status !== "Succeed") return { reply: { status } };
  const first = obj(Array.isArray(body.video_result) ? body.video_result[0] : undefined);
  const url = first.url;
  if (typeof url !== "string" || url === "") {
    return { reply: { status: "Failed", reason: "The provider reported success but sent no video." } };
  }
  const cover = first.cover_image_url;
  const coverUrl = typeof cover === "string" && cover !== "" ? cover : undefined;
  return { reply: coverUrl ? { status, cover: true } : { status }, videoUrl: url, coverUrl };
}
