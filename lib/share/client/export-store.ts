// Exports in the browser: the messages selected for "Export as image" (ids in state, since the
// virtualized thread holds only the rows near the viewport), whether an export is under way, and the
// last failure, shown as an alert until dismissed. Nothing here touches the conversation itself.

import { create } from "zustand";
import type { MessageRef } from "@/lib/i18n";
import { type ExportFormat, exportFailure, toggleId } from "@/lib/share/selection";

interface ExportFailure {
  format: ExportFormat;
  /** Which export failed and why; the alert translates it when it renders. */
  message: MessageRef;
  /** The browser's own words, for a report (shown folded). */
  detail?: string;
}

interface ExportState {
  /** The conversation in selection mode, or null. */
  selecting: string | null;
  selected: ReadonlySet<string>;
  busy: boolean;
  failure: ExportFailure | null;
}

interface ExportActions {
  startSelecting: (conversationId: string) => void;
  stopSelecting: () => void;
  toggle: (messageId: string) => void;
  selectAll: (messageIds: readonly string[]) => void;
  /** Runs an export; a failure becomes the alert instead of only a line in the console. */
  run: (format: ExportFormat, work: () => Promise<void>) => Promise<boolean>;
  dismiss: () => void;
}

const EMPTY: ReadonlySet<string> = new Set();

export const initialExportState: ExportState = { selecting: null, selected: EMPTY, busy: false, failure: null };

export const useExport = create<ExportState & ExportActions>()((set, get) => ({
  ...initialExportState,
  startSelecting: (conversationId) => set({ selecting: conversationId, selected: EMPTY, failure: null }),
  stopSelecting: () => set({ selecting: null, selected: EMPTY }),
  toggle: (messageId) => set((s) => ({ selected: toggleId(s.selected, messageId) })),
  selectAll: (messageIds) => set({ selected: new Set(messageIds) }),
  run: async (format, work) => {
    if (get().busy) return false;
    set({ busy: true, failure: null });
    try {
      await work();
      return true;
    } catch (error) {
      console.error("export failed", error);
      const message = exportFailure(format, error);
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      set({ failure: { format, message, detail } });
      return false;
    } finally {
      set({ busy: false });
    }
  },
  dismiss: () => set({ failure: null }),
}));

export const selectIsSelecting = (conversationId: string) => (s: ExportState) => s.selecting === conversationId;
export const selectIsSelected = (messageId: string) => (s: ExportState) => s.selected.has(messageId);
export const selectSelected = (s: ExportState) => s.selected;
export const selectExportBusy = (s: ExportState) => s.busy;
export const selectExportFailure = (s: ExportState) => s.failure;
