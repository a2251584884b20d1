"use client";

import { CloseIcon } from "@/components/ui/icons";
import { useT } from "@/lib/i18n/client";
import { selectBudgetNotice, useBudgetNotices } from "@/lib/vision/budget-notices";

/** Says when the last request re-sent earlier images smaller or left some out (lib/vision/budget.ts). */
export function BudgetNotice({ conversationId }: { conversationId: string }) {
  const t = useT();
  const notice = useBudgetNotices(selectBudgetNotice(conversationId));
  if (!notice) return null;
  return (
    <div
      role="status"
      data-testid="image-budget-notice"
      data-reduced={notice.reduced}
      data-omitted={notice.omitted}
      className="mb-2 flex items-start gap-2 rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-200"
    >
      <div className="min-w-0 flex-1">
        {notice.omitted > 0 && <p>{t("chat.attach.budget.omitted", { count: notice.omitted })}</p>}
        {notice.reduced > 0 && <p>{t("chat.attach.budget.reduced", { count: notice.reduced })}</p>}
      </div>
      <button
        type="button"
        aria-label={t("common.dismiss")}
        title={t("common.dismiss")}
        onClick={() => useBudgetNotices.getState().dismiss(conversationId)}
        className="inline-flex size-5 shrink-0 items-center justify-center rounded hover:bg-sky-100 dark:hover:bg-sky-900"
      >
        <CloseIcon size={12} />
      </button>
    </div>
  );
}
