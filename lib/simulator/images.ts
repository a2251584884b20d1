import { randomInt } from "node:crypto";
import { publish } from "./file-links";
import { type Ctx, glmError, hash32, randomId, record, sendJson, sfBadRequest, sfModelNotFound } from "./http";
import { checkSfImage, GLM_QUALITY_MODELS, glmImageSize } from "./image-rules";
import type { MediaStyle } from "./media-hosts";
import { GLM_IMAGE_MODELS, sfModel } from "./models";
import { renderPattern } from "./png";

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

/**
 * POST /images/generations, SiliconFlow: `{images: [{url}], timings: {inference}, seed}`. Each model
 * takes only the fields its rule lists (image-rules.ts); anything else is refused as the API does.
 */
export function siliconflowImages(ctx: Ctx): void {
  const body = record(ctx.json);
  const model = sfModel(body.model, "image");
  if (!model) {
    sfModelNotFound(ctx);
    return;
  }
  const check = checkSfImage(model.id, body);
  if (check.problem) {
    sfBadRequest(ctx, check.problem);
    return;
  }
  const seed = check.seed ?? randomInt(0, 2 ** 32);
  const started = performance.now();
  const urls = makeImages(
    ctx,
    "siliconflow",
    `${model.id}|${String(body.prompt)}|${String(body.negative_prompt ?? "")}|${seed}|${referenceKey(body)}`,
    check.batch,
    check.size,
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

/** Edits of different inputs differ: the inputs take part in the picture's key. */
function referenceKey(body: Record<string, unknown>): string {
  return ["image", "image2", "image3"]
    .map((f) => (typeof body[f] === "string" ? hash32(body[f] as string) : ""))
    .join(",");
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
  const size = glmImageSize(body.size ?? "1024x1024");
  if (!size) {
    glmError(ctx, 400, "1214", "size 参数非法。请检查文档。");
    return;
  }
  if (body.quality !== undefined) {
    // GLM-IMG: quality is cogview-4-250304's alone, hd or standard.
    const ok =
      GLM_QUALITY_MODELS.includes(String(body.model)) && (body.quality === "hd" || body.quality === "standard");
    if (!ok) {
      glmError(ctx, 400, "1214", "quality 参数非法。请检查文档。");
      return;
    }
  }
  // CogView takes no seed: every call gives a new picture, as on the real service.
  // CogView-4 results come from the UCloud bucket, the older cogview-3 ones from aigc-files (media-hosts.ts).
  const style = String(body.model).startsWith("cogview-4") ? "glm" : "glm-legacy";
  const urls = makeImages(ctx, style, `${String(body.model)}|${body.prompt}|${randomInt(0, 2 ** 32)}`, 1, size);
  sendJson(ctx, 200, {
    created: Math.floor(Date.now() / 1000),
    data: urls.map((url) => ({ url })),
    // GLM-IMG's answer carries the moderation verdict on the output.
    content_filter: [{ role: "assistant", level: 1 }],
  });
}
