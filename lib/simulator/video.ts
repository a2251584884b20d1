import { randomInt } from "node:crypto";
import { asset } from "./assets";
import { linkTo, storeResult } from "./file-links";
import { type Ctx, isImageReference, isNum, randomId, record, sendJson, sfBadRequest, sfModelNotFound } from "./http";
import { type SimModel, sfModel } from "./models";
import type { VideoJob } from "./state";
import { readDirectives } from "./text";

// POST /video/submit as SiliconFlow's video API reference states it (api-docs.siliconflow.cn/docs/api/
// video-submit-post, read 2026-12-03): `model`, `prompt` (required), `negative_prompt`, `image_size`
// (required: 1280x720 | 720x1280 | 960x960), `image` (required for the I2V models: base64 or URL),
// `seed`. The text-to-video models' schema has no `image`. Any other field is refused the way the
// API refuses a parameter a model does not take (image-rules.ts, SF-400).

const SIZES = ["1280x720", "720x1280", "960x960"];
const FIELDS = ["model", "prompt", "negative_prompt", "image_size", "image", "seed"];

function checkSubmit(body: Record<string, unknown>, model: SimModel): string | null {
  const i2v = model.subType === "image-to-video";
  for (const key of Object.keys(body)) {
    if (!FIELDS.includes(key) || (key === "image" && !i2v)) {
      return `Value error, current model does not support parameter \`${key}\`.`;
    }
  }
  if (typeof body.prompt !== "string" || body.prompt.trim() === "") return "prompt is required";
  if (body.image_size === undefined) return "image_size is required";
  if (!SIZES.includes(String(body.image_size))) return `image_size must be one of ${SIZES.join(", ")}`;
  if (i2v && !isImageReference(body.image)) {
    return `${model.id} needs image: a data URI (data:image/...;base64,...) or an http(s) URL`;
  }
  const seed = body.seed;
  if (seed !== undefined && (!isNum(seed) || !Number.isInteger(seed) || seed < 0))
    return "seed must be a non-negative integer";
  return null;
}

/** POST /video/submit → `{requestId}`; the job then runs on the clock (see `videoStatus`). */
export function submitVideo(ctx: Ctx): void {
  const body = record(ctx.json);
  const model = sfModel(body.model, "video");
  const problem = model ? checkSubmit(body, model) : null;
  if (!model) sfModelNotFound(ctx);
  else if (problem) sfBadRequest(ctx, problem);
  else {
    const { config } = ctx.state;
    const job: VideoJob = {
      provider: "siliconflow",
      requestId: randomId(32, "0123456789abcdef"),
      model: model.id,
      seed: isNum(body.seed) ? body.seed : randomInt(0, 2 ** 32),
      fail: readDirectives(String(body.prompt)).fail,
      createdAt: Date.now(),
      queueMs: config.videoQueueMs,
      runMs: config.videoRunMs,
      urlTtlMs: config.videoUrlTtlMs,
      inferenceSeconds: Number(((config.videoRunMs || 1000) / 1000).toFixed(2)),
    };
    ctx.state.jobs.set(job.requestId, job);
    sendJson(ctx, 200, { requestId: job.requestId });
  }
}

function jobStatus(ctx: Ctx, job: VideoJob): Record<string, unknown> {
  const elapsed = Date.now() - job.createdAt;
  if (elapsed < job.queueMs) {
    const position = Math.max(1, Math.ceil((job.queueMs - elapsed) / 1000));
    return { status: "InQueue", reason: "", position, results: null };
  }
  if (job.fail) {
    return {
      status: "Failed",
      reason: "The request was rejected: the prompt did not pass the content safety check.",
      results: null,
    };
  }
  if (elapsed < job.queueMs + job.runMs) return { status: "InProgress", reason: "", results: null };
  const finishedAt = job.createdAt + job.queueMs + job.runMs;
  // The link's lifetime counts from when the video was done, not from when a client first asked.
  const ttl = Math.max(0, finishedAt + job.urlTtlMs - Date.now());
  job.result ??= storeResult(ctx, {
    style: "siliconflow",
    name: `videos/${job.requestId}`,
    ext: "mp4",
    body: asset("clip.mp4"),
    contentType: "video/mp4",
    ttlMs: ttl,
  });
  return {
    status: "Succeed",
    reason: "",
    results: {
      videos: [{ url: linkTo(ctx, job.result, ttl) }],
      timings: { inference: job.inferenceSeconds },
      seed: job.seed,
    },
  };
}

/** POST /video/status: InQueue (position counting down) → InProgress → Succeed or Failed. */
export function videoStatus(ctx: Ctx): void {
  const requestId = record(ctx.json).requestId;
  const job = typeof requestId === "string" ? ctx.state.jobs.get(requestId) : undefined;
  if (job?.provider === "siliconflow") sendJson(ctx, 200, jobStatus(ctx, job));
  else sfBadRequest(ctx, `requestId not found: ${String(requestId)}`);
}
