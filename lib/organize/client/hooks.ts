"use client";

// Live reads and bound actions for components: they never import lib/db, they come here.
// Reads are useLiveQuery, so a change in this tab or another one shows at once.

import { useLiveQuery } from "dexie-react-hooks";
import { getDB } from "@/lib/db";
import type { Conversation } from "@/lib/db/schema";
import type { Assistant, AssistantDraft, Folder, SavedPrompt } from "../contract";
import * as assistants from "./assistants";
import { currentDefaults } from "./defaults-store";
import * as folders from "./folders";
import * as prompts from "./prompts";

export function useFolders(locale: string): Folder[] | undefined {
  return useLiveQuery(() => folders.listFolders(getDB(), locale), [locale]);
}

/** A folder's conversations ("" = the main list), newest first after the pinned ones. */
export function useFolderConversations(folderId: string, limit: number, enabled = true): Conversation[] | undefined {
  return useLiveQuery(
    async () => (enabled ? folders.listFolderConversations(getDB(), folderId, limit) : []),
    [folderId, limit, enabled],
  );
}

export function useTags(): string[] | undefined {
  return useLiveQuery(() => folders.listTags(getDB()), []);
}

export function useTagged(tag: string): Conversation[] | undefined {
  return useLiveQuery(async () => (tag ? folders.listTagged(getDB(), tag) : []), [tag]);
}

export function useAssistants(): Assistant[] | undefined {
  return useLiveQuery(() => assistants.listAssistants(getDB()), []);
}

export function usePrompts(locale: string): SavedPrompt[] | undefined {
  return useLiveQuery(() => prompts.listPrompts(getDB(), locale), [locale]);
}

export function useConversationTitle(id: string | undefined): Conversation | undefined {
  return useLiveQuery(async () => (id ? getDB().conversations.get(id) : undefined), [id]);
}

export const folderActions = {
  create: (name: string) => folders.createFolder(getDB(), name),
  rename: (id: string, name: string) => folders.renameFolder(getDB(), id, name),
  remove: (id: string) => folders.deleteFolder(getDB(), id),
  move: (conversationId: string, folderId: string) => folders.moveToFolder(getDB(), conversationId, folderId),
  setTags: (conversationId: string, tags: string[]) => folders.setTags(getDB(), conversationId, tags),
};

export const assistantActions = {
  create: (draft: AssistantDraft) => assistants.createAssistant(getDB(), draft),
  update: (id: string, draft: AssistantDraft) => assistants.updateAssistant(getDB(), id, draft),
  remove: (id: string) => assistants.deleteAssistant(getDB(), id),
  startChat: (a: Parameters<typeof assistants.startChatWith>[1]) =>
    assistants.startChatWith(getDB(), a, currentDefaults()),
};

export const promptActions = {
  create: (title: string, body: string) => prompts.createPrompt(getDB(), title, body),
  update: (id: string, title: string, body: string) => prompts.updatePrompt(getDB(), id, title, body),
  remove: (id: string) => prompts.deletePrompt(getDB(), id),
  exportAll: () => prompts.exportPrompts(getDB()),
  importFile: (input: unknown) => prompts.importPrompts(getDB(), input),
};
