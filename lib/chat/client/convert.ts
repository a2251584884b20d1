// Glue between the stored message tree (lib/db) and the AI SDK's UI messages: conversion both
// ways, the plain answer text of a reply, the request thread, and stored errors.

import { CHAT_MAX_MESSAGES } from "@/lib/chat/bounds";
import { chatErrorFrom } from "@/lib/chat/client/errors";
import type { ChatMessage } from "@/lib/chat/contract";
import { isToolPartType } from "@/lib/chat/playground/bounds";
import type { Message, MessageError, MessagePart } from "@/lib/db";
import type { AppErrorJSON } from "@/lib/errors";

/** The answer text of a reply: its text parts joined (a continued reply holds several). */
export function textOfParts(parts: readonly { type: string; text?: unknown }[]): string {
  let out = "";
  for (const p of parts) if (p.type === "text" && typeof p.text === "string") out += p.text;
  return out;
}

export function reasoningOfParts(parts: readonly { type: string; text?: unknown }[]): string {
  let out = "";
  for (const p of parts) if (p.type === "reasoning" && typeof p.text === "string") out += p.text;
  return out;
}

/**
 * A stored row as an AI SDK message. Streaming `state` flags are dropped (a stored part is done,
 * whatever it was when saved) and metadata is left out on purpose: the SDK merges the new
 * request's metadata into the message it continues, and stale usage would then be counted twice.
 */
export function toUIMessage(m: Message): ChatMessage {
  const parts = m.parts.map((p) => {
    // A tool call's state is what it is (called, answered), not a streaming flag.
    if (!("state" in p) || isToolPartType(p.type)) return p;
    const { state: _state, ...rest } = p;
    return rest;
  });
  return { id: m.id, role: m.role, parts: parts as ChatMessage["parts"] };
}

/** Parts as the database keeps them: plain objects, streaming flags settled. */
export function toStoredParts(parts: ChatMessage["parts"]): MessagePart[] {
  return parts.map((p) => ({ ...p }) as MessagePart);
}

/**
 * The request thread: only what the model reads (text, files, and the reply being continued).
 * Earlier reasoning is not sent: the providers do not take it back, and a long chat would otherwise
 * upload every chain of thought on each turn. A very long chat sends its latest CHAT_MAX_MESSAGES
 * (the route's limit), starting at a user message.
 */
export function forRequest(messages: readonly ChatMessage[], continuing: boolean): ChatMessage[] {
  let start = Math.max(0, messages.length - CHAT_MAX_MESSAGES);
  while (start > 0 && start < messages.length - 1 && messages[start]?.role !== "user") start++;
  const last = messages.length - 1;
  const out: ChatMessage[] = [];
  for (let i = start; i <= last; i++) {
    const m = messages[i]!;
    if (continuing && i === last) out.push(m);
    else out.push({ id: m.id, role: m.role, parts: m.parts.filter(sentPart) });
  }
  return out;
}

/** Text, files, and tool rounds (calls, results and the step boundaries between them; the route keeps the answered ones). */
function sentPart(p: { type: string }): boolean {
  return p.type === "text" || p.type === "file" || p.type === "step-start" || isToolPartType(p.type);
}

/** Root → `id` along parent links (the request thread for a reply under `id`). */
export function pathTo(all: readonly Message[], id: string | null): Message[] {
  const byId = new Map(all.map((m) => [m.id, m]));
  const path: Message[] = [];
  const seen = new Set<string>();
  let node = id ? byId.get(id) : undefined;
  while (node && !seen.has(node.id)) {
    seen.add(node.id);
    path.push(node);
    node = node.parentId ? byId.get(node.parentId) : undefined;
  }
  return path.reverse();
}

/** Whatever the chat transport threw (error chunk text, a refused request's body, a lost connection) as a typed error. */
export function toAppErrorJSON(err: unknown): AppErrorJSON {
  return chatErrorFrom(err).toJSON();
}

export function toMessageError(e: AppErrorJSON): MessageError {
  const out: MessageError = { code: e.code, message: e.message };
  if (e.key) out.key = e.key;
  if (e.vars) out.vars = e.vars;
  if (e.detail) out.detail = e.detail;
  return out;
}

/** A stored error in the shape the shared ErrorAlert takes. */
export function storedErrorJSON(e: MessageError): AppErrorJSON {
  return {
    code: e.code as AppErrorJSON["code"],
    status: 500,
    message: e.message,
    key: e.key,
    vars: e.vars,
    detail: e.detail,
    retryable: true,
  };
}
