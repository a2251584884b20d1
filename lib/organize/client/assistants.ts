// Assistants: saved presets of model, system prompt, settings and an opening message. Starting a
// chat copies what it needs into the conversation, so later edits never rewrite past chats.

import type { PlaygroundSettings } from "@/lib/chat/playground/settings";
import { createConversation } from "@/lib/db/conversations";
import { monotonicNow, uuid } from "@/lib/db/ids";
import type { AppDB, ChatSettings, Conversation } from "@/lib/db/schema";
import { withQuotaGuard } from "@/lib/db/storage";
import { AppError } from "@/lib/errors";
import type { Assistant, AssistantDraft, AssistantRef } from "../contract";
import { assistantStart, type NewChatDefaults } from "../new-chat-defaults";

function invalid(issue: string | undefined): AppError {
  return new AppError("bad_request", {
    key: "error.assistants.invalid",
    detail: issue,
  });
}

async function parseDraft(draft: AssistantDraft): Promise<AssistantDraft> {
  // The schema (and zod with it) loads on the first save: the chat page lists assistants up front
  // (palette, greeting) but only the editor writes one.
  const { assistantDraftSchema } = await import("../contract");
  const parsed = assistantDraftSchema.safeParse(draft);
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.path.join("."));
  const out = { ...parsed.data };
  // An empty optional text is no value at all (the form sends "").
  if (!out.emoji?.trim()) delete out.emoji;
  if (!out.image) delete out.image;
  if (!out.openingMessage?.trim()) delete out.openingMessage;
  if (!out.description?.trim()) delete out.description;
  return out;
}

export async function createAssistant(db: AppDB, draft: AssistantDraft): Promise<Assistant> {
  const now = monotonicNow();
  const row: Assistant = { ...(await parseDraft(draft)), id: uuid(), createdAt: now, updatedAt: now };
  await withQuotaGuard(() => db.assistants.add(row));
  return row;
}

export async function updateAssistant(db: AppDB, id: string, draft: AssistantDraft): Promise<void> {
  const clean = await parseDraft(draft);
  await withQuotaGuard(() =>
    db.transaction("rw", db.assistants, async () => {
      const stored = await db.assistants.get(id);
      if (!stored) throw new AppError("not_found", { key: "error.assistants.deleted" });
      // put, not update: a field cleared in the form must go away.
      await db.assistants.put({ ...clean, id, createdAt: stored.createdAt, updatedAt: monotonicNow() });
    }),
  );
}

export async function deleteAssistant(db: AppDB, id: string): Promise<void> {
  await db.assistants.delete(id);
}

/** Newest edit first. */
export function listAssistants(db: AppDB): Promise<Assistant[]> {
  return db.assistants.orderBy("updatedAt").reverse().toArray();
}

export function getAssistant(db: AppDB, id: string): Promise<Assistant | undefined> {
  return db.assistants.get(id);
}

/** The chat settings a conversation with this assistant starts with (its system prompt included). */
export function assistantChatSettings(a: Pick<Assistant, "systemPrompt" | "settings">): ChatSettings {
  const settings: ChatSettings = { ...(a.settings ?? {}) };
  if (a.systemPrompt.trim()) settings.systemPrompt = a.systemPrompt;
  return settings;
}

/**
 * The tools and JSON mode a conversation with this assistant starts with, as the chat settings keep
 * them (a copy), or nothing when the assistant sets neither.
 */
export function assistantPlayground(a: Pick<Assistant, "playground">): PlaygroundSettings | undefined {
  const p = a.playground;
  if (!p) return undefined;
  const out: PlaygroundSettings = {};
  if (p.toolsText?.trim()) out.toolsText = p.toolsText;
  if (p.jsonMode) out.jsonMode = true;
  if (p.jsonMode && p.jsonSchemaText?.trim()) out.jsonSchemaText = p.jsonSchemaText;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function assistantRef(a: Pick<Assistant, "id" | "name" | "emoji" | "image" | "openingMessage">): AssistantRef {
  const ref: AssistantRef = { id: a.id, name: a.name };
  if (a.emoji) ref.emoji = a.emoji;
  if (a.image) ref.image = a.image;
  if (a.openingMessage) ref.openingMessage = a.openingMessage;
  return ref;
}

/**
 * A new conversation from an assistant (stored or a starter): its model, settings and system prompt
 * copied in (over the new-chat defaults, which fill only what it leaves unset), and a copy of its
 * name so the chat shows where it came from.
 */
export function startChatWith(
  db: AppDB,
  a: Pick<
    Assistant,
    "id" | "name" | "emoji" | "image" | "openingMessage" | "model" | "systemPrompt" | "settings" | "playground"
  >,
  defaults: NewChatDefaults = {},
): Promise<Conversation> {
  const start = assistantStart(defaults, { model: a.model, settings: assistantChatSettings(a) });
  const playground = assistantPlayground(a);
  return createConversation(db, { ...start, ...(playground ? { playground } : {}), assistant: assistantRef(a) });
}
