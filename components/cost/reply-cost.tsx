"use client";

import { formatYuan } from "@/lib/cost/format";
import { replyCost, replySpeed, type StoredReply } from "@/lib/cost/reply";
import type { SpeedFigures } from "@/lib/cost/speed";
import type { Translate } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import { usePriceOverrides } from "./use-cost-prefs";

const figure = "tabular-nums text-xs text-zinc-400 dark:text-zinc-500";

function seconds(ms: number): string {
  return ms < 10_000 ? (ms / 1000).toFixed(2) : (ms / 1000).toFixed(1);
}

/** "first token 0.42 s · 38 tok/s · 2.10 s", leaving out what could not be measured. */
function speedText(t: Translate, speed: SpeedFigures): string {
  const parts: string[] = [];
  if (speed.ttftMs !== null) parts.push(t("cost.speed.ttft", { s: seconds(speed.ttftMs) }));
  if (speed.tokensPerSecond !== null) parts.push(t("cost.speed.rate", { rate: Math.round(speed.tokensPerSecond) }));
  parts.push(t("cost.speed.total", { s: seconds(speed.totalMs) }));
  return parts.join(" · ");
}

/** A reply's cost in yuan and its speed, under the reply (ui-contract: message-cost, message-speed). */
export function ReplyCost({ message }: { message: StoredReply }) {
  const t = useT();
  const overrides = usePriceOverrides();
  const cost = replyCost(message, overrides);
  const speed = replySpeed(message);
  if (!cost && !speed) return null;
  const yuan = cost ? formatYuan(cost.yuan) : null;
  return (
    <>
      {cost && (
        <span
          data-testid="message-cost"
          data-yuan={cost.yuan ?? undefined}
          className={`${figure} ml-2`}
          title={cost.free ? t("cost.free") : t("cost.reply.title")}
        >
          {yuan ?? t("cost.unknown")}
        </span>
      )}
      {speed && (
        <span data-testid="message-speed" className={`${figure} ml-2`} title={t("cost.speed.title")}>
          {speedText(t, speed)}
        </span>
      )}
    </>
  );
}
