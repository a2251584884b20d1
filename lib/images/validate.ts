import { AppError } from "@/lib/errors";
import type { ModelInfo } from "@/lib/providers/catalog";
import type { ImageRequest } from "./contract";
import { checkImageRequest, type ImageProviderCall, imageProviderCall } from "./request";

// The server's check of a request against the chosen model, before any paid call: the same rules the
// form applies (request.ts, from the model's spec), refused with a message that names the field and
// what the model accepts.

export type UpstreamImageCall = ImageProviderCall;

export function buildUpstreamCall(req: ImageRequest, info: ModelInfo): UpstreamImageCall {
  const name = info.id;
  if (info.type !== "image" || info.media?.kind !== "image") {
    throw new AppError("bad_request", {
      detail: `model: ${name} is not an image model`,
      message: { en: `${name} is not an image model.`, zh: `${name} 不是图像模型。` },
    });
  }
  const [first] = checkImageRequest(req, info.media);
  if (first) {
    throw new AppError("bad_request", {
      provider: req.provider,
      detail: `${first.field}: ${first.message.en}`,
      message: { en: `${first.message.en}.`, zh: `${first.message.zh}。` },
    });
  }
  return imageProviderCall(req, info.media);
}
