"use client";

import { memo, useMemo, useState } from "react";
import { ReplyContext } from "@/components/artifacts/artifact-context";
import { ReplyCost } from "@/components/cost/reply-cost";
import { useSourcesOf } from "@/components/search/citation-context";
import { SourcesList } from "@/components/search/sources-list";
import { ReadAloudButton } from "@/components/speech/read-aloud-button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PlayIcon, RefreshIcon } from "@/components/ui/icons";
import { storedErrorJSON, textOfParts } from "@/lib/chat/client/convert";
import type { Message } from "@/lib/chat/client/db";
import { reasoningBlocks, thinkingNow } from "@/lib/chat/client/reasoning";
import { useChatSessions } from "@/lib/chat/client/sessions";
import type { LiveTiming } from "@/lib/chat/client/timing";
import { useT } from "@/lib/i18n/client";
import { canContinue, FinishNotice, UsageLine } from "./finish-notice";
import { ActionButton, CopyButton, VersionSwitcher } from "./message-actions";
import { MessageText } from "./message-text";
import { JsonReplyView } from "./playground/json-reply-view";
import { EditReplyButton, ReplyEditor } from "./playground/reply-editor";
import { PlaygroundNotes, PrefixedText } from "./playground/reply-extras";
import { ToolCalls } from "./playground/tool-calls";
import { ReasoningPane } from "./reasoning-pane";

interface AssistantMessageProps {
  message: Message;
  /** The parts on screen: the live ones while this tab streams the reply, else the stored ones. */
  parts: readonly { type: string; text?: unknown }[];
  /** This tab is streaming the reply right now. */
  streaming: boolean;
  timing?: LiveTiming;
  versionIndex: number;
  versionCount: number;
  /** A request runs in this conversation: actions that would start another one wait. */
  busy: boolean;
  isLast: boolean;
  onStep: (messageId: string, delta: number) => void;
  /** While streaming: earlier messages the server left out of this request (from the reply's metadata). */
  liveTrimmed?: number;
}

function shortModel(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

export const AssistantMessage = memo(function AssistantMessage(props: AssistantMessageProps) {
  const { message, parts, streaming, timing, busy, isLast } = props;
  const t = useT();
  const text = textOfParts(parts);
  const blocks = reasoningBlocks(parts);
  // The same blocks keep the same array, so the memoised pane skips answer-only updates.
  const blocksKey = blocks.join("\u0000");
  // biome-ignore lint/correctness/useExhaustiveDependencies: blocksKey stands for blocks' contents
  const reasoning = useMemo(() => blocks, [blocksKey]);
  const status = streaming ? "streaming" : message.status;
  const thinking = streaming && thinkingNow(parts);
  const measured =
    timing?.reasoningStart !== undefined && timing.answerStart !== undefined
      ? timing.answerStart - timing.reasoningStart
      : undefined;
  const waiting = streaming && !text && reasoning.length === 0;
  const trimmed = (streaming ? props.liveTrimmed : undefined) ?? message.contextTrimmed ?? 0;
  const actions = useChatSessions.getState();
  const [editing, setEditing] = useState(false);
  const prefixLength = message.playground?.prefixLength;
  const sources = useSourcesOf(parts);

  return (
    <article
      data-testid="message-assistant"
      data-status={status}
      data-message-id={message.id}
      aria-busy={streaming || undefined}
      className="group min-w-0"
    >
      {message.model && (
        <p className="mb-1.5 text-xs font-medium text-zinc-500 dark:text-zinc-400">{shortModel(message.model.id)}</p>
      )}
      {trimmed > 0 && (
        <p
          data-testid="context-notice"
          data-count={trimmed}
          className="mb-2 rounded-md bg-zinc-100 px-2.5 py-1.5 text-xs text-zinc-600 dark:bg-zinc-800/70 dark:text-zinc-300"
        >
          {t("chat.context.trimmed", { count: trimmed })}
        </p>
      )}
      {reasoning.length > 0 && (
        <ReasoningPane
          messageId={message.id}
          blocks={reasoning}
          thinking={thinking}
          durationMs={message.reasoningMs ?? measured}
        />
      )}
      {waiting && (
        <p className="flex items-center gap-1 py-1 text-sm text-zinc-500" role="status">
          <span className="size-1.5 animate-bounce rounded-full bg-violet-500 [animation-delay:-0.3s]" />
          <span className="size-1.5 animate-bounce rounded-full bg-violet-500 [animation-delay:-0.15s]" />
          <span className="size-1.5 animate-bounce rounded-full bg-violet-500" />
          <span className="sr-only">{t("chat.waiting")}</span>
        </p>
      )}
      {!streaming && <PlaygroundNotes message={message} />}
      <ToolCalls
        message={message}
        parts={parts as Parameters<typeof ToolCalls>[0]["parts"]}
        streaming={streaming}
        busy={busy}
        isLast={isLast}
      />
      <ReplyContext messageId={message.id} sources={sources}>
        <div data-testid="message-content" className="text-[15px] leading-7">
          {editing ? (
            <ReplyEditor message={message} text={text} busy={busy} onDone={() => setEditing(false)} />
          ) : !streaming && text && message.playground?.responseFormat === "json" ? (
            <JsonReplyView message={message} text={text} isLast={isLast} />
          ) : !streaming && text && prefixLength !== undefined && prefixLength <= text.length ? (
            <PrefixedText text={text} prefixLength={prefixLength} />
          ) : (
            text && <MessageText text={text} streaming={streaming} />
          )}
        </div>
      </ReplyContext>
      <SourcesList sources={sources} />
      <FinishNotice status={status} finishReason={message.finishReason} elsewhere={!streaming} />
      {message.error && !streaming && (
        <div className="mt-2">
          <ErrorAlert
            error={storedErrorJSON(message.error)}
            onRetry={busy ? undefined : () => void actions.retry(message.id)}
          />
        </div>
      )}
      {!streaming && (
        <footer
          className={`mt-1 flex flex-wrap items-center gap-0.5 ${
            isLast ? "" : "md:opacity-0 md:group-hover:opacity-100 md:group-focus-within:opacity-100"
          }`}
        >
          {text && <CopyButton text={text} />}
          {text && <ReadAloudButton text={text} />}
          {text && <EditReplyButton disabled={busy || editing} onEdit={() => setEditing(true)} />}
          <ActionButton
            label={t("chat.actions.regenerate")}
            disabled={busy}
            onClick={() => void actions.regenerate(message.id)}
          >
            <RefreshIcon />
          </ActionButton>
          {canContinue(message.status, message.finishReason) && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void actions.continueReply(message.id)}
              className="ml-1 inline-flex items-center gap-1 rounded-md border border-zinc-200 px-2 py-1 text-xs font-medium hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              <PlayIcon size={12} />
              {t("chat.actions.continue")}
            </button>
          )}
          <VersionSwitcher
            index={props.versionIndex}
            count={props.versionCount}
            disabled={busy}
            onStep={(d) => props.onStep(message.id, d)}
          />
          <span className="ml-auto pl-2">
            <UsageLine usage={message.usage} />
            <ReplyCost message={message} />
          </span>
        </footer>
      )}
    </article>
  );
});
