// Generate: write the job row, submit to the provider, then fill in the provider's id. The row comes
// first so a reload (or a crash) between the provider accepting and the answer arriving leaves a job
// that says it was interrupted, never a paid job nobody sees. From then on the poller (in whichever
// tab leads) carries it to the end.

import { getDB, uuid } from "@/lib/db";
import { attachVideoRequestId, deleteVideoJob, saveVideoJob, updateVideoJob } from "@/lib/db/media";
import type { VideoJob } from "@/lib/db/schema";
import { isQuotaAppError } from "@/lib/db/storage";
import { AppError } from "@/lib/errors";
import type { ModelInfo } from "@/lib/providers/catalog";
import { mediaSpec, type VideoSpec } from "@/lib/providers/media";
import { MAX_IMAGE_DATA_URI } from "../contract";
import { buildVideoRequest, checkVideoRequest } from "../request";
import { submitVideoRequest } from "./api";
import type { VideoDraft } from "./form-store";
import { jobFailure } from "./poll-job";
import { startVideoPoller, wakeVideoPoller } from "./poller";
import { prepareStartImage } from "./start-image";

/** The model's video spec (its catalog row, or the conservative fallback for an unknown id). */
export function videoSpecOf(model: ModelInfo): VideoSpec {
  return model.media?.kind === "video" ? model.media : (mediaSpec(model.provider, model.id, "video") as VideoSpec);
}

function numberOrUndefined(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}

/** Validates the draft for `model`, writes the job, submits it. Throws an AppError the form can show. */
export async function generateVideo(draft: VideoDraft, model: ModelInfo): Promise<VideoJob> {
  const spec = videoSpecOf(model);
  const seed = numberOrUndefined(draft.seed);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 9_999_999_999)) {
    throw new AppError("bad_request", {
      key: "error.video.seed",
    });
  }
  const takesFrames = spec.frames?.max ?? 0;
  const needsImage = (spec.frames?.min ?? 0) > 0;
  if (needsImage && !draft.image) throw new AppError("bad_request", { key: "error.video.needsImage" });
  if (!draft.prompt.trim() && (spec.promptRequired || !draft.image || takesFrames === 0)) {
    throw new AppError("bad_request", {
      key: "error.video.promptFirst",
    });
  }
  const pictures = takesFrames === 0 ? [] : [draft.image, takesFrames > 1 ? draft.lastImage : null];
  const chosen = pictures.filter((p): p is NonNullable<typeof p> => p !== null);
  // Each frame within the provider's own limit and all together within the route's.
  const perFrame = Math.min(
    spec.frames ? Math.floor((spec.frames.maxBytes * 4) / 3) : MAX_IMAGE_DATA_URI,
    Math.floor(MAX_IMAGE_DATA_URI / Math.max(1, chosen.length)),
  );
  const size = draft.size || spec.sizes.options[0] || "1280x720";
  const frames = await Promise.all(chosen.map((p) => prepareStartImage(p.blob, size, perFrame)));
  const jobId = uuid();
  const request = buildVideoRequest({ provider: model.provider, id: model.id }, spec, {
    prompt: draft.prompt,
    negativePrompt: draft.negativePrompt,
    size,
    seed,
    frames: frames.map((f) => f.dataUri),
    quality: draft.quality || undefined,
    withAudio: spec.audio ? draft.withAudio : undefined,
    fps: numberOrUndefined(draft.fps),
    duration: numberOrUndefined(draft.duration),
    jobId,
  });
  const [problem] = checkVideoRequest(request, spec);
  if (problem) throw new AppError("bad_request", { detail: problem.field, ...problem.message });

  const params: Record<string, unknown> = { size, imageToVideo: frames.length > 0 };
  for (const key of ["negativePrompt", "seed", "quality", "withAudio", "fps", "duration"] as const) {
    if (request[key] !== undefined) params[key] = request[key];
  }
  const [start, last] = frames;
  if (start)
    Object.assign(params, { imageWidth: start.width, imageHeight: start.height, imageName: draft.image?.name });
  if (last) Object.assign(params, { lastFrame: true, lastImageName: draft.lastImage?.name });
  const row = {
    id: jobId,
    requestId: "",
    model: { provider: model.provider, id: model.id },
    prompt: request.prompt,
    params,
  };
  const db = getDB();
  let job: VideoJob;
  try {
    job = await saveVideoJob(db, {
      ...row,
      ...(start ? { startImage: start.blob } : {}),
      ...(last ? { lastImage: last.blob } : {}),
    });
  } catch (err) {
    // On a full disk keep at least the row without the pictures (nothing is paid for yet).
    if (!start || !isQuotaAppError(err)) throw err;
    job = await saveVideoJob(db, row);
  }
  let requestId: string;
  try {
    ({ requestId } = await submitVideoRequest(request));
  } catch (err) {
    const e = AppError.from(err);
    // Refused (our checks or the provider's): nothing runs, so no job. Lost on the way: it may be
    // running and billed, so the row stays and says so.
    if (e.code === "network" || e.code === "timeout") {
      await updateVideoJob(db, job.id, {
        status: "failed",
        failure: jobFailure(e.code, "error.video.submitLost", e.detail),
      });
    } else {
      await deleteVideoJob(db, job.id);
    }
    throw e;
  }
  await attachVideoRequestId(db, job.id, requestId);
  startVideoPoller();
  wakeVideoPoller();
  return { ...job, requestId };
}
