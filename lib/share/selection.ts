// Which messages an export covers, how tall an image of them may be, and what the user is told when
// an export fails. Pure: the thread and the selection come from the caller (the selection is a set of
// message ids kept in state, since the virtualized thread holds only the rows near the viewport).

import type { MessageRef, Translate } from "@/lib/i18n";

/** The messages of `thread` that are selected, in thread order; all of them when there is no selection. */
export function pickMessages<T extends { id: string }>(thread: readonly T[], selected?: ReadonlySet<string>): T[] {
  return selected ? thread.filter((m) => selected.has(m.id)) : [...thread];
}

/** The set with `id` added, or removed when it was there (a new set: state is replaced, not mutated). */
export function toggleId(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (!next.delete(id)) next.add(id);
  return next;
}

export type ExportFormat = "image" | "html" | "markdown";
type Reason = "tooTall" | "gone" | "empty";

/** An export that cannot be made for a reason the user can act on. */
export class ExportError extends Error {
  constructor(
    readonly reason: Reason,
    readonly info: { height?: number } = {},
  ) {
    super(`export failed: ${reason}`);
    this.name = "ExportError";
  }
}

/** Chromium refuses canvases taller than 32,767 px (and larger than 268 M pixels). */
export const MAX_CANVAS_SIDE = 32_000;
/**
 * An image is scaled down to fit the canvas, but not below this: smaller, its text could not be read,
 * and the user is better served by selecting fewer messages or exporting as HTML.
 */
const MIN_IMAGE_SCALE = 0.75;
/** The tallest laid-out page (CSS px) one image holds. */
export const MAX_IMAGE_HEIGHT = Math.floor(MAX_CANVAS_SIDE / MIN_IMAGE_SCALE);

/** The scale to draw a page `height` CSS px tall at (sharper on a dense screen, up to 2×). */
export function imageScale(height: number, devicePixelRatio: number): number {
  if (height > MAX_IMAGE_HEIGHT) throw new ExportError("tooTall", { height });
  return Math.min(devicePixelRatio || 1, 2, MAX_CANVAS_SIDE / Math.max(1, height));
}

/** What the alert says: which export failed, why, and what to do. The conversation is never touched. */
export function exportFailure(format: ExportFormat, error: unknown): MessageRef {
  let reason: MessageRef;
  if (error instanceof ExportError && error.reason === "tooTall") {
    reason = {
      key: "export.reason.tooTall",
      vars: { height: Math.round(error.info.height ?? 0), max: MAX_IMAGE_HEIGHT },
    };
  } else if (error instanceof ExportError) {
    reason = { key: error.reason === "gone" ? "export.reason.gone" : "export.reason.empty" };
  } else {
    reason = { key: "export.reason.other" };
  }
  const failed: MessageRef = { key: "export.failed", vars: { format: { key: `export.format.${format}` }, reason } };
  return { key: "export.failure", vars: { failed, kept: { key: "export.kept" } } };
}

export function exportFailureText(t: Translate, format: ExportFormat, error: unknown): string {
  const ref = exportFailure(format, error);
  return t(ref.key, ref.vars);
}
