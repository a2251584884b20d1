"use client";

import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import type { Message } from "@/lib/chat/client/db";
import { selectIsBusy, useChatSessions } from "@/lib/chat/client/sessions";
import { readJsonReply, retryWithErrorsMessage } from "@/lib/chat/playground/client/json-reply";
import { usePlaygroundSettings } from "@/lib/chat/playground/client/store";
import { jsonModeSchema } from "@/lib/chat/playground/settings";
import { useI18n } from "@/lib/i18n/client";

// A JSON-mode reply: formatted when it parses, checked against the conversation's schema with each
// problem at its path, or shown as the text it is with where parsing stopped. "Retry with the errors"
// sends the problems back to the model as the next message.

export function JsonReplyView({ message, text, isLast }: { message: Message; text: string; isLast: boolean }) {
  const { t, locale } = useI18n();
  const settings = usePlaygroundSettings(message.conversationId);
  const schema = jsonModeSchema(settings);
  const reply = useMemo(() => readJsonReply(text, schema), [text, schema]);
  const retry = retryWithErrorsMessage(reply, locale);
  const busy = useChatSessions(selectIsBusy(message.conversationId));
  const onRetry =
    retry && isLast && message.model
      ? () =>
          void useChatSessions
            .getState()
            .send({ conversationId: message.conversationId, text: retry, model: message.model! })
      : undefined;

  if (reply.kind === "empty") return null;
  return (
    <div
      data-testid="json-reply"
      data-kind={reply.kind}
      data-valid={reply.kind === "json" && reply.issues.length === 0}
    >
      {reply.kind === "json" ? (
        <pre className="overflow-x-auto rounded-lg bg-zinc-50 p-3 font-mono text-sm dark:bg-zinc-900">
          {JSON.stringify(reply.value, null, 2)}
        </pre>
      ) : (
        <pre className="overflow-x-auto whitespace-pre-wrap rounded-lg bg-zinc-50 p-3 font-mono text-sm dark:bg-zinc-900">
          {text}
        </pre>
      )}
      <div data-testid="json-status" role="status" className="mt-1.5 text-xs">
        {reply.kind === "invalid" && (
          <p className="text-red-600 dark:text-red-400">
            {t("playground.json.invalid", {
              line: reply.error.at.line,
              column: reply.error.at.column,
              message: reply.error.message[locale],
            })}
          </p>
        )}
        {reply.kind === "json" && reply.issues.length === 0 && (
          <p className="text-emerald-700 dark:text-emerald-400">
            {schema ? t("playground.json.conforms") : t("playground.json.valid")}
          </p>
        )}
        {reply.kind === "json" && reply.issues.length > 0 && (
          <div className="text-red-600 dark:text-red-400">
            <p>{t("playground.json.violations")}</p>
            <ul className="ml-4 list-disc">
              {reply.issues.map((issue) => (
                <li key={`${issue.pointer} ${issue.keyword}`} data-testid="json-issue" data-pointer={issue.pointer}>
                  <code>{issue.pointer || "/"}</code>: {issue.message[locale]}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {onRetry && (
        <Button variant="secondary" size="sm" className="mt-2" disabled={busy} onClick={onRetry}>
          {t("playground.json.retry")}
        </Button>
      )}
    </div>
  );
}
