"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { Message } from "@/lib/chat/client/db";
import { useChatSessions } from "@/lib/chat/client/sessions";
import { DEFAULT_MAX_TOOL_ROUNDS } from "@/lib/chat/playground/bounds";
import { claimOnce } from "@/lib/chat/playground/client/runtime";
import { storeToolOutputs, usePlaygroundSettings } from "@/lib/chat/playground/client/store";
import { nextToolStep, runToolCalls } from "@/lib/chat/playground/client/tool-loop";
import { type ToolCallView, toolCallsOf } from "@/lib/chat/playground/tool-rounds";
import { useT } from "@/lib/i18n/client";

// The tool calls of a reply: each call's name and arguments (growing while they stream, formatted once
// complete), its result, and — on the last reply, when the model waits for results — a "Tool result"
// box per call (manual mode) or the built-in tools run here (auto mode, no network).

type Parts = readonly { type: string; [key: string]: unknown }[];

function pretty(value: unknown, complete: boolean): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return complete ? JSON.stringify(value, null, 2) : JSON.stringify(value);
}

/** What the user typed as a result: JSON when it parses, else the text as it is. */
function typedOutput(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function answer(replyId: string, outputs: Parameters<typeof storeToolOutputs>[1]) {
  if (!(await storeToolOutputs(replyId, outputs))) return;
  // Once per set of answered calls, however many renderings of the reply saw them complete.
  if (claimOnce(`continue:${replyId}:${outputs.map((o) => o.toolCallId).join(",")}`)) {
    await useChatSessions.getState().continueWithToolResults(replyId);
  }
}

export function ToolCalls({
  message,
  parts,
  streaming,
  busy,
  isLast,
}: {
  message: Message;
  parts: Parts;
  streaming: boolean;
  busy: boolean;
  isLast: boolean;
}) {
  const t = useT();
  const calls = toolCallsOf({ role: "assistant", parts });
  const settings = usePlaygroundSettings(message.conversationId);
  const mode = settings?.toolMode ?? "manual";
  const maxRounds = settings?.maxRounds ?? DEFAULT_MAX_TOOL_ROUNDS;
  const open = isLast && !streaming && !busy && message.status === "complete";
  const step = open ? nextToolStep({ role: "assistant", parts }, { mode, maxRounds }) : { kind: "idle" as const };

  // Auto mode: the built-in tools run once per call, then the model gets their results.
  const runCalls = step.kind === "run" ? step.calls : undefined;
  const runKey = runCalls ? runCalls.map((c) => c.toolCallId).join(",") : "";
  const pending = useRef(runCalls);
  pending.current = runCalls;
  useEffect(() => {
    const calls = pending.current;
    if (!calls || !runKey || !claimOnce(`run:${message.id}:${runKey}`)) return;
    void answer(message.id, runToolCalls(calls));
  }, [runKey, message.id]);

  if (calls.length === 0) return null;
  const manual = step.kind === "manual" || step.kind === "max-rounds" ? step.calls.map((c) => c.toolCallId) : [];
  return (
    <div className="mb-2 space-y-2">
      {step.kind === "max-rounds" && (
        <p role="status" className="text-xs text-amber-700 dark:text-amber-400">
          {t("playground.call.maxRounds", { count: step.maxRounds })}
        </p>
      )}
      {calls.map((call) => (
        <ToolCallCard
          key={call.toolCallId}
          call={call}
          replyId={message.id}
          awaitingResult={manual.includes(call.toolCallId)}
          others={manual.length - 1}
        />
      ))}
    </div>
  );
}

function ToolCallCard({
  call,
  replyId,
  awaitingResult,
  others,
}: {
  call: ToolCallView;
  replyId: string;
  awaitingResult: boolean;
  others: number;
}) {
  const t = useT();
  const titleId = useId();
  const complete = call.state !== "input-streaming";
  const args = pretty(call.input, complete);
  return (
    <section
      data-testid="tool-call"
      data-state={call.state}
      data-tool-call-id={call.toolCallId}
      aria-labelledby={titleId}
      className="rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
    >
      <h3
        id={titleId}
        aria-label={t("playground.call.label", { name: call.toolName })}
        className="font-mono text-xs font-semibold text-violet-700 dark:text-violet-300"
      >
        <span data-testid="tool-call-name">{call.toolName}</span>
      </h3>
      <p className="sr-only">{t("playground.call.arguments")}</p>
      <pre
        data-testid="tool-call-arguments"
        className="mt-1 overflow-x-auto whitespace-pre-wrap break-all font-mono text-xs"
      >
        {args}
      </pre>
      {!complete && <p className="text-xs text-zinc-500">{t("playground.call.streaming")}</p>}
      {call.state === "output-available" && (
        <div data-testid="tool-call-output" className="mt-2 border-t border-zinc-200 pt-1 dark:border-zinc-700">
          <p className="text-xs font-medium text-zinc-500">{t("playground.call.result")}</p>
          <pre className="overflow-x-auto whitespace-pre-wrap break-all font-mono text-xs">
            {pretty(call.output, true)}
          </pre>
        </div>
      )}
      {call.state === "output-error" && (
        <div data-testid="tool-call-output" className="mt-2 border-t border-zinc-200 pt-1 dark:border-zinc-700">
          <p className="text-xs font-medium text-red-600">{t("playground.call.error")}</p>
          <pre className="whitespace-pre-wrap font-mono text-xs">{call.errorText}</pre>
        </div>
      )}
      {awaitingResult && <ResultForm replyId={replyId} call={call} others={others} />}
    </section>
  );
}

function ResultForm({ replyId, call, others }: { replyId: string; call: ToolCallView; others: number }) {
  const t = useT();
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  return (
    <form
      className="mt-2 space-y-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        setSending(true);
        void answer(replyId, [{ toolCallId: call.toolCallId, output: typedOutput(text) }]).finally(() =>
          setSending(false),
        );
      }}
    >
      <Field label={t("playground.call.result")} hint={others > 0 ? t("playground.call.waiting") : undefined}>
        <Textarea
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t("playground.call.resultHint")}
          className="font-mono text-xs"
        />
      </Field>
      <Button type="submit" size="sm" loading={sending} disabled={sending}>
        {t("playground.call.send")}
      </Button>
    </form>
  );
}
