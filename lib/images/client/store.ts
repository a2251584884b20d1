import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import { deleteImage, getImage, getMediaBlob, type ImageRecord, saveImage } from "@/lib/db";
import type { ModelInfo } from "@/lib/providers/catalog";
import { currentModels, loadModels } from "@/lib/providers/client/models";
import { imageCaps, randomSeed } from "../capabilities";
import { imagesDb } from "./db";
import { EMPTY_FORM, findModel, fitToModel, formFromRecord, withValidModel } from "./form";
import { cancelJob, forgetJob, retryJob, startJob } from "./jobs";
import type { ImageStudioActions, ImageStudioState, Reference } from "./studio-state";

export type { ImageJob, ImageStudioState, Reference } from "./studio-state";

// Image studio state lives in this module, not in components: a running generation belongs to
// the store, so switching to another page and back neither stops it nor loses its result (the
// job writes to IndexedDB when the answer arrives, whatever page is showing). Only the form is
// persisted (localStorage); jobs are in-flight state.

/** Unfinished jobs kept across reloads (the newest): enough to say what happened to each press. */
const KEPT_JOBS = 12;

/** The edit model "Edit again" picks when the chosen model is not one: it takes up to three images. */
const PREFERRED_EDIT_MODEL = "Qwen/Qwen-Image-Edit-2509";

/** A stored image as a reference to send: its bytes are read now (rows carry only their id). */
async function asReference(record: ImageRecord | undefined): Promise<Reference | undefined> {
  const blob = record && (await getMediaBlob(imagesDb(), record.blobId));
  return record && blob ? { blob, name: record.prompt, imageId: record.id } : undefined;
}

/**
 * The bytes of the image in `deleted` (Undo): deleting removes them from storage with the row, and
 * the store's state is persisted as JSON, which cannot hold a Blob. The next delete replaces them.
 */
let deletedBlob: Blob | undefined;

/** The gallery images a stored image was made from, in order (older rows kept one id). */
export function referenceIds(record: Pick<ImageRecord, "params">): string[] {
  const p = record.params as { referenceImageIds?: unknown; referenceImageId?: unknown };
  if (Array.isArray(p.referenceImageIds)) return p.referenceImageIds.filter((x): x is string => typeof x === "string");
  return typeof p.referenceImageId === "string" ? [p.referenceImageId] : [];
}

/** The studio before anything is loaded or restored (tests start from it too). */
export const initialImageStudioState: ImageStudioState = {
  form: EMPTY_FORM,
  references: [],
  jobs: [],
  models: { status: "idle", list: [], partialErrors: [] },
  deleted: null,
  viewing: null,
};

