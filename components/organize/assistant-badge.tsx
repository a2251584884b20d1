"use client";

import { BotIcon } from "@/components/ui/icons";
import { useT } from "@/lib/i18n/client";
import type { AssistantRef } from "@/lib/organize/contract";

/** The assistant's picture, else its emoji, else a robot: decoration, the name says who it is. */
export function AssistantIcon({ assistant, size }: { assistant: Pick<AssistantRef, "emoji" | "image">; size: number }) {
  if (assistant.image)
    return (
      // biome-ignore lint/performance/noImgElement: a tiny data: URL, nothing for next/image to do
      <img
        src={assistant.image}
        alt=""
        width={size}
        height={size}
        data-testid="assistant-image"
        className="shrink-0 rounded object-cover"
        style={{ width: size, height: size }}
      />
    );
  if (assistant.emoji) return <span aria-hidden="true">{assistant.emoji}</span>;
  return <BotIcon size={size} />;
}

/** Which assistant a conversation came from (its name as it was when the chat started). */
export function AssistantBadge({ assistant }: { assistant: AssistantRef | undefined }) {
  const t = useT();
  if (!assistant) return null;
  return (
    <span
      data-testid="conversation-assistant"
      className="inline-flex max-w-48 shrink-0 items-center gap-1 truncate rounded-full bg-violet-50 px-2 py-0.5 text-xs text-violet-800 dark:bg-violet-950/60 dark:text-violet-200"
    >
      <AssistantIcon assistant={assistant} size={14} />
      <span className="truncate">{t("assistants.badge", { name: assistant.name })}</span>
    </span>
  );
}

/** The opening message of an assistant, shown in an empty conversation started from it (never sent). */
export function AssistantGreeting({ assistant }: { assistant: AssistantRef }) {
  return (
    <div className="flex h-full flex-col items-center justify-center px-4 text-center" data-testid="assistant-greeting">
      <div className="text-3xl" aria-hidden="true">
        {assistant.emoji || "🤖"}
      </div>
      <h2 className="mt-2 text-2xl font-semibold tracking-tight">{assistant.name}</h2>
      {assistant.openingMessage && (
        <p className="mt-2 max-w-md whitespace-pre-wrap text-sm text-zinc-600 dark:text-zinc-400">
          {assistant.openingMessage}
        </p>
      )}
    </div>
  );
}
