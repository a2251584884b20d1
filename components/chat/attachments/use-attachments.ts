"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ModelInfo } from "@/lib/providers/catalog";
import { CorruptImageError, prepareImage } from "@/lib/vision/prepare";
import { checkFile, imageLimits } from "@/lib/vision/size";

export interface DraftImage {
  key: string;
  name: string;
  blob: Blob;
  width: number;
  height: number;
  previewUrl: string;
}

export type AttachProblem = { kind: "type" | "size" | "corrupt"; name: string } | { kind: "count"; max: number };

let counter = 0;

/** The images waiting in the message box: checked, prepared in the browser, with object-URL previews. */
export function useAttachments(model: ModelInfo) {
  const [images, setImages] = useState<DraftImage[]>([]);
  const [problems, setProblems] = useState<AttachProblem[]>([]);
  const [preparing, setPreparing] = useState(0);
  const imagesRef = useRef(images);
  imagesRef.current = images;
  const modelRef = useRef(model);
  modelRef.current = model;

  // Object URLs are released when their image leaves the box or the box goes away.
  useEffect(
    () => () => {
      for (const i of imagesRef.current) URL.revokeObjectURL(i.previewUrl);
    },
    [],
  );

  const add = useCallback(async (files: readonly File[]) => {
    if (files.length === 0) return;
    const m = modelRef.current;
    const max = m.vision ? m.maxImages : 0;
    const found: AttachProblem[] = [];
    const accepted: File[] = [];
    let count = imagesRef.current.length;
    for (const file of files) {
      const problem = checkFile(file, count, max);
      if (problem === "count") {
        if (!found.some((p) => p.kind === "count")) found.push({ kind: "count", max });
        continue;
      }
      if (problem) {
        found.push({ kind: problem, name: file.name });
        continue;
      }
      accepted.push(file);
      count++;
    }
    setProblems(found);
    setPreparing((n) => n + accepted.length);
    const limits = imageLimits(m);
    await Promise.all(
      accepted.map(async (file) => {
        try {
          const out = await prepareImage(file, limits);
          const image: DraftImage = {
            key: `img-${++counter}`,
            name: file.name || "image.jpg",
            blob: out.blob,
            width: out.width,
            height: out.height,
            previewUrl: URL.createObjectURL(out.blob),
          };
          setImages((list) => [...list, image]);
        } catch (err) {
          if (!(err instanceof CorruptImageError)) console.error("[attach]", err);
          setProblems((list) => [...list, { kind: "corrupt", name: file.name }]);
        } finally {
          setPreparing((n) => n - 1);
        }
      }),
    );
  }, []);

  const remove = useCallback((key: string) => {
    setImages((list) => {
      const gone = list.find((i) => i.key === key);
      if (gone) URL.revokeObjectURL(gone.previewUrl);
      return list.filter((i) => i.key !== key);
    });
    setProblems([]);
  }, []);

  /** After sending: the stored copies take over; the previews go. */
  const clear = useCallback(() => {
    setImages((list) => {
      for (const i of list) URL.revokeObjectURL(i.previewUrl);
      return [];
    });
    setProblems([]);
  }, []);

  return { images, problems, preparing: preparing > 0, add, remove, clear, dismiss: () => setProblems([]) };
}

/** Image files of a paste or drop (files first; items for browsers that only fill those). */
export function filesOf(data: DataTransfer | null): File[] {
  if (!data) return [];
  if (data.files.length > 0) return Array.from(data.files);
  const out: File[] = [];
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind !== "file") continue;
    const f = item.getAsFile();
    if (f) out.push(f);
  }
  return out;
}