export const useImageStore = create<ImageStudioState & ImageStudioActions>()(
  persist(
    (set, get) => ({
      ...initialImageStudioState,

      view(id) {
        set({ viewing: id });
      },

      async loadModels(force = false) {
        if (!force && get().models.status === "ready") return;
        set((s) => ({ models: { ...s.models, status: "loading", error: undefined } }));
        await loadModels("image", force);
        const { status, models: list, providerErrors, error } = currentModels("image");
        if (status !== "ready") {
          set({ models: { status: "error", list: [], partialErrors: [], error: error ?? undefined } });
          return;
        }
        const partialErrors = providerErrors.map((e) => e.error);
        // Every provider failed: show the first reason instead of an empty picker.
        if (list.length === 0 && partialErrors[0]) {
          set({ models: { status: "error", list, partialErrors: [], error: partialErrors[0] } });
          return;
        }
        set((s) => ({ models: { status: "ready", list, partialErrors }, form: withValidModel(s.form, list) }));
      },

      setForm(patch) {
        set((s) => ({ form: { ...s.form, ...patch } }));
      },

      selectModel(key) {
        const model = findModel(get().models.list, key);
        if (!model) return;
        set((s) => {
          const caps = imageCaps(model);
          const max = caps.spec.references?.max ?? 0;
          return { form: fitToModel(s.form, model), references: s.references.slice(0, max) };
        });
      },

      rerollSeed() {
        set((s) => ({ form: { ...s.form, seed: randomSeed() } }));
      },

      setReference(reference) {
        set({ references: reference ? [reference] : [] });
      },

      addReferences(added) {
        const { models, form, references } = get();
        const model = findModel(models.list, form.modelKey);
        const max = model ? (imageCaps(model).spec.references?.max ?? 0) : 0;
        // A one-reference model swaps its picture; a multi-reference one appends.
        const next = max <= 1 ? added.slice(-1) : [...references, ...added].slice(0, max);
        set({ references: next });
      },

      removeReference(index) {
        set((s) => ({ references: s.references.filter((_, i) => i !== index) }));
      },

      generate() {
        startJob(useImageStore);
      },

      cancel(jobId) {
        cancelJob(jobId);
        set((s) => ({ jobs: s.jobs.filter((j) => j.id !== jobId) }));
      },

      retry(jobId) {
        retryJob(useImageStore, jobId);
      },

      dismiss(jobId) {
        forgetJob(jobId);
        set((s) => ({ jobs: s.jobs.filter((j) => j.id !== jobId) }));
      },

      async reuseSettings(record) {
        const { models, form: current } = get();
        const restored = formFromRecord(record);
        // A model no longer offered (provider key removed): keep the chosen one, take the rest.
        const model = findModel(models.list, restored.modelKey) ?? findModel(models.list, current.modelKey);
        const form = model ? fitToModel(restored, model, true) : { ...restored, modelKey: current.modelKey };
        // The seed comes back fixed and exact (fitToModel leaves it alone): the same picture again.
        set({ form });
        const ids = referenceIds(record);
        if (ids.length > 0) {
          const found = await Promise.all(ids.map((id) => getImage(imagesDb(), id).then(asReference)));
          set({ references: found.filter((r): r is Reference => r !== undefined) });
        } else if (model && imageCaps(model).reference === "none") {
          set({ references: [] });
        }
      },

      async referenceFrom(record) {
        const reference = await asReference(record);
        if (!reference) return;
        const { models, form } = get();
        const current = findModel(models.list, form.modelKey);
        if (current && imageCaps(current).reference !== "none") {
          get().addReferences([reference]);
          return;
        }
        // The chosen model cannot take a reference: switch to one that can (an optional one first).
        const capable =
          models.list.find((m) => imageCaps(m).reference === "optional") ??
          models.list.find((m) => imageCaps(m).reference === "required");
        if (capable) set({ form: fitToModel(form, capable), references: [reference] });
      },

      async editFrom(record) {
        // The new edit's prompt is emptied at the click. The bytes are read after it, and a prompt
        // typed meanwhile must survive the switch (it was wiped: "Enter a prompt first").
        set((s) => ({ form: { ...s.form, prompt: "" } }));
        const reference = await asReference(record);
        if (!reference) return;
        const typed = get().form.prompt;
        if (get().editWith(reference)) set((s) => ({ form: { ...s.form, prompt: typed } }));
      },

      editWith(reference) {
        const { models, form } = get();
        const current = findModel(models.list, form.modelKey);
        const isEdit = (m: ModelInfo) => imageCaps(m).reference === "required";
        const model =
          (current && isEdit(current) ? current : undefined) ??
          models.list.find((m) => m.id === PREFERRED_EDIT_MODEL) ??
          models.list.find(isEdit);
        if (!model) return false;
        set({ form: { ...fitToModel(form, model, model === current), prompt: "" }, references: [reference] });
        return true;
      },

      async removeImage(record) {
        // The bytes are kept in memory until the undo window closes: deleting drops them from storage.
        const blob = await getMediaBlob(imagesDb(), record.blobId);
        await deleteImage(imagesDb(), record.id);
        deletedBlob = blob;
        set((s) => ({ deleted: record, viewing: s.viewing === record.id ? null : s.viewing }));
      },

      async undoRemove() {
        const record = get().deleted;
        const blob = deletedBlob;
        if (!record) return;
        set({ deleted: null });
        deletedBlob = undefined;
        if (!blob) return;
        // Same id and createdAt: the image returns to its place in the gallery and in its batch.
        await saveImage(imagesDb(), { ...record, blob });
      },

      closeUndo() {
        set({ deleted: null });
        deletedBlob = undefined;
      },
    }),
    {
      name: "siliconplay.images.form",
      storage: createJSONStorage(() => localStorage),
      // Jobs too: a generation running when the page goes away is shown as interrupted after the
      // reload instead of vanishing (its answer cannot reach a page that no longer exists).
      // Only those: finished ones are in the gallery, and the newest batch shows after a reload anyway.
      partialize: (s) => ({
        form: s.form,
        jobs: s.jobs.filter((j) => j.status === "running" || j.status === "interrupted").slice(0, KEPT_JOBS),
      }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<Pick<ImageStudioState, "form" | "jobs">>;
        const now = Date.now();
        const restored = (saved.jobs ?? []).map((job) =>
          job.status === "running" ? { ...job, status: "interrupted" as const, finishedAt: now } : job,
        );
        // Jobs started in this page before hydration stay in front.
        const live = new Set(current.jobs.map((j) => j.id));
        return {
          ...current,
          ...(saved.form ? { form: saved.form } : {}),
          jobs: [...current.jobs, ...restored.filter((j) => !live.has(j.id))],
        };
      },
      // Rehydrated by the studio after mount, so the server-rendered HTML matches the first render.
      skipHydration: true,
      version: 1,
    },
  ),
);

export type ImageStore = typeof useImageStore;
