"use client";

import { type ClipboardEvent, type DragEvent, type ReactNode, type Ref, useState } from "react";
import { buttonClass } from "./button";
import { UploadIcon } from "./icons";
import { cn, hintClass } from "./styles";

/**
 * The studios' one upload control: a dashed area that takes dropped (and, with `paste`, pasted)
 * files, showing what is chosen (`preview`) beside its buttons (an `UploadButton`, a gallery pick)
 * and a hint. Dropping and pasting are shortcuts; the Upload button is the keyboard path.
 */
export function UploadZone({
  onFiles,
  paste = false,
  preview,
  hint,
  id,
  testId,
  children,
}: {
  /** Dropped (or pasted) files; leave out to take no drops. */
  onFiles?: (files: File[]) => void;
  paste?: boolean;
  preview?: ReactNode;
  hint?: ReactNode;
  id?: string;
  testId?: string;
  children: ReactNode;
}) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length > 0) onFiles?.([...e.dataTransfer.files]);
  };
  const onPaste = (e: ClipboardEvent) => {
    const files = [...e.clipboardData.files];
    if (files.length === 0) return;
    e.preventDefault();
    onFiles?.(files);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping and pasting are shortcuts; the Upload button is the keyboard path.
    <div
      id={id}
      data-testid={testId}
      data-dragging={dragging || undefined}
      onDragOver={
        onFiles
          ? (e) => {
              e.preventDefault();
              setDragging(true);
            }
          : undefined
      }
      onDragLeave={onFiles ? () => setDragging(false) : undefined}
      onDrop={onFiles ? onDrop : undefined}
      onPaste={onFiles && paste ? onPaste : undefined}
      className="flex scroll-mt-4 scroll-mb-32 flex-wrap items-center gap-3 rounded-xl border border-dashed border-zinc-300 p-3 transition-colors data-dragging:border-violet-500 data-dragging:bg-violet-50 dark:border-zinc-700 dark:data-dragging:bg-violet-950/30"
    >
      {preview}
      <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
        {children}
        {hint && <p className={cn(hintClass, "w-full")}>{hint}</p>}
      </div>
    </div>
  );
}

/**
 * "Upload …": a button-looking label around a visually hidden file input, so a click, Enter or
 * Space opens the file chooser and tests reach the input by its test id.
 */
export function UploadButton({
  accept,
  multiple,
  disabled,
  onFiles,
  inputRef,
  inputId,
  testId,
  describedBy,
  children,
}: {
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  inputRef?: Ref<HTMLInputElement>;
  inputId?: string;
  testId?: string;
  describedBy?: string;
  children: ReactNode;
}) {
  return (
    <label
      className={cn(
        buttonClass("secondary", "sm"),
        "cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-violet-600 has-disabled:cursor-not-allowed has-disabled:opacity-50",
      )}
    >
      <UploadIcon />
      {children}
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        data-testid={testId}
        aria-describedby={describedBy}
        className="sr-only"
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = "";
        }}
      />
    </label>
  );
}
