import { AppError } from "@/lib/errors";
import { inEnglish } from "@/lib/i18n";
import type { ModelInfo } from "@/lib/providers/catalog";
import type { ImageRequest } from "./contract";
import { checkImageRequest, type ImageProviderCall, imageProviderCall } from "./request";

// The server's check of a request against the chosen model, before any paid call: the same rules the
// form applies (request.ts, from the model's spec), refused with a message that names the field and
// what the model accepts.

type UpstreamImageCall = ImageProviderCall;

export function buildUpstreamCall(req: ImageRequest, info: ModelInfo): UpstreamImageCall {
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
