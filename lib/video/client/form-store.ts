// The Generate form's draft, in memory (zustand) so it survives moving between pages of the app and
// so a gallery card's "Reuse settings" can fill the form that lives in another component.

import { create } from "zustand";
import type { VideoJob } from "@/lib/db/schema";
import type { AppError, AppErrorJSON } from "@/lib/errors";
import { sizeForAspect } from "./choices";
import type { PickedImage } from "./start-image";

export interface VideoDraft {
  prompt: string;
  negativePrompt: string;
  /** Model id ("" until the model list has loaded). */
  model: string;
  /** `WxH` from the model's sizes (Wan: three; CogVideoX: up to 3840x2160). */
  size: string;
  /** As typed: empty means "let the provider pick". */
  seed: string;
  image: PickedImage | null;
  /** The last frame, for models that take first and last frame (CogVideoX-3). */
  lastImage: PickedImage | null;
  /** CogVideoX: speed | quality; empty for the model's default. */
  quality: string;
  withAudio: boolean;
  /** Empty for the model's default. */
  fps: string;
  duration: string;
}

interface VideoFormState extends VideoDraft {
  /** Bumped by reuse() so the form can scroll to itself and focus the prompt. */
  reusedAt: number;
  /** A start image that could not be read (bad upload, gallery image gone). */
  imageError: AppErrorJSON | null;
}

interface VideoFormActions {
  patch: (changes: Partial<VideoDraft>) => void;
  setImageError: (err: AppError | null) => void;
  /** A newly picked start image; the size follows its aspect ratio, as the provider's I2V output does. */
  setImage: (image: PickedImage | null) => void;
  setLastImage: (image: PickedImage | null) => void;
  /** The job's settings back in the form; its frames are read from storage by the caller (lib/video/client/db.ts). */
  reuse: (job: VideoJob, frames?: { start?: Blob; last?: Blob }) => void;
}

const initialVideoFormState: VideoFormState = {
  prompt: "",
  negativePrompt: "",
  model: "",
  size: "1280x720",
  seed: "",
  image: null,
  lastImage: null,
  quality: "",
  withAudio: false,
  fps: "",
  duration: "",
  reusedAt: 0,
  imageError: null,
};

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export const useVideoForm = create<VideoFormState & VideoFormActions>()((set) => ({
  ...initialVideoFormState,
  patch: (changes) => set(changes.image === undefined ? changes : { ...changes, imageError: null }),
  setImageError: (err) => set({ imageError: err ? err.toJSON() : null }),
  setImage: (image) =>
    set(
      image ? { image, size: sizeForAspect(image.width, image.height), imageError: null } : { image, imageError: null },
    ),
  setLastImage: (lastImage) => set({ lastImage, imageError: null }),
  reuse: (job, frames = {}) => {
    const p = job.params;
    const size = typeof p.size === "string" && /^\d+x\d+$/.test(p.size) ? p.size : "1280x720";
    const seed = job.seed ?? (typeof p.seed === "number" ? p.seed : undefined);
    const image: PickedImage | null = frames.start
      ? {
          blob: frames.start,
          width: Number(p.imageWidth) || 0,
          height: Number(p.imageHeight) || 0,
          source: "upload",
          name: str(p.imageName) || undefined,
        }
      : null;
    set({
      prompt: job.prompt,
      negativePrompt: str(p.negativePrompt),
      model: job.model.id,
      size,
      seed: seed === undefined ? "" : String(seed),
      image,
      lastImage: frames.last
        ? { blob: frames.last, width: 0, height: 0, source: "upload", name: str(p.lastImageName) || undefined }
        : null,
      quality: str(p.quality),
      withAudio: p.withAudio === true,
      fps: typeof p.fps === "number" ? String(p.fps) : "",
      duration: typeof p.duration === "number" ? String(p.duration) : "",
      reusedAt: Date.now(),
    });
  },
}));

/** One field of the form (a string, flag or picked image), by name. */
export const selectVideoField =
  <K extends keyof VideoFormState>(key: K) =>
  (s: VideoFormState): VideoFormState[K] =>
    s[key];
/** The fields the Generate form itself shows; use with `useShallow` (a new object each time). */
export const selectVideoFormFields = (s: VideoFormState) => ({
  prompt: s.prompt,
  negativePrompt: s.negativePrompt,
  model: s.model,
  size: s.size,
  seed: s.seed,
  image: s.image,
  reusedAt: s.reusedAt,
});
