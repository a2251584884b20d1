// What the last request of each conversation did to its earlier images to fit the size limit, so
// the composer can say so: an image the model no longer sees must never vanish silently.

import { create } from "zustand";

interface BudgetNotice {
  reduced: number;
  omitted: number;
}

interface NoticeState {
  notices: Record<string, BudgetNotice>;
}

interface NoticeActions {
  /** The outcome of a conversation's latest request; nothing changed clears its notice. */
  report: (conversationId: string, notice: BudgetNotice) => void;
  dismiss: (conversationId: string) => void;
}

const initialNoticeState: NoticeState = { notices: {} };

export const useBudgetNotices = create<NoticeState & NoticeActions>()((set) => ({
  ...initialNoticeState,
  report: (conversationId, notice) =>
    set((s) => {
      const { [conversationId]: _old, ...rest } = s.notices;
      return { notices: notice.reduced + notice.omitted > 0 ? { ...rest, [conversationId]: notice } : rest };
    }),
  dismiss: (conversationId) =>
    set((s) => {
      const { [conversationId]: _old, ...rest } = s.notices;
      return { notices: rest };
    }),
}));

export const selectBudgetNotice = (conversationId: string) => (s: NoticeState) => s.notices[conversationId];
