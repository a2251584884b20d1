// The Generate form's draft, in memory (zustand) so it survives moving between pages of the app and
// so a gallery card's "Reuse settings" can fill the form that lives in another component.

import { create } from "zustand";
import type { VideoJob } from "@/lib/db/schema";
import type { AppError, AppErrorJSON } from "@/lib/errors";
import type { PickedImage } from "./start-image";
import { sizeForAspect, VIDEO_SIZES, type VideoSize } from "./types";

export interface VideoDraft {
  prompt: string;
  negativePrompt: string;
  /** Model id ("" until the model list has loaded). */
  model: string;
  size: VideoSize;
  /** As typed: empty means "let the provider pick". */
  seed: string;
  image: PickedImage | null;
}

interface VideoFormState extends VideoDraft {
  /** Bumped by reuse() so the form can scroll to itself and focus the prompt. */
  reusedAt: number;
  /** A start image that could not be read (bad upload, gallery image gone). */
  imageError: AppErrorJSON | null;
  patch: (changes: Partial<VideoDraft>) => void;
  setImageError: (err: AppError | null) => void;
  /** A newly picked start image; the size follows its aspect ratio, as the provider's I2V output does. */
  setImage: (image: PickedImage | null) => void;
  reuse: (job: VideoJob) => void;
}

export const initialDraft: VideoDraft = {
  prompt: "",
  negativePrompt: "",
  model: "",
  size: "1280x720",
  seed: "",
  image: null,
};

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export const useVideoForm = create<VideoFormState>()((set) => ({
  ...initialDraft,
  reusedAt: 0,
  imageError: null,
  patch: (changes) => set(changes.image === undefined ? changes : { ...changes, imageError: null }),
  setImageError: (err) => set({ imageError: err ? err.toJSON() : null }),
  setImage: (image) =>
    set(
      image ? { image, size: sizeForAspect(image.width, image.height), imageError: null } : { image, imageError: null },
    ),
  reuse: (job) => {
    const p = job.params;
    const size = VIDEO_SIZES.includes(p.size as VideoSize) ? (p.size as VideoSize) : "1280x720";
    const seed = job.seed ?? (typeof p.seed === "number" ? p.seed : undefined);
    const image: PickedImage | null = job.startImage
      ? {
          blob: job.startImage,
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
      reusedAt: Date.now(),
    });
  },
}));
