import { AppError } from "@/lib/errors";
import type { ModelInfo } from "@/lib/providers/catalog";
import { imageCaps } from "./capabilities";
import type { ImageRequest } from "./types";

// Checks a request against what the chosen model accepts and builds the provider's body.
// The model's ranges come from the catalog, so a bad value is refused here with a message
// that names the allowed values, before any paid call is made.

function refuse(field: string, en: string, zh: string): AppError {
  return new AppError("bad_request", {
    detail: `${field}: ${en}`,
    message: { en: `${en}.`, zh: `${zh}。` },
  });
}

function inRange(value: number, range: { min: number; max: number }): boolean {
  return value >= range.min && value <= range.max;
}

export interface UpstreamImageCall {
  path: "/images/generations";
  body: Record<string, unknown>;
}

export function buildUpstreamCall(req: ImageRequest, info: ModelInfo): UpstreamImageCall {
  const name = info.id;
  if (info.type !== "image") {
    throw refuse("model", `${name} is not an image model`, `${name} 不是图像模型`);
  }
  const caps = imageCaps(info);
  if (!caps.sizes.includes(req.size)) {
    const list = caps.sizes.join(", ");
    throw refuse(
      "size",
      `${name} does not offer ${req.size}; pick one of ${list}`,
      `${name} 不支持尺寸 ${req.size}，可选：${list}`,
    );
  }
  if (req.batchSize > caps.batchMax) {
    throw refuse(
      "batchSize",
      `${name} makes at most ${caps.batchMax} image(s) per request`,
      `${name} 每次最多生成 ${caps.batchMax} 张`,
    );
  }
  if (req.steps !== undefined) {
    if (!caps.steps) throw refuse("steps", `${name} takes no steps setting`, `${name} 不支持步数设置`);
    if (!Number.isInteger(req.steps) || !inRange(req.steps, caps.steps)) {
      const { min, max } = caps.steps;
      throw refuse("steps", `steps must be ${min}–${max} for ${name}`, `${name} 的步数须在 ${min}–${max} 之间`);
    }
  }
  if (req.guidance !== undefined) {
    if (!caps.guidance) throw refuse("guidance", `${name} takes no guidance setting`, `${name} 不支持引导系数`);
    if (!inRange(req.guidance, caps.guidance)) {
      const { min, max } = caps.guidance;
      throw refuse(
        "guidance",
        `guidance must be ${min}–${max} for ${name}`,
        `${name} 的引导系数须在 ${min}–${max} 之间`,
      );
    }
  }
  if (req.seed !== undefined && !caps.seed) {
    throw refuse("seed", `${name} takes no seed`, `${name} 不支持种子`);
  }
  const negative = req.negativePrompt?.trim();
  if (negative && !caps.negativePrompt) {
    throw refuse("negativePrompt", `${name} takes no negative prompt`, `${name} 不支持反向提示词`);
  }
  if (req.image && caps.reference === "none") {
    throw refuse("image", `${name} does not take a reference image`, `${name} 不支持参考图`);
  }
  if (!req.image && caps.reference === "required") {
    throw refuse("image", `${name} needs a reference image`, `${name} 需要一张参考图`);
  }

  if (info.provider === "glm") {
    // CogView: `size` instead of `image_size`, one picture, no seed or negative prompt.
    return { path: "/images/generations", body: { model: info.id, prompt: req.prompt, size: req.size } };
  }
  const body: Record<string, unknown> = {
    model: info.id,
    prompt: req.prompt,
    image_size: req.size,
    batch_size: req.batchSize,
  };
  if (negative) body.negative_prompt = negative;
  if (req.seed !== undefined) body.seed = req.seed;
  if (req.steps !== undefined) body.num_inference_steps = req.steps;
  if (req.guidance !== undefined) body[caps.guidanceField] = req.guidance;
  if (req.image) body.image = req.image;
  return { path: "/images/generations", body };
}
