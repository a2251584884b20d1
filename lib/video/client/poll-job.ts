// One poll of one job: ask for its status, write the result to its IndexedDB row, and on
// Succeed download the video and store it as a Blob *before* calling the job succeeded.

import { getVideoJob, updateVideoJob, type VideoJobChanges } from "@/lib/db/media";
import type { AppDB, MessageError, VideoJob } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { bilingual, type MessageKey } from "@/lib/i18n";
import type { VideoApi } from "./api";

/** The row's error shape: the message key (and its words, as the wire has them) plus the provider's own words as detail. */
function toMessageError(err: AppError): MessageError {
  const { message, key, vars } = err.toJSON();
  const out: MessageError = { code: err.code, message };
  if (key) out.key = key;
  if (vars) out.vars = vars;
  if (err.detail) out.detail = err.detail;
  return out;
}

/** A failure this app names itself (not an AppError), stored the same way. */
export function jobFailure(code: string, key: MessageKey, detail?: string): MessageError {
  const out: MessageError = { code, key, message: bilingual({ key }) };
  if (detail) out.detail = detail;
  return out;
}

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

export async function pollVideoJob(db: AppDB, job: VideoJob, api: VideoApi, signal?: AbortSignal): Promise<void> {
  // Written before submitting and not yet given the provider's id: wait for the submit call, and if
  // it can no longer come (the page that made it is gone), say so instead of polling forever.
  if (!job.requestId) {
    if (Date.now() - job.createdAt > SUBMIT_GRACE_MS) {
      await apply(db, job, { status: "failed", failure: jobFailure("interrupted", "error.video.interrupted") });
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
        failure: jobFailure("video_failed", "error.video.failed", status.reason),
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
