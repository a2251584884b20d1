"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { sniffImage } from "@/lib/images/sniff";
import { ASSISTANT_IMAGE_SIDE, ASSISTANT_IMAGE_TYPES, assistantImageProblem } from "@/lib/organize/assistant-image";

/**
 * The picked file as a small square data: URL: its type read from its bytes (a renamed file is
 * refused), drawn centred and cropped on a canvas, and re-encoded, so what is stored is always small.
 */
async function toSmallImage(file: File): Promise<string | null> {
  const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
  const info = sniffImage(head);
  if (!info || !(ASSISTANT_IMAGE_TYPES as readonly string[]).includes(info.mime)) return null;
  const bitmap = await createImageBitmap(file);
  const side = ASSISTANT_IMAGE_SIDE;
  const canvas = document.createElement("canvas");
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  const scale = Math.max(side / bitmap.width, side / bitmap.height);
  const w = bitmap.width * scale;
  const h = bitmap.height * scale;
  ctx.drawImage(bitmap, (side - w) / 2, (side - h) / 2, w, h);
  bitmap.close();
  const url = canvas.toDataURL("image/png");
  return assistantImageProblem(url) === null ? url : canvas.toDataURL("image/jpeg", 0.85);
}

/** "Image": an optional picture beside the emoji, with "Remove image". */
export function AssistantImageField({ value, onChange }: { value: string; onChange: (next: string) => void }) {
  const t = useT();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {t("assistants.image")}
      </label>
      <div className="flex items-center gap-3">
        {value && (
          // biome-ignore lint/performance/noImgElement: a tiny data: URL, nothing for next/image to do
          <img src={value} alt="" width={36} height={36} className="size-9 rounded-lg object-cover" />
        )}
        <input
          id={id}
          type="file"
          accept={ASSISTANT_IMAGE_TYPES.join(",")}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          className="text-sm"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            try {
              const url = await toSmallImage(file);
              if (!url || assistantImageProblem(url) !== null) throw new Error("unreadable");
              setError(null);
              onChange(url);
            } catch {
              setError(t("assistants.image.invalid"));
            }
          }}
        />
        {value && (
          <Button variant="secondary" size="sm" onClick={() => onChange("")}>
            {t("assistants.image.remove")}
          </Button>
        )}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          {t("assistants.image.hint")}
        </p>
      )}
    </div>
  );
}
