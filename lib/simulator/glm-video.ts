import { asset } from "./assets";
import { linkTo, storeResult } from "./file-links";
import { type Ctx, glmError, hash32, randomId, record, sendJson } from "./http";
import { GLM_VIDEO_MODELS } from "./models";
import { renderPattern } from "./png";
import type { VideoJob } from "./state";
import { readDirectives } from "./text";

// GLM's asynchronous video API. Sources (read 2026-12-03):
// - SUBMIT: docs.bigmodel.cn/api-reference/模型-api/生成视频异步 and docs.z.ai/api-reference/video/
//   generate-video: POST /videos/generations with `model`, `prompt` (at most 512 characters; prompt or
//   image_url or both), `quality` speed | quality, `with_audio`, `watermark_enabled`, `image_url` (URL or
//   base64, png/jpeg/jpg, ≤ 5 MB; two images = first and last frame, "first and last frame mode only
//   supports speed mode"), `size` (1280x720 … 3840x2160), `fps` 30 | 60, `duration` 5 | 10,
//   `request_id`, `user_id` → `{model, id, request_id, task_status: "PROCESSING"}`.
// - RESULT: docs.z.ai/api-reference/video/get-video-status: GET /async-result/{id} → `{model,
//   video_result: [{url, cover_image_url}], task_status, request_id}`, task_status PROCESSING | SUCCESS |
//   FAIL. upstream-contract.md (late 2026) says the same.
// Not documented, so reconstructed here: a field outside that list is refused with 1210 (GLM's code for
// an invalid parameter, upstream-contract.md late 2026) rather than ignored, so a client that sends one
// finds out; an unknown task id answers 400 1214; a failed task carries no reason. Results are served on
// GLM's ufileos bucket (media-hosts.ts: CogVideoX shares it with CogView-4).

const FIELDS = [
  "model",
  "prompt",
  "quality",
  "with_audio",
  "watermark_enabled",
  "image_url",
  "size",
  "fps",
  "duration",
  "request_id",
  "user_id",
];
const SIZES = ["1280x720", "720x1280", "1024x1024", "1920x1080", "1080x1920", "2048x1080", "3840x2160"];
const MAX_PROMPT = 512;
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

type Problem = { code: string; message: string } | null;
const bad = (field: string): Problem => ({ code: "1214", message: `${field} 参数非法。请检查文档。` });

