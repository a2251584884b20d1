import type { StoreApi } from "zustand";
import type { ImageRecord } from "@/lib/db";
import type { AppErrorJSON } from "@/lib/errors";
import type { ModelInfo } from "@/lib/providers/catalog";
import type { ModelRef } from "@/lib/providers/catalog-types";
import type { ImageForm } from "./form";

// The image studio's state types, apart from the store that holds them: jobs.ts runs generations
// against the store (passed in as a parameter) and store.ts calls jobs.ts, so the types jobs.ts
// needs live here and the two modules import in one direction only (store -> jobs -> this file).
// The state (data only, what selectors read) and the actions are two types; the store holds both.

export interface Reference {
  blob: Blob;
  name: string;
  /** Set when the reference is a gallery image. */
  imageId?: string;
}

/** `interrupted`: the page was reloaded or closed while the request ran, so its answer was lost. */
type JobStatus = "running" | "succeeded" | "failed" | "interrupted";

export interface ImageJob {
  /** Also the batchId of the stored images. */
  id: string;
  status: JobStatus;
  prompt: string;
  model: ModelRef;
  batchSize: number;
  size: string;
  startedAt: number;
  finishedAt?: number;
  imageIds: string[];
  /** The seed the images were made with, once known. */
  seed?: number | null;
  error?: AppErrorJSON;
  /** Some results of a batch could not be downloaded; the others are stored. */
  warnings: AppErrorJSON[];
}

interface ModelsState {
  status: "idle" | "loading" | "ready" | "error";
  list: ModelInfo[];
  /** A provider whose list failed while others loaded. */
  partialErrors: AppErrorJSON[];
  error?: AppErrorJSON;
}

export interface ImageStudioState {
  form: ImageForm;
  /** In order: `image`, `image2`, `image3` (edit models take up to three). */
  references: Reference[];
  jobs: ImageJob[];
  models: ModelsState;
  /** The last deleted image, kept briefly for Undo. */
  deleted: ImageRecord | null;
  /** The image open full size, if any. */
  viewing: string | null;
}

export interface ImageStudioActions {
  view(id: string | null): void;
  loadModels(force?: boolean): Promise<void>;
  setForm(patch: Partial<ImageForm>): void;
  selectModel(key: string): void;
  rerollSeed(): void;
  setReference(reference: Reference | null): void;
  /** Adds references after the ones there, up to what the chosen model takes. */
  addReferences(references: Reference[]): void;
  removeReference(index: number): void;
  generate(): void;
  cancel(jobId: string): void;
  retry(jobId: string): void;
  dismiss(jobId: string): void;
  reuseSettings(record: ImageRecord): Promise<void>;
  referenceFrom(record: ImageRecord): Promise<void>;
  /** "Edit again": the image becomes the only reference of an edit model, so edits chain. */
  editFrom(record: ImageRecord): Promise<void>;
  /** Any picture (one from chat) as the only reference of an edit model; false when none is offered. */
  editWith(reference: Reference): boolean;
  removeImage(record: ImageRecord): Promise<void>;
  undoRemove(): Promise<void>;
  /** The Undo offer ends (its toast timed out): the deleted image's bytes are let go. */
  closeUndo(): void;
}

/** What jobs.ts needs of the store: read and update the state. */
export type ImageStoreApi = Pick<StoreApi<ImageStudioState & ImageStudioActions>, "getState" | "setState">;
