// The browser's calls to the video routes. Errors arrive as the routes' AppError JSON and are
// rebuilt as AppError, so the poller can tell a dead link from a passing network problem.

import { apiJson, jsonRequest } from "@/lib/api-client";
import { AppError, type Provider, readErrorResponse } from "@/lib/errors";
import type {
  VideoContentInput,
  VideoStatusInput,
  VideoStatusReply,
  VideoSubmitInput,
  VideoSubmitReply,
} from "../contract";

/** The job's model: its provider says which provider's job id `requestId` is. */
interface JobModel {
  provider: Provider;
  id: string;
}

export function submitVideoRequest(body: VideoSubmitInput, signal?: AbortSignal): Promise<VideoSubmitReply> {
  return apiJson<VideoSubmitReply>("/api/video/submit", jsonRequest(body, signal));
}

function fetchVideoStatus(requestId: string, model: JobModel, signal?: AbortSignal): Promise<VideoStatusReply> {
  const body: VideoStatusInput = { provider: model.provider, requestId, model: model.id };
  return apiJson<VideoStatusReply>("/api/video/status", jsonRequest(body, signal));
}

/**
 * Downloads the finished video (or, with part "cover", the cover image GLM makes with it) through our
 * content route and returns it as a Blob to store.
 */
async function fetchVideoContent(
  requestId: string,
  model: JobModel,
  signal?: AbortSignal,
  part: "video" | "cover" = "video",
): Promise<Blob> {
  const body: VideoContentInput = { provider: model.provider, requestId, model: model.id, part };
  let res: Response;
  try {
    res = await fetch("/api/video/content", jsonRequest(body, signal));
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
  if (part === "cover") return blob;
  return blob.type.startsWith("video/") ? blob : new Blob([blob], { type: "video/mp4" });
}

export type VideoApi = {
  status: typeof fetchVideoStatus;
  content: typeof fetchVideoContent;
};

export const videoApi: VideoApi = { status: fetchVideoStatus, content: fetchVideoContent };
