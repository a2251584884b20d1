// The browser's calls to the video routes. Errors arrive as the routes' AppError JSON and are
// rebuilt as AppError, so the poller can tell a dead link from a passing network problem.

import { apiJson } from "@/lib/api-client";
import { AppError, readErrorResponse } from "@/lib/errors";
import type { VideoStatusReply, VideoSubmitBody, VideoSubmitReply } from "./types";

function post(body: unknown, signal?: AbortSignal): RequestInit {
  return { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal };
}

export function submitVideoRequest(body: VideoSubmitBody, signal?: AbortSignal): Promise<VideoSubmitReply> {
  return apiJson<VideoSubmitReply>("/api/video/submit", post(body, signal));
}

export function fetchVideoStatus(requestId: string, model: string, signal?: AbortSignal): Promise<VideoStatusReply> {
  return apiJson<VideoStatusReply>("/api/video/status", post({ requestId, model }, signal));
}

/** Downloads the finished video through our content route and returns it as a Blob to store. */
export async function fetchVideoContent(requestId: string, model: string, signal?: AbortSignal): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch("/api/video/content", post({ requestId, model }, signal));
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new AppError("network", { detail: "video download failed before the response" });
  }
  if (!res.ok) throw await readErrorResponse(res);
  let blob: Blob;
  try {
    blob = await res.blob();
  } catch {
    // The stream broke half-way (server or provider went away): the next poll tries again.
    throw new AppError("network", { detail: "video download was cut off" });
  }
  if (blob.size === 0) throw new AppError("upstream_error", { detail: "the provider sent an empty video" });
  return blob.type.startsWith("video/") ? blob : new Blob([blob], { type: "video/mp4" });
}

export type VideoApi = {
  status: typeof fetchVideoStatus;
  content: typeof fetchVideoContent;
};

export const videoApi: VideoApi = { status: fetchVideoStatus, content: fetchVideoContent };
