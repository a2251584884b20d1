import { randomInt } from "node:crypto";
import { publish } from "./files";
import {
  type Ctx,
  glmError,
  hash32,
  isImageReference,
  isNum,
  randomId,
  record,
  sendJson,
  sfBadRequest,
  sfModelNotFound,
} from "./http";
import type { MediaStyle } from "./media-hosts";
import { GLM_IMAGE_MODELS, sfModel } from "./models";
import { renderPattern } from "./png";

const MAX_SEED = 9_999_999_999;

function parseSize(value: unknown): { width: number; height: number } | null {
  const m = /^(\d{2,4})x(\d{2,4})$/.exec(String(value));
  if (!m) return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  if (width < 64 || height < 64 || width > 2048 || height > 2048) return null;
  return { width, height };
}

/** Renders, stores and links one PNG per index; each differs by prompt, seed and index. */
function makeImages(
  ctx: Ctx,
  style: MediaStyle,
  key: string,
  count: number,
  size: { width: number; height: number },
): string[] {
  const ttlMs = ctx.state.config.imageUrlTtlMs;
  return Array.from({ length: count }, (_, index) => {
    const body = renderPattern(size.width, size.height, hash32(`${key}|${index}`));
    return publish(ctx, { style, name: `images/${randomId(24)}`, ext: "png", body, contentType: "image/png", ttlMs });
  });
}

/** POST /images/generations, SiliconFlow: `{images: [{url}], timings: {inference}, seed}`. */
export function siliconflowImages(ctx: Ctx): void {
  const body = record(ctx.json);
  const model = sfModel(body.model, "image");
  if (!model) {
    sfModelNotFound(ctx);
    return;
  }
  const prompt = body.prompt;
  if (typeof prompt !== "string" || prompt.trim() === "") {
    sfBadRequest(ctx, "prompt is required");
    return;
  }
  const defaultSize = model.id.startsWith("Qwen/Qwen-Image") ? "1328x1328" : "1024x1024";
  const size = parseSize(body.image_size ?? defaultSize);
  if (!size) {
    sfBadRequest(ctx, 'image_size must look like "1024x1024" with sides between 64 and 2048');
    return;
  }
  const batch = body.batch_size ?? 1;
  if (!isNum(batch) || !Number.isInteger(batch) || batch < 1 || batch > 4) {
    sfBadRequest(ctx, "batch_size must be an integer between 1 and 4");
    return;
  }
  const seed = body.seed ?? randomInt(0, 2 ** 32);
  if (!isNum(seed) || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    sfBadRequest(ctx, `seed must be an integer between 0 and ${MAX_SEED}`);
    return;
  }
  const steps = body.num_inference_steps ?? 20;
  if (!isNum(steps) || !Number.isInteger(steps) || steps < 1 || steps > 100) {
    sfBadRequest(ctx, "num_inference_steps must be an integer between 1 and 100");
    return;
  }
  if (
    body.guidance_scale !== undefined &&
    (!isNum(body.guidance_scale) || body.guidance_scale < 0 || body.guidance_scale > 20)
  ) {
    sfBadRequest(ctx, "guidance_scale must be between 0 and 20");
    return;
  }
  if (body.image !== undefined && body.image !== null && !isImageReference(body.image)) {
    sfBadRequest(ctx, "image must be a data URI (data:image/...;base64,...) or an http(s) URL");
    return;
  }
  if (model.subType === "image-to-image" && !isImageReference(body.image)) {
    sfBadRequest(ctx, `${model.id} needs an input image`);
    return;
  }
  const started = performance.now();
  const urls = makeImages(
    ctx,
    "siliconflow",
    `${model.id}|${prompt}|${String(body.negative_prompt ?? "")}|${seed}`,
    batch,
    size,
  );
  // `timings.inference` is the provider's own time spent making the images (upstream-contract.md §
  // images), so it is part of the request's time: report the time really spent here. A made-up larger
  // figure (steps × 50 ms) showed as an inference longer than the whole request in the image viewer.
  const rendered = (performance.now() - started) / 1000;
  sendJson(ctx, 200, {
    images: urls.map((url) => ({ url })),
    timings: { inference: Number(rendered.toFixed(3)) },
    // One seed per request, also for a batch whose images all differ (upstream-contract.md § images).
    seed,
  });
}

/** POST /images/generations, GLM CogView: `{created, data: [{url}]}`. */
export function glmImages(ctx: Ctx): void {
  const body = record(ctx.json);
  if (!GLM_IMAGE_MODELS.includes(body.model as (typeof GLM_IMAGE_MODELS)[number])) {
    glmError(ctx, 400, "1211", "模型不存在，请检查模型代码。");
    return;
  }
  if (typeof body.prompt !== "string" || body.prompt.trim() === "") {
    glmError(ctx, 400, "1214", "prompt 参数非法。请检查文档。");
    return;
  }
  const size = parseSize(body.size ?? "1024x1024");
  if (!size) {
    glmError(ctx, 400, "1214", "size 参数非法。请检查文档。");
    return;
  }
  // CogView takes no seed: every call gives a new picture, as on the real service.
  // CogView-4 results come from the UCloud bucket, the older cogview-3 ones from aigc-files (media-hosts.ts).
  const style = body.model === "cogview-4" ? "glm" : "glm-legacy";
  const urls = makeImages(ctx, style, `${String(body.model)}|${body.prompt}|${randomInt(0, 2 ** 32)}`, 1, size);
  sendJson(ctx, 200, { created: Math.floor(Date.now() / 1000), data: urls.map((url) => ({ url })) });
}
