import "server-only";
import { AppError, type Provider } from "@/lib/errors";
import { inEnglish } from "@/lib/i18n";
import { downloadToBuffer, type SafeFetchOptions } from "@/lib/media/safe-fetch";
import { describeModel, type ModelInfo } from "@/lib/providers/catalog";
import { upstreamJson } from "@/lib/upstream";
import { MAX_BATCH } from "../capabilities";
import type { GeneratedImage, ImageRequest, ImageResponse } from "../contract";
import { checkImageRequest, type ImageProviderCall, imageProviderCall } from "../request";
import { sniffImage } from "../sniff";

// One Generate press on the server: check the request against the model, make ONE paid call
// (never retried: a retry after a lost answer would bill twice), then download every result at
// once from the URL in the provider's answer — the links expire (SiliconFlow: one hour) — through
// the SSRF-checked downloader, and hand the browser the bytes.

/** Per-image cap: a 2048² PNG is ~4–6 MB; anything past this is not a picture we asked for. */
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
// Route budget is 120 s (maxDuration): a slow model may use most of it, downloads get the rest.
const UPSTREAM_FIRST_BYTE_MS = 95_000;
const DOWNLOAD_TIMEOUT_MS = 20_000;

type Download = (url: string, options: SafeFetchOptions) => Promise<{ bytes: Buffer; contentType: string }>;

interface ProviderResult {
  urls: string[];
  /** Per image, when the provider gives each image its own seed (`images[i].seed`). */
  seeds: (number | undefined)[];
  seed?: number;
  inferenceSeconds?: number;
}

/** SiliconFlow `{images: [{url}], timings: {inference}, seed}`; GLM CogView `{created, data: [{url}]}`. */
export function readProviderResult(raw: unknown): ProviderResult {
  const body = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const list = Array.isArray(body.images) ? body.images : Array.isArray(body.data) ? body.data : [];
  const items = list
    .map((item) => (typeof item === "object" && item !== null ? (item as { url?: unknown; seed?: unknown }) : {}))
    .filter((item): item is { url: string; seed?: unknown } => typeof item.url === "string" && item.url !== "")
    .slice(0, MAX_BATCH);
  const urls = items.map((item) => item.url);
  const seeds = items.map((item) => (isSeed(item.seed) ? item.seed : undefined));
  const timings = (typeof body.timings === "object" && body.timings !== null ? body.timings : {}) as {
    inference?: unknown;
  };
  return {
    urls,
    seeds,
    seed: isSeed(body.seed) ? body.seed : undefined,
    inferenceSeconds: typeof timings.inference === "number" ? timings.inference : undefined,
  };
}

function isSeed(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

async function fetchImage(
  url: string,
  download: Download,
  signal?: AbortSignal,
): Promise<Omit<GeneratedImage, "index" | "seed">> {
  const { bytes } = await download(url, { signal, maxBytes: MAX_IMAGE_BYTES, timeoutMs: DOWNLOAD_TIMEOUT_MS });
  const info = sniffImage(bytes);
  if (!info) {
    throw new AppError("upstream_error", {
      detail: `result is not an image (${bytes.length} bytes)`,
      key: "error.images.notAnImage",
    });
  }
  return {
    data: bytes.toString("base64"),
    mime: info.mime,
    width: info.width,
    height: info.height,
    bytes: bytes.length,
  };
}

/**
 * The server's check of a request against the chosen model, before any paid call: the same rules the
 * form applies (request.ts, from the model's spec), refused with a message that names the field and
 * what the model accepts.
 */
function buildUpstreamCall(req: ImageRequest, info: ModelInfo): ImageProviderCall {
  const name = info.id;
  if (info.type !== "image" || info.media?.kind !== "image") {
    throw new AppError("bad_request", {
      detail: `model: ${name} is not an image model`,
      key: "error.images.notImageModel",
      vars: { model: name },
    });
  }
  const [first] = checkImageRequest(req, info.media);
  if (first) {
    throw new AppError("bad_request", {
      provider: req.provider,
      detail: `${first.field}: ${inEnglish(first.message)}`,
      key: "error.issue",
      vars: { issue: first.message },
    });
  }
  return imageProviderCall(req, info.media);
}

function noImages(provider: Provider): AppError {
  return new AppError("upstream_error", {
    provider,
    detail: "the response held no image URL",
    key: "error.images.noImage",
  });
}

export async function generateImages(
  req: ImageRequest,
  { signal, download = downloadToBuffer }: { signal?: AbortSignal; download?: Download } = {},
): Promise<ImageResponse> {
  const info = describeModel(req.provider, req.model);
  const call = buildUpstreamCall(req, info);

  const started = performance.now();
  const raw = await upstreamJson<unknown>(req.provider, call.path, {
    method: "POST",
    json: call.body,
    signal,
    maxAttempts: 1,
    firstByteTimeoutMs: UPSTREAM_FIRST_BYTE_MS,
  });
  const upstreamMs = Math.round(performance.now() - started);
  const result = readProviderResult(raw);
  if (result.urls.length === 0) throw noImages(req.provider);

  const downloadStart = performance.now();
  const settled = await Promise.allSettled(result.urls.map((url) => fetchImage(url, download, signal)));
  const downloadMs = Math.round(performance.now() - downloadStart);
  if (signal?.aborted) throw signal.reason ?? new DOMException("aborted", "AbortError");

  const images: GeneratedImage[] = [];
  const failed: AppError[] = [];
  settled.forEach((outcome, index) => {
    const seed = result.seeds[index];
    if (outcome.status === "fulfilled")
      images.push({ ...outcome.value, index, ...(seed !== undefined ? { seed } : {}) });
    else failed.push(AppError.from(outcome.reason));
  });
  // Nothing usable: the whole request failed, with the first reason (expired, unsafe_url, …).
  if (images.length === 0) throw failed[0] ?? noImages(req.provider);

  return {
    ...(req.jobId !== undefined ? { jobId: req.jobId } : {}),
    references: req.references?.length ?? 0,
    model: { provider: req.provider, id: req.model },
    seed: info.provider === "glm" ? null : (result.seed ?? req.seed ?? null),
    timings: {
      inferenceMs: result.inferenceSeconds !== undefined ? Math.round(result.inferenceSeconds * 1000) : undefined,
      upstreamMs,
      downloadMs,
    },
    images,
    failed: failed.map((e) => e.toJSON()),
  };
}
