"use client";

import { useMemo } from "react";
import { formatYuan } from "@/lib/cost/format";
import { conversationCost, type StoredReply } from "@/lib/cost/reply";
import { useT } from "@/lib/i18n/client";
import { usePriceOverrides } from "./use-cost-prefs";

/** The total of a conversation's replies (every branch: each was paid for), beside its token totals. */
export function ConversationCost({ messages }: { messages: readonly StoredReply[] | undefined }) {
  const t = useT();
  const overrides = usePriceOverrides();
  const total = useMemo(() => (messages ? conversationCost(messages, overrides) : null), [messages, overrides]);
  if (!total || total.count === 0) return null;
  const cost = formatYuan(total.yuan) ?? "¥0";
  return (
    <span
      data-testid="conversation-cost"
      data-yuan={total.yuan}
      className="shrink-0 px-1 text-xs tabular-nums text-zinc-500 dark:text-zinc-400"
      title={t("cost.conversation.title")}
    >
      {total.complete ? t("cost.conversation", { cost }) : t("cost.conversation.partial", { cost })}
    </span>
  );
}
