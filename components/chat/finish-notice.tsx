"use client";

import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";

/** Why a reply ended early, in a word the user can act on (Continue sits in the actions below). */
function noticeKey(status: string, finishReason: string | undefined, elsewhere: boolean): MessageKey | null {
  if (status === "streaming") return elsewhere ? "chat.notice.elsewhere" : null;
  if (status === "stopped") return "chat.notice.stopped";
  if (status === "interrupted") return "chat.notice.interrupted";
  if (finishReason === "length") return "chat.notice.length";
  if (finishReason === "sensitive") return "chat.notice.sensitive";
  if (finishReason === "risky") return "chat.notice.risky";
  return null;
}

/** A reply that can be carried on from where it stopped. */
export function canContinue(status: string, finishReason: string | undefined): boolean {
  return status === "stopped" || status === "interrupted" || (status === "complete" && finishReason === "length");
}

export function FinishNotice({
  status,
  finishReason,
  elsewhere = false,
}: {
  status: string;
  finishReason?: string;
  elsewhere?: boolean;
}) {
  const t = useT();
  const key = noticeKey(status, finishReason, elsewhere);
  if (!key) return null;
  const warn = finishReason === "sensitive" || finishReason === "risky";
  return (
    <p
      data-testid="finish-notice"
      data-reason={status === "complete" ? finishReason : status}
      className={`mt-2 rounded-md px-2.5 py-1.5 text-xs ${
        warn
          ? "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          : "bg-zinc-100 text-zinc-600 dark:bg-zinc-800/70 dark:text-zinc-300"
      }`}
    >
      {t(key)}
    </p>
  );
}

export function UsageLine({ usage }: { usage?: { input: number; output: number; reasoning: number } }) {
  const t = useT();
  if (!usage) return null;
  const text = t("chat.usage.reply", { input: usage.input, output: usage.output });
  return (
    <span data-testid="message-usage" className="tabular-nums text-xs text-zinc-400 dark:text-zinc-500">
      {text}
      {usage.reasoning > 0 && ` · ${t("chat.usage.reasoning", { reasoning: usage.reasoning })}`}
    </span>
  );
}
