import "server-only";
import { AppError } from "@/lib/errors";
import { downloadProviderMedia, type SafeDownload } from "@/lib/media/safe-fetch";
import { describeModel } from "@/lib/providers/catalog";
import { upstreamJson } from "@/lib/upstream";
import { type ParsedProviderStatus, parseProviderStatus } from "./provider-status";
import { MAX_VIDEO_BYTES, type VideoStatusReply, type VideoSubmitBody } from "./types";

// The provider side of the video slice. Every video model is a SiliconFlow model today (Wan);
// the routes stay thin and call these.

const PROVIDER = "siliconflow" as const;

function badRequest(en: string, zh: string, detail: string): AppError {
  return new AppError("bad_request", { detail, message: { en, zh } });
}

/** POST /video/submit, tried once: a retry could start (and bill) a second generation. */
export async function submitVideo(input: VideoSubmitBody): Promise<{ requestId: string }> {
  const info = describeModel(PROVIDER, input.model);
  if (info.type !== "video") {
    throw badRequest(
      `"${input.model}" is not a video model. Pick a model from the Model list.`,
      `“${input.model}”不是视频模型。请从模型列表中选择。`,
      "model is not a video model",
    );
  }
  if (info.imageToVideo && !input.image) {
    throw badRequest(
      "This image-to-video model needs a start image. Upload one or pick one from the image gallery.",
      "该图生视频模型需要一张起始图片。请上传图片或从图库中选择。",
      "image is required for image-to-video models",
    );
  }
  const json: Record<string, unknown> = { model: input.model, prompt: input.prompt, image_size: input.size };
  if (input.negativePrompt) json.negative_prompt = input.negativePrompt;
  if (input.seed !== undefined) json.seed = input.seed;
  if (input.image) json.image = input.image;
  // No abort signal on purpose: once the provider has the job it runs and bills either way, so the
  // answer (its requestId) is worth receiving even if the browser went away meanwhile.
  const reply = await upstreamJson<{ requestId?: unknown }>(PROVIDER, "/video/submit", { json, maxAttempts: 1 });
  if (typeof reply.requestId !== "string" || reply.requestId === "") {
    throw new AppError("upstream_error", { provider: PROVIDER, detail: "submit answered without a requestId" });
  }
  return { requestId: reply.requestId };
}

/** POST /video/status, parsed. Retries (for 429/503/network) are safe here: asking costs nothing. */
export async function providerVideoStatus(requestId: string, signal?: AbortSignal): Promise<ParsedProviderStatus> {
  const json = await upstreamJson<unknown>(PROVIDER, "/video/status", { json: { requestId }, signal });
  return parseProviderStatus(json);
}

export async function videoStatus(requestId: string, signal?: AbortSignal): Promise<VideoStatusReply> {
  return (await providerVideoStatus(requestId, signal)).reply;
}

/**
 * Asks the provider for the job again and opens a download of the URL *it* returned, through the
 * one safe fetcher (provider media hosts only, no private addresses, size cap). Not finished yet
 * is a 409-style bad_request; a Failed job is reported with its reason; a dead link is `expired`.
 */
export async function openVideoContent(requestId: string, signal?: AbortSignal): Promise<SafeDownload> {
  const { reply, videoUrl } = await providerVideoStatus(requestId, signal);
  if (reply.status === "Failed") {
    throw new AppError("upstream_error", {
      status: 422,
      provider: PROVIDER,
      detail: reply.reason ?? "the provider reports the job as failed",
      message: {
        en: "The provider could not generate this video, so there is nothing to download.",
        zh: "服务商未能生成该视频，没有可下载的内容。",
      },
    });
  }
  if (reply.status !== "Succeed" || !videoUrl) {
    throw new AppError("bad_request", {
      status: 409,
      detail: `job is ${reply.status}`,
      message: { en: "The video is not ready yet. Wait for it to finish.", zh: "视频尚未生成完成，请稍候。" },
    });
  }
  return downloadProviderMedia(videoUrl, { signal, maxBytes: MAX_VIDEO_BYTES, timeoutMs: 60_000 });
}
