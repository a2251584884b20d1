import { imageCaps } from "../capabilities";
import type { ImageForm } from "./form";
import type { ImageStudioState } from "./studio-state";

// What the image studio's components read from the store (client/store.ts), by name. Each
// returns a value already in the state or a primitive, so a subscriber re-renders only when it changes.

export const selectForm = (s: ImageStudioState) => s.form;
export const selectFormField =
  <K extends keyof ImageForm>(key: K) =>
  (s: ImageStudioState): ImageForm[K] =>
    s.form[key];
export const selectModels = (s: ImageStudioState) => s.models;
export const selectReferences = (s: ImageStudioState) => s.references;
export const selectReferenceCount = (s: ImageStudioState) => s.references.length;
export const selectJobs = (s: ImageStudioState) => s.jobs;
export const selectRunningCount = (s: ImageStudioState) => s.jobs.filter((j) => j.status === "running").length;
export const selectDeleted = (s: ImageStudioState) => s.deleted;
export const selectViewing = (s: ImageStudioState) => s.viewing;
/** Some offered model takes a reference picture ("Use as reference"). */
export const selectCanReference = (s: ImageStudioState) => s.models.list.some((m) => imageCaps(m).reference !== "none");
/** Some offered model edits a picture ("Edit again"). */
export const selectCanEdit = (s: ImageStudioState) => s.models.list.some((m) => imageCaps(m).reference === "required");
