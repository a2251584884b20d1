import "server-only";
import { AppError, type Provider } from "@/lib/errors";
import { inEnglish, type MessageRef } from "@/lib/i18n";
import { downloadProviderMedia, type SafeDownload } from "@/lib/media/safe-fetch";
import { describeModel } from "@/lib/providers/catalog";
import { upstreamJson } from "@/lib/upstream";
import type { VideoStatusReply, VideoSubmitReply, VideoSubmitRequest } from "../contract";
import { checkVideoRequest, videoProviderCall } from "../request";
import { glmStatus } from "./glm";
import type { ParsedProviderStatus } from "./provider-status";
import { siliconflowStatus } from "./siliconflow";

// The provider side of the video slice, for SiliconFlow (Wan) and GLM (CogVideoX) alike: the routes
// stay thin and the browser's job pipeline sees one shape — `{provider, requestId}` in, the same
// statuses out (InQueue, InProgress, Succeed, Failed), the bytes through the content route.

const MAX_COVER_BYTES = 8 * 1024 * 1024;
/** Largest video the content route streams; Wan clips (5 s, 720p) are a few MB, so this is generous. */
const MAX_VIDEO_BYTES = 256 * 1024 * 1024;

function badRequest(message: MessageRef, detail: string, provider?: Provider): AppError {
  return new AppError("bad_request", { detail, provider, ...message });
}

/**
 * Checks the submission against the model's spec (the same rules as the form), then submits it once:
 * a retry could start (and bill) a second generation.
 */
export async function submitVideo(input: VideoSubmitRequest): Promise<VideoSubmitReply> {
  const { provider } = input;
  const info = describeModel(provider, input.model);
  if (info.type !== "video" || info.media?.kind !== "video") {
    throw badRequest(
      { key: "error.video.notVideoModel", vars: { model: input.model } },
      "model is not a video model",
      provider,
    );
  }
  const [first] = checkVideoRequest(input, info.media);
  if (first) {
    throw badRequest(
      { key: "error.issue", vars: { issue: first.message } },
      `${first.field}: ${inEnglish(first.message)}`,
      provider,
    );
  }
  const call = videoProviderCall(input);
  // No abort signal on purpose: once the provider has the job it runs and bills either way, so the
  // answer (its id) is worth receiving even if the browser went away meanwhile.
  const reply = await upstreamJson<Record<string, unknown>>(provider, call.path, { json: call.body, maxAttempts: 1 });
  // GLM names the task `id` (its `request_id` is the client's own id); SiliconFlow `requestId`.
  const id = provider === "glm" ? reply.id : reply.requestId;
  if (typeof id !== "string" || id === "") {
    throw new AppError("upstream_error", { provider, detail: "submit answered without a job id" });
  }
  return { provider, requestId: id };
}

/** The provider's status for a job, parsed, with the result links (which never leave the server). */
function providerVideoStatus(
  provider: Provider,
  requestId: string,
  signal?: AbortSignal,
): Promise<ParsedProviderStatus> {
  return provider === "glm" ? glmStatus(requestId, signal) : siliconflowStatus(requestId, signal);
}

export async function videoStatus(
  provider: Provider,
  requestId: string,
  signal?: AbortSignal,
): Promise<VideoStatusReply> {
  return (await providerVideoStatus(provider, requestId, signal)).reply;
}

/**
 * Asks the provider for the job again and opens a download of the URL *it* returned, through the
 * one safe fetcher (provider media hosts only, no private addresses, size cap). Not finished yet
 * is a 409-style bad_request; a Failed job is reported with its reason; a dead link is `expired`.
 */
export async function openVideoContent(
  provider: Provider,
  requestId: string,
  part: "video" | "cover",
  signal?: AbortSignal,
): Promise<SafeDownload> {
  const { reply, videoUrl, coverUrl } = await providerVideoStatus(provider, requestId, signal);
  if (reply.status === "Failed") {
    throw new AppError("upstream_error", {
      status: 422,
      provider,
      detail: reply.reason ?? "the provider reports the job as failed",
      key: "error.video.failedNothing",
    });
  }
  if (reply.status !== "Succeed" || !videoUrl) {
    throw new AppError("bad_request", {
      status: 409,
      provider,
      detail: `job is ${reply.status}`,
      key: "error.video.notReady",
    });
  }
  if (part === "cover") {
    if (!coverUrl) {
      throw new AppError("not_found", {
        provider,
        detail: "the provider made no cover image for this job",
        key: "error.video.noCover",
      });
    }
    return downloadProviderMedia(coverUrl, { signal, maxBytes: MAX_COVER_BYTES, timeoutMs: 30_000 });
  }
  return downloadProviderMedia(videoUrl, { signal, maxBytes: MAX_VIDEO_BYTES, timeoutMs: 60_000 });
}
