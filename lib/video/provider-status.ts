// Reads SiliconFlow's POST /video/status answer tolerantly. Only fields from the provider's own
// answer are used; the result URL stays on the server (the content route downloads it).

import type { ProviderVideoStatus, VideoStatusReply } from "./types";

export interface ParsedProviderStatus {
  reply: VideoStatusReply;
  /** `results.videos[0].url`, present once Succeed. */
  videoUrl?: string;
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
