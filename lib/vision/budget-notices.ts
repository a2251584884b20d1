// What the last request of each conversation did to its earlier images to fit the size limit, so
// the composer can say so: an image the model no longer sees must never vanish silently.

import { create } from "zustand";

interface BudgetNotice {
  reduced: number;
  omitted: number;
}

interface NoticeState {
  notices: Record<string, BudgetNotice>;
  /** The outcome of a conversation's latest request; nothing changed clears its notice. */
  report: (conversationId: string, notice: BudgetNotice) => void;
  dismiss: (conversationId: string) => void;
}

export const useBudgetNotices = create<NoticeState>()((set) => ({
  notices: {},
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
