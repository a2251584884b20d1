// Generate: submit to the provider, then store the job row the moment its requestId is known.
// From then on the job is durable: the poller (in whichever tab leads) carries it to the end.

import { getDB } from "@/lib/db";
import { saveVideoJob } from "@/lib/db/media";
import type { VideoJob } from "@/lib/db/schema";
import { isQuotaAppError } from "@/lib/db/storage";
import { AppError } from "@/lib/errors";
import { submitVideoRequest } from "./api";
import type { VideoDraft } from "./form-store";
import { startVideoPoller, wakeVideoPoller } from "./poller";
import { prepareStartImage } from "./start-image";
import type { VideoSubmitBody } from "./types";

export const NEEDS_IMAGE = {
  en: "This image-to-video model needs a start image. Upload one or pick one from the image gallery.",
  zh: "该图生视频模型需要一张起始图片。请上传图片或从图库中选择。",
};

/** Validates the draft, submits it and stores the job. Throws an AppError the form can show. */
export async function generateVideo(draft: VideoDraft, imageToVideo: boolean): Promise<VideoJob> {
  const prompt = draft.prompt.trim();
  if (!prompt) {
    throw new AppError("bad_request", {
      message: { en: "Describe the video in the Prompt first.", zh: "请先在提示词中描述视频内容。" },
    });
  }
  if (imageToVideo && !draft.image) throw new AppError("bad_request", { message: NEEDS_IMAGE });
  const seedText = draft.seed.trim();
  const seed = seedText === "" ? undefined : Number(seedText);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 9_999_999_999)) {
    throw new AppError("bad_request", {
      message: {
        en: "Seed must be a whole number from 0 to 9999999999, or empty for a random one.",
        zh: "种子须为 0 到 9999999999 之间的整数，留空则随机。",
      },
    });
  }
  const body: VideoSubmitBody = { model: draft.model, prompt, size: draft.size };
  if (draft.negativePrompt.trim()) body.negativePrompt = draft.negativePrompt.trim();
  if (seed !== undefined) body.seed = seed;
  // Only image-to-video models take a start image; a text-to-video job ignores one left in the form.
  const start = imageToVideo && draft.image ? await prepareStartImage(draft.image.blob, draft.size) : null;
  if (start) body.frames = [start.dataUri];

  const { requestId } = await submitVideoRequest(body);
  const params: Record<string, unknown> = { size: draft.size, imageToVideo };
  if (body.negativePrompt) params.negativePrompt = body.negativePrompt;
  if (seed !== undefined) params.seed = seed;
  if (start)
    Object.assign(params, { imageWidth: start.width, imageHeight: start.height, imageName: draft.image?.name });
  const row = { requestId, model: { provider: "siliconflow" as const, id: draft.model }, prompt, params };
  let job: VideoJob;
  try {
    job = await saveVideoJob(getDB(), start ? { ...row, startImage: start.blob } : row);
  } catch (err) {
    // The job is already paid for: on a full disk, keep at least the row without the picture.
    if (!start || !isQuotaAppError(err)) throw err;
    job = await saveVideoJob(getDB(), row);
  }
  startVideoPoller();
  wakeVideoPoller();
  return job;
}