/** A frame as GLM takes it: an http(s) URL, a png/jpeg data URI or bare base64, at most 5 MB. */
function frameProblem(value: unknown): Problem {
  if (typeof value !== "string" || value === "") return bad("image_url");
  if (/^https?:\/\//i.test(value)) return null;
  const data = /^data:image\/(png|jpe?g);base64,(.*)$/i.exec(value);
  if (value.startsWith("data:") && !data) {
    return { code: "1214", message: "图片格式不支持：仅支持 png、jpeg、jpg 格式。" };
  }
  const b64 = data ? (data[2] ?? "") : value;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return bad("image_url");
  if ((b64.length * 3) / 4 > MAX_IMAGE_BYTES) return { code: "1214", message: "图片大小不能超过 5M。" };
  return null;
}

function validate(body: Record<string, unknown>): Problem {
  if (!(GLM_VIDEO_MODELS as readonly unknown[]).includes(body.model)) {
    return { code: "1211", message: "模型不存在，请检查模型代码。" };
  }
  for (const key of Object.keys(body)) {
    if (!FIELDS.includes(key)) return { code: "1210", message: `不支持的参数：${key}` };
  }
  const prompt = body.prompt;
  if (prompt !== undefined && typeof prompt !== "string") return bad("prompt");
  if (typeof prompt === "string" && [...prompt].length > MAX_PROMPT) {
    return { code: "1214", message: `prompt 长度不能超过 ${MAX_PROMPT} 个字符。` };
  }
  const frames = body.image_url === undefined ? [] : Array.isArray(body.image_url) ? body.image_url : [body.image_url];
  if (!(typeof prompt === "string" && prompt.trim() !== "") && frames.length === 0) {
    return { code: "1214", message: "prompt 与 image_url 不能同时为空。" };
  }
  if (frames.length > (body.model === "cogvideox-3" ? 2 : 1)) return bad("image_url");
  for (const frame of frames) {
    const problem = frameProblem(frame);
    if (problem) return problem;
  }
  if (body.quality !== undefined && body.quality !== "speed" && body.quality !== "quality") return bad("quality");
  if (frames.length === 2 && body.quality === "quality") {
    return { code: "1214", message: "首尾帧模式仅支持 speed 模式。" };
  }
  for (const key of ["with_audio", "watermark_enabled"] as const) {
    if (body[key] !== undefined && typeof body[key] !== "boolean") return bad(key);
  }
  if (body.size !== undefined && !SIZES.includes(String(body.size))) return bad("size");
  if (body.fps !== undefined && body.fps !== 30 && body.fps !== 60) return bad("fps");
  if (body.duration !== undefined && body.duration !== 5 && body.duration !== 10) return bad("duration");
  for (const key of ["request_id", "user_id"] as const) {
    if (body[key] !== undefined && (typeof body[key] !== "string" || body[key] === "")) return bad(key);
  }
  return null;
}

/** POST /videos/generations → `{model, id, request_id, task_status: "PROCESSING"}`. */
export function glmSubmitVideo(ctx: Ctx): void {
  const body = record(ctx.json);
  const problem = validate(body);
  if (problem) {
    glmError(ctx, 400, problem.code, problem.message);
    return;
  }
  const { config } = ctx.state;
  const id = `${Date.now()}${randomId(12, "0123456789")}`;
  const job: VideoJob = {
    provider: "glm",
    requestId: id,
    model: String(body.model),
    seed: 0,
    fail: readDirectives(String(body.prompt ?? "")).fail,
    createdAt: Date.now(),
    queueMs: config.videoQueueMs,
    runMs: config.videoRunMs,
    urlTtlMs: config.videoUrlTtlMs,
    inferenceSeconds: 0,
    clientRequestId: typeof body.request_id === "string" ? body.request_id : id,
  };
  ctx.state.jobs.set(id, job);
  sendJson(ctx, 200, { model: job.model, id, request_id: job.clientRequestId, task_status: "PROCESSING" });
}

function result(ctx: Ctx, job: VideoJob): Record<string, unknown> {
  const base = { model: job.model, request_id: job.clientRequestId };
  const elapsed = Date.now() - job.createdAt;
  // GLM reports no queue position or progress: PROCESSING until the task ends.
  if (elapsed < job.queueMs + (job.fail ? 0 : job.runMs)) return { ...base, task_status: "PROCESSING" };
  if (job.fail) return { ...base, task_status: "FAIL" };
  const finishedAt = job.createdAt + job.queueMs + job.runMs;
  const ttl = Math.max(0, finishedAt + job.urlTtlMs - Date.now());
  job.result ??= storeResult(ctx, {
    style: "glm",
    name: `videos/${job.requestId}`,
    ext: "mp4",
    body: asset("clip.mp4"),
    contentType: "video/mp4",
    ttlMs: ttl,
  });
  job.cover ??= storeResult(ctx, {
    style: "glm",
    name: `videos/${job.requestId}_cover`,
    ext: "png",
    body: renderPattern(320, 180, hash32(job.requestId)),
    contentType: "image/png",
    ttlMs: ttl,
  });
  return {
    ...base,
    task_status: "SUCCESS",
    video_result: [{ url: linkTo(ctx, job.result, ttl), cover_image_url: linkTo(ctx, job.cover, ttl) }],
  };
}

/** GET /async-result/{id}: PROCESSING → SUCCESS (video and cover links) or FAIL (a `[[fail]]` prompt). */
export function glmAsyncResult(ctx: Ctx): void {
  const id = decodeURIComponent(ctx.path.slice("/async-result/".length));
  const job = ctx.state.jobs.get(id);
  if (job?.provider === "glm") sendJson(ctx, 200, result(ctx, job));
  else glmError(ctx, 400, "1214", "任务不存在，请检查 id。");
}
