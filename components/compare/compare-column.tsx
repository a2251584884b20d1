"use client";

import { forwardRef, useCallback, useEffect, useState } from "react";
import { MessageRow } from "@/components/chat/message-row";
import { usePriceOverrides } from "@/components/cost/use-cost-prefs";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { CloseIcon, StopIcon } from "@/components/ui/icons";
import { NativeSelect } from "@/components/ui/native-select";
import { useConversation } from "@/lib/chat/client/hooks";
import { selectSession, useChatSessions } from "@/lib/chat/client/sessions";
import type { ChatModelRef } from "@/lib/chat/contract";
import type { ColumnResult } from "@/lib/compare/best";
import { stepColumnVersion } from "@/lib/compare/client/db";
import type { ColumnStatus } from "@/lib/compare/scheduler";
import { replyCost } from "@/lib/cost/reply";
import { useT } from "@/lib/i18n/client";
import type { ModelInfo } from "@/lib/providers/catalog";

const PROVIDER_LABEL = { siliconflow: "SiliconFlow", glm: "GLM" } as const;

const modelValue = (m: ChatModelRef) => `${m.provider}:${m.id}`;

function parseModelValue(value: string): ChatModelRef | null {
  const at = value.indexOf(":");
  const provider = value.slice(0, at);
  if (provider !== "siliconflow" && provider !== "glm") return null;
  return { provider, id: value.slice(at + 1) };
}

/** The model list grouped by provider; the chosen model stays listed even if the list lacks it. */
function modelGroups(models: readonly ModelInfo[], chosen: ChatModelRef) {
  const all = models.some((m) => m.provider === chosen.provider && m.id === chosen.id)
    ? models
    : [...models, { provider: chosen.provider, id: chosen.id, free: false } as ModelInfo];
  return (["siliconflow", "glm"] as const)
    .map((p) => ({
      label: PROVIDER_LABEL[p],
      options: all.filter((m) => m.provider === p).map((m) => ({ value: modelValue(m), label: m.id })),
    }))
    .filter((g) => g.options.length > 0);
}

interface CompareColumnProps {
  index: number;
  /** The column's conversation; absent before the first prompt. */
  conversationId?: string;
  model: ChatModelRef;
  models: readonly ModelInfo[];
  status: ColumnStatus | "idle";
  marks: { fastest: boolean; cheapest: boolean };
  canRemove: boolean;
  onModel: (model: ChatModelRef) => void;
  onRemove: () => void;
  onStop: () => void;
  onContinue?: () => void;
  onScroll?: () => void;
  /** The column's last reply, for the fastest and cheapest marks. */
  onResult?: (result: ColumnResult) => void;
}

/** One model's side of a comparison: its picker, Stop, its thread, and "Continue with this reply". */
export const CompareColumn = forwardRef<HTMLDivElement, CompareColumnProps>(function CompareColumn(props, scrollRef) {
  const { index, conversationId, model, status } = props;
  const t = useT();
  const session = useChatSessions(selectSession(conversationId));
  const busy = session?.busy ?? false;
  // Once the streaming reply's row is on screen, its text comes from the live chat: four savers'
  // writes re-reading four threads would cost the stream its frame rate for nothing.
  const [holding, setHolding] = useState(false);
  const { thread, versions } = useConversation(conversationId, holding);
  const hold = busy && !!session?.replyId && thread.some((m) => m.id === session.replyId);
  if (hold !== holding) setHolding(hold);
  const running = busy || status === "queued";
  const hasReply = thread.some((m) => m.role === "assistant" && m.status !== "streaming");
  const onStep = useCallback(
    (messageId: string, delta: number) => {
      if (conversationId) void stepColumnVersion(conversationId, messageId, delta);
    },
    [conversationId],
  );
  const columnLabel = t("compare.column", { n: index + 1 });
  const overrides = usePriceOverrides();
  const last = thread.findLast((m) => m.role === "assistant");
  const totalMs = last?.status === "complete" ? (last.durationMs ?? null) : null;
  const cost = last ? (replyCost(last, overrides)?.yuan ?? null) : null;
  const { onResult } = props;
  useEffect(() => {
    if (conversationId) onResult?.({ id: conversationId, totalMs, cost });
  }, [conversationId, totalMs, cost, onResult]);

  return (
    <section
      data-testid="compare-column"
      data-status={busy ? "running" : status}
      data-fastest={props.marks.fastest || undefined}
      data-cheapest={props.marks.cheapest || undefined}
      aria-label={columnLabel}
      className="flex min-h-0 min-w-0 snap-start flex-col rounded-xl border border-zinc-200 bg-white max-md:w-[85vw] max-md:shrink-0 dark:border-zinc-800 dark:bg-zinc-950"
    >
      <header className="flex items-end gap-2 border-b border-zinc-200 p-2 dark:border-zinc-800">
        <Field label={t("compare.model")} className="min-w-0 flex-1">
          <NativeSelect
            data-testid="compare-model-picker"
            value={modelValue(model)}
            disabled={running}
            groups={modelGroups(props.models, model)}
            onChange={(e) => {
              const next = parseModelValue(e.target.value);
              if (next) props.onModel(next);
            }}
          />
        </Field>
        {running && (
          <Button variant="secondary" size="sm" onClick={props.onStop}>
            <StopIcon size={12} />
            {t("compare.stop")}
          </Button>
        )}
        {props.canRemove && !running && (
          <Button variant="icon" size="sm" label={t("compare.remove", { n: index + 1 })} onClick={props.onRemove}>
            <CloseIcon size={14} />
          </Button>
        )}
      </header>
      {(props.marks.fastest || props.marks.cheapest || status === "queued") && (
        <p className="flex flex-wrap gap-1 px-2 pt-2 text-xs">
          {status === "queued" && !busy && (
            <span data-testid="compare-waiting" className="rounded bg-zinc-100 px-1.5 py-0.5 dark:bg-zinc-800">
              {t("compare.waiting")}
            </span>
          )}
          {props.marks.fastest && (
            <span
              data-testid="compare-fastest"
              className="rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100"
            >
              {t("compare.fastest")}
            </span>
          )}
          {props.marks.cheapest && (
            <span
              data-testid="compare-cheapest"
              className="rounded bg-sky-100 px-1.5 py-0.5 text-sky-900 dark:bg-sky-900/40 dark:text-sky-100"
            >
              {t("compare.cheapest")}
            </span>
          )}
        </p>
      )}
      {/* Its size comes from the grid, never from the reply: `contain: strict` makes it a layout root,
          so text streaming into one column does not lay out the page and the other columns again. */}
      <div
        ref={scrollRef}
        onScroll={props.onScroll}
        role="log"
        aria-label={t("compare.log", { n: index + 1 })}
        tabIndex={-1}
        className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-3 [contain:strict]"
      >
        {thread.length === 0 && (
          <p className="py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">{t("compare.column.empty")}</p>
        )}
        {thread.map((message, i) => {
          const v = versions[i] ?? { index: 0, count: 1 };
          return (
            <div key={message.id} className="py-3">
              <MessageRow
                message={message}
                versionIndex={v.index}
                versionCount={v.count}
                busy={busy}
                isLast={i === thread.length - 1}
                onStep={onStep}
                liveConversationId={message.id === session?.replyId ? conversationId : undefined}
              />
            </div>
          );
        })}
      </div>
      {conversationId && hasReply && !running && props.onContinue && (
        <footer className="border-t border-zinc-200 p-2 dark:border-zinc-800">
          <Button variant="ghost" size="sm" onClick={props.onContinue}>
            {t("compare.continue")}
          </Button>
        </footer>
      )}
    </section>
  );
});
