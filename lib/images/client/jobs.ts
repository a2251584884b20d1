import { saveImages, uuid } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { imageCaps, randomSeed } from "../capabilities";
import type { ImageRequest } from "../contract";
import { blobToDataUrl, postImages, toBlob } from "./api";
import { imagesDb } from "./db";
import { blocker, buildRequest, findModel, fitToModel, type StoredParams } from "./form";
import type { ImageJob, ImageStoreApi } from "./studio-state";

// Running generations. Each press becomes a job in the store and one POST /api/images; when the
// answer arrives the images are stored in IndexedDB in one transaction (all of a batch or none),
// then the job points at them. Nothing here depends on a component being mounted.

/** At most this many generations run at once (each is a paid call; providers rate-limit per minute). */
export const MAX_RUNNING = 4;

interface Pending {
  build: () => Promise<ImageRequest>;
  params: StoredParams;
}

const controllers = new Map<string, AbortController>();
/** How to send a job again (Retry): the same request, so a fixed seed stays the same. */
const pendingById = new Map<string, Pending>();

/**
 * The page is going away (reload, close): its requests are cut, and the error that follows is not the
 * provider's. Such a job stays "running" in storage and comes back as interrupted (store.ts).
 * Chromium cuts the request when the reload starts, before `pagehide`, so `beforeunload` marks the
 * start; it also fires for a navigation that turns out to be a download, hence only for a while.
 */
const UNLOAD_WINDOW_MS = 10_000;
let hidden = false;
let unloadStartedAt = Number.NEGATIVE_INFINITY;
if (typeof window !== "undefined") {
  window.addEventListener("beforeunload", () => {
    unloadStartedAt = Date.now();
  });
  window.addEventListener("pagehide", () => {
    hidden = true;
  });
  // Back from the bfcache: the page lives on.
  window.addEventListener("pageshow", () => {
    hidden = false;
    unloadStartedAt = Number.NEGATIVE_INFINITY;
  });
}

function leaving(): boolean {
  return hidden || Date.now() - unloadStartedAt < UNLOAD_WINDOW_MS;
}

function patchJob(store: ImageStoreApi, id: string, patch: Partial<ImageJob>): void {
  store.setState((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, ...patch } : j)) }));
}

function running(store: ImageStoreApi): number {
  return store.getState().jobs.filter((j) => j.status === "running").length;
}

async function run(store: ImageStoreApi, job: ImageJob, pending: Pending): Promise<void> {
  const controller = new AbortController();
  controllers.set(job.id, controller);
  try {
    const request = await pending.build();
    const res = await postImages(request, controller.signal);
    const blobs = res.images.map(toBlob);
    const timings: Record<string, number> = {
      upstreamMs: res.timings.upstreamMs,
      downloadMs: res.timings.downloadMs,
      totalMs: Date.now() - job.startedAt,
    };
    if (res.timings.inferenceMs !== undefined) timings.inferenceMs = res.timings.inferenceMs;
    const rows = await saveImages(
      imagesDb(),
      res.images.map((image, i) => ({
        prompt: request.prompt,
        negativePrompt: request.negativePrompt,
        model: res.model,
        params: {
          ...pending.params,
          batchIndex: image.index ?? i,
          seedScope: image.seed !== undefined || pending.params.batchSize <= 1 ? "image" : "batch",
        },
        // What the provider said: the image's own seed if it gave one, else the request's.
        seed: image.seed ?? res.seed ?? undefined,
        timings,
        width: image.width,
        height: image.height,
        mime: image.mime,
        blob: blobs[i] as Blob,
        batchId: job.id,
      })),
    );
    pendingById.delete(job.id);
    patchJob(store, job.id, {
      status: "succeeded",
      finishedAt: Date.now(),
      imageIds: rows.map((r) => r.id),
      seed: res.seed,
      warnings: res.failed,
    });
  } catch (err) {
    // Cancelled: the job is already gone from the list. Leaving: see `leaving`.
    if (controller.signal.aborted || leaving()) return;
    patchJob(store, job.id, { status: "failed", finishedAt: Date.now(), error: AppError.from(err).toJSON() });
  } finally {
    controllers.delete(job.id);
  }
}

type JobLabel = Pick<ImageJob, "prompt" | "model" | "batchSize" | "size">;

function launch(store: ImageStoreApi, pending: Pending, label: JobLabel): void {
  const job: ImageJob = { id: uuid(), status: "running", startedAt: Date.now(), imageIds: [], warnings: [], ...label };
  pendingById.set(job.id, pending);
  store.setState((s) => ({ jobs: [job, ...s.jobs] }));
  void run(store, job, pending);
}

/** Generate with the form as it is now. Does nothing when the form is incomplete or too many run. */
export function startJob(store: ImageStoreApi): void {
  const state = store.getState();
  const model = findModel(state.models.list, state.form.modelKey);
  const caps = model ? imageCaps(model) : null;
  if (!model || !caps || blocker(state.form, caps, state.references.length) || running(store) >= MAX_RUNNING) return;

  // Values typed past a range (or left by an older model) are pulled inside it, never sent as typed.
  const form = fitToModel(state.form, model, true);
  let seed: number | null = null;
  if (caps.seed) {
    seed = form.seed ?? randomSeed();
    // A random seed is shown once used, so a good result can be pinned with one click.
    if (form.seed === null) state.setForm({ lastSeed: seed });
  }
  const references = state.references.slice(0, caps.spec.references?.max ?? 0);
  const ids = references.map((r) => r.imageId).filter((id): id is string => id !== undefined);
  const params: StoredParams = {
    size: form.size,
    batchSize: form.batchSize,
    seedFixed: form.seed !== null,
    ...(caps.steps && form.steps !== null ? { steps: form.steps } : {}),
    ...(caps.guidance && form.guidance !== null ? { guidance: form.guidance } : {}),
    ...(caps.spec.quality && form.quality ? { quality: form.quality } : {}),
    ...(references.length > 0 ? { hasReference: true, references: references.length } : {}),
    // Lineage: the gallery images this one was made from ("Edit again" chains through these).
    ...(ids[0] ? { referenceImageId: ids[0], referenceImageIds: ids } : {}),
  };
  // The data URI is made once and reused by Retry (the reference may be swapped meanwhile).
  let built: Promise<ImageRequest> | undefined;
  const build = () => {
    built ??= Promise.all(references.map((r) => blobToDataUrl(r.blob))).then((images) =>
      buildRequest(form, caps, seed, images),
    );
    return built;
  };
  const label: JobLabel = {
    prompt: form.prompt.trim(),
    model: { provider: model.provider, id: model.id },
    batchSize: form.batchSize,
    size: form.size,
  };
  launch(store, { build, params }, label);
}

/** Sends a failed job's request again as a new job (same seed, same reference). */
export function retryJob(store: ImageStoreApi, jobId: string): void {
  const job = store.getState().jobs.find((j) => j.id === jobId);
  const pending = pendingById.get(jobId);
  if (!job || !pending || running(store) >= MAX_RUNNING) return;
  forgetJob(jobId);
  store.setState((s) => ({ jobs: s.jobs.filter((j) => j.id !== jobId) }));
  const { prompt, model, batchSize, size } = job;
  launch(store, pending, { prompt, model, batchSize, size });
}

/** Aborts the request; the server passes the abort on to the provider. */
export function cancelJob(jobId: string): void {
  controllers.get(jobId)?.abort();
  pendingById.delete(jobId);
}

export function forgetJob(jobId: string): void {
  pendingById.delete(jobId);
}
