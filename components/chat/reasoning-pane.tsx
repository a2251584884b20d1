"use client";

import { memo, useId, useState } from "react";
import { BrainIcon, ChevronDownIcon } from "@/components/ui/icons";
import { useT } from "@/lib/i18n/client";
import { MessageText } from "./message-text";

// What the reader chose per reply survives the pane remounting (live → stored row, list scroll).
const chosen = new Map<string, boolean>();

/**
 * The model's thinking: open while it thinks, closed once the answer starts, "Thought for N s"
 * after; a click opens or closes it for good. Its markdown is rendered only once it is shown.
 * A continued reply thought once per request: each request's thinking is its own block.
 */
export const ReasoningPane = memo(function ReasoningPane({
  messageId,
  blocks,
  thinking,
  durationMs,
}: {
  messageId: string;
  /** Reasoning per request, oldest first (see lib/chat/client/reasoning.ts). */
  blocks: readonly string[];
  /** The model is thinking right now (no answer text yet). */
  thinking: boolean;
  durationMs?: number;
}) {
  const t = useT();
  const id = useId();
  const [userOpen, setUserOpen] = useState<boolean | undefined>(() => chosen.get(messageId));
  const open = userOpen ?? thinking;
  const label = thinking
    ? t("chat.reasoning.thinking")
    : durationMs !== undefined
      ? t("chat.reasoning.thoughtFor", { seconds: Math.max(1, Math.round(durationMs / 1000)) })
      : t("chat.reasoning.thought");
  return (
    <div data-testid="reasoning" data-state={open ? "open" : "closed"} className="mb-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          chosen.set(messageId, !open);
          setUserOpen(!open);
        }}
        className="inline-flex items-center gap-1.5 rounded-full border border-zinc-200 px-2.5 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 dark:border-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <BrainIcon size={14} className={thinking ? "animate-pulse text-violet-600 dark:text-violet-400" : ""} />
        <span>{label}</span>
        <ChevronDownIcon size={14} className={`transition-transform ${open ? "rotate-180" : ""}`} />
      </button>
      <div
        id={id}
        data-testid="reasoning-content"
        hidden={!open}
        className="mt-2 border-l-2 border-zinc-200 pl-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
      >
        {blocks.map((text, i) => (
          <div
            key={i}
            data-testid="reasoning-block"
            className={i > 0 ? "mt-3 border-t border-dashed border-zinc-200 pt-2 dark:border-zinc-700" : ""}
          >
            {i > 0 && (
              <p className="mb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">
                {t("chat.reasoning.continued")}
              </p>
            )}
            {open ? <MessageText text={text} streaming={thinking && i === blocks.length - 1} /> : text}
          </div>
        ))}
      </div>
    </div>
  );
});
