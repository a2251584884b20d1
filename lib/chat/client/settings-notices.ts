// What was changed when a conversation's settings were fitted to its model (lib/chat/reconcile.ts),
// per conversation (or the new chat), so the composer can say so until the user dismisses it.

import { create } from "zustand";
import type { SettingField } from "@/lib/chat/bounds";
import type { SettingChange } from "@/lib/chat/reconcile";

interface SettingsNotice {
  model: string;
  clamped: SettingChange[];
  unused: SettingField[];
}

interface NoticeState {
  notices: Record<string, SettingsNotice>;
}

interface NoticeActions {
  /** Shows what changed; a fit that changed nothing leaves an earlier notice as it is. */
  report: (key: string, notice: SettingsNotice) => void;
  dismiss: (key: string) => void;
  /** The new chat became a conversation: its notice moves with it. */
  move: (from: string, to: string) => void;
}

const initialNoticeState: NoticeState = { notices: {} };

export const useSettingsNotices = create<NoticeState & NoticeActions>()((set) => ({
  ...initialNoticeState,
  report: (key, notice) =>
    set((s) => (notice.clamped.length + notice.unused.length > 0 ? { notices: { ...s.notices, [key]: notice } } : s)),
  dismiss: (key) =>
    set((s) => {
      const { [key]: _old, ...rest } = s.notices;
      return { notices: rest };
    }),
  move: (from, to) =>
    set((s) => {
      const { [from]: notice, ...rest } = s.notices;
      return notice ? { notices: { ...rest, [to]: notice } } : s;
    }),
}));

export const selectSettingsNotice = (key: string) => (s: NoticeState) => s.notices[key];
