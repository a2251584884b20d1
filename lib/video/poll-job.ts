// One poll of one job: ask for its status, write the result to its IndexedDB row, and on
// Succeed download the video and store it as a Blob *before* calling the job succeeded.

import { getVideoJob, updateVideoJob, type VideoJobChanges } from "@/lib/db/media";
import type { AppDB, MessageError, VideoJob } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { VideoApi } from "./api";

/** The row's error shape: bilingual message plus the provider's own words as detail. */
function toMessageError(err: AppError): MessageError {
  const out: MessageError = { code: err.code, message: err.messages };
  if (err.detail) out.detail = err.detail;
  return out;
}

export const VIDEO_FAILED_MESSAGE = {
  en: "The provider could not generate this video. Adjust the prompt or settings and try again.",
  zh: "服务商未能生成该视频。请调整提示词或参数后重试。",
} as const;

// A status call answering one of these means the provider does not know the job (or our request
// for it is wrong): polling again would repeat the same answer forever.
const FATAL_STATUS_CODES = new Set(["bad_request", "not_found", "model_not_found"]);
// Download failures that will not get better by trying again.
const FATAL_DOWNLOAD_CODES = new Set(["unsafe_url", "payload_too_large", "bad_request"]);

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}

/** Updates only a job that is still active: a row deleted or finished meanwhile stays as it is. */
async function apply(db: AppDB, job: VideoJob, changes: VideoJobChanges): Promise<void> {
  await updateVideoJob(db, job.id, { ...changes, polls: (job.polls ?? 0) + 1 });
}

/** How long a row may wait for the provider's id (the submit call is still on its way). */
export const SUBMIT_GRACE_MS = 2 * 60_000;

export const SUBMIT_INTERRUPTED = {
  en: "The page was closed or reloaded while this job was being submitted, so the provider's answer never arrived. It may still be made and billed: check the provider's console before trying again.",
  zh: "提交该任务时页面被关闭或刷新，未收到服务商的答复。任务可能仍在生成并计费：请先在服务商控制台查看，再决定是否重试。",
} as const;

export async function pollVideoJob(db: AppDB, job: VideoJob, api: VideoApi, signal?: AbortSignal): Promise<void> {
  // Written before submitting and not yet given the provider's id: wait for the submit call, and if
  // it can no longer come (the page that made it is gone), say so instead of polling forever.
  if (!job.requestId) {
    if (Date.now() - job.createdAt > SUBMIT_GRACE_MS) {
      await apply(db, job, { status: "failed", failure: { code: "interrupted", message: { ...SUBMIT_INTERRUPTED } } });
    }
    return;
  }
  let status: Awaited<ReturnType<VideoApi["status"]>>;
  try {
    status = await api.status(job.requestId, job.model, signal);
  } catch (err) {
    if (isAbort(err)) throw err;
    const e = AppError.from(err);
    if (FATAL_STATUS_CODES.has(e.code)) await apply(db, job, { status: "failed", failure: toMessageError(e) });
    // Network, rate limit, overload, a key being fixed: keep the job and keep polling (with backoff).
    else await apply(db, job, { lastError: toMessageError(e) });
    return;
  }

  switch (status.status) {
    case "InQueue":
      await apply(db, job, { status: "queued", position: status.position, lastError: undefined });
      return;
    case "InProgress":
      await apply(db, job, { status: "running", position: undefined, lastError: undefined });
      return;
    case "Failed":
      await apply(db, job, {
        status: "failed",
        position: undefined,
        lastError: undefined,
        failure: { code: "video_failed", message: { ...VIDEO_FAILED_MESSAGE }, detail: status.reason },
      });
      return;
    case "Succeed":
      await download(db, job, api, status, signal);
      return;
  }
}

async function download(
  db: AppDB,
  job: VideoJob,
  api: VideoApi,
  status: { seed?: number; inferenceSeconds?: number },
  signal?: AbortSignal,
): Promise<void> {
  // Shown as "running" until the bytes are safely stored: "succeeded" always means playable.
  if (job.status !== "running") await updateVideoJob(db, job.id, { status: "running", position: undefined });
  let blob: Blob;
  try {
    blob = await api.content(job.requestId, job.model, signal);
  } catch (err) {
    if (isAbort(err)) throw err;
    const e = AppError.from(err);
    if (e.code === "expired") await apply(db, job, { status: "expired", failure: toMessageError(e) });
    else if (FATAL_DOWNLOAD_CODES.has(e.code)) await apply(db, job, { status: "failed", failure: toMessageError(e) });
    else await apply(db, job, { status: "running", lastError: toMessageError(e) });
    return;
  }
  // The row may have been deleted while the video downloaded: do not resurrect it.
  if (!(await getVideoJob(db, job.id))) return;
  const changes: VideoJobChanges = {
    status: "succeeded",
    blob,
    mime: blob.type || "video/mp4",
    position: undefined,
    lastError: undefined,
  };
  if (status.seed !== undefined) changes.seed = status.seed;
  if (status.inferenceSeconds !== undefined) changes.timings = { inference: status.inferenceSeconds };
  try {
    await apply(db, job, changes);
  } catch (err) {
    // A full disk: keep the job running (the link may still be alive) and say why it is not saved.
    await apply(db, job, { status: "running", lastError: toMessageError(AppError.from(err)) }).catch(() => {});
  }
}
