// The IndexedDB schema (Dexie), its row types and its version history.
//
// Rules that keep it fast and safe:
// - Media Blobs live in one table, `mediaBlobs` (since v5), and rows refer to them by id: lists of rows
//   never carry bytes, and indexing a Blob (which fails) cannot happen.
// - Booleans cannot be IndexedDB keys, so indexed flags are numbers (pinned: 0|1, deletedAt: 0 = live).
// - Never edit an old version's stores; add a version with an upgrade and a test in db-migration.

import { Dexie, type DexieOptions, type Table, type Transaction } from "dexie";
import type { ChatSettings } from "@/lib/chat/contract";
import type { PlaygroundMetadata } from "@/lib/chat/playground/contract";
import type { PlaygroundSettings } from "@/lib/chat/playground/settings";
import type { CompletionSession } from "@/lib/complete/contract";
import type { MessageVars } from "@/lib/i18n";
import type { Assistant, AssistantRef, Folder, SavedPrompt } from "@/lib/organize/contract";
import type { ModelRef, Provider as ProviderId } from "@/lib/providers/catalog-types";
import type { MediaBlob } from "./blobs";
import { DB_NAME } from "./name";
import { tokenize } from "./tokenize";
import { NO_FOLDER, upgradeV2ToV3, V3_STORES } from "./version-3";
import { V4_STORES } from "./version-4";
import { upgradeV4ToV5, V5_STORES } from "./version-5";

export type { MediaBlob };
export { DB_NAME };
export const SCHEMA_VERSION = 5;

export type { ModelRef, ProviderId };

export interface Usage {
  input: number;
  output: number;
  reasoning: number;
  /** Prompt tokens served from the provider's cache (a part of `input`, billed at the cache price). */
  cached?: number;
}

/** Per-conversation settings: the chat contract's schema is their one definition. */
export type { ChatSettings };

export interface Conversation {
  id: string;
  title: string;
  titleSource: "auto" | "user";
  model?: ModelRef;
  settings?: ChatSettings;
  pinned: 0 | 1;
  createdAt: number;
  /** Last activity: a message stored or a reply finished (renaming and pinning do not count). */
  updatedAt: number;
  /** 0 while live; the time of a soft delete (undo window) otherwise. */
  deletedAt: number;
  usage: Usage;
  /** The leaf of the branch on screen (regenerate / edit create branches). */
  activeLeafId?: string;
  /** Title tokens (multiEntry index). */
  words: string[];
  /**
   * A column of a comparison (/compare/<compareId>): its own thread with its own model, shown side by
   * side with the others. Unindexed (no Dexie version); "Continue with this reply" removes both.
   */
  compareId?: string;
  compareColumn?: number;
  /** Function calling and JSON mode (lib/chat/playground/settings.ts); not indexed. */
  playground?: PlaygroundSettings;
  /** The folder it is in; "" (NO_FOLDER) for none. Filled on every new row (see AppDB), since v3. */
  folderId?: string;
  /** Free labels for filtering (multiEntry index), since v3. */
  tags?: string[];
  /** The assistant it was started with, as it was then (since v3). */
  assistant?: AssistantRef;
}

/** An AI SDK UIMessage part, kept opaque: text, reasoning, file, … */
export interface MessagePart {
  type: string;
  [key: string]: unknown;
}

export type MessageStatus = "complete" | "streaming" | "stopped" | "interrupted" | "failed";
export type MessageRole = "user" | "assistant" | "system";

export interface MessageError {
  code: string;
  /** The words when stored (rows from before keys have only these). */
  message: { en: string; zh: string };
  /** The message key and its values: what the page translates when it shows the error. */
  key?: string;
  vars?: MessageVars;
  detail?: string;
}

export interface Message {
  id: string;
  conversationId: string;
  /** Tree: regenerate = sibling assistant under the same user message; edit = sibling user message. */
  parentId: string | null;
  role: MessageRole;
  parts: MessagePart[];
  /** Plain answer text (no reasoning): what search indexes and what Markdown export prints. */
  text: string;
  status: MessageStatus;
  error?: MessageError;
  finishReason?: string;
  model?: ModelRef;
  usage?: Usage;
  reasoningMs?: number;
  /**
   * Speed of the reply's last request, measured by the server from its arrival (lib/chat/server/metadata.ts):
   * until the first token, and until the end. Unindexed, so no Dexie version is needed.
   */
  firstTokenMs?: number;
  durationMs?: number;
  /** Earlier messages left out of this reply's request because they did not fit the context window. */
  contextTrimmed?: number;
  createdAt: number;
  updatedAt: number;
  /** The tab (TAB_ID) that is streaming this reply, so a new tab does not mark it interrupted. */
  streamOwner?: string;
  /** Search tokens of `text` (multiEntry index); filled when the message is final. */
  words: string[];
  /** What the reply's metadata said about tools, JSON mode and prefixes (lib/chat/playground/contract.ts). */
  playground?: PlaygroundMetadata;
}

export interface ImageRecord {
  id: string;
  createdAt: number;
  prompt: string;
  negativePrompt?: string;
  model: ModelRef;
  /** Request parameters as sent (size, steps, guidance, batch size, …). */
  params: Record<string, unknown>;
  seed?: number;
  /** Provider timing (e.g. inference seconds) and our own end-to-end milliseconds. */
  timings?: Record<string, number>;
  width?: number;
  height?: number;
  mime: string;
  /** The image's bytes: a `mediaBlobs` row (since v5; before, the Blob itself was here as `blob`). */
  blobId: string;
  /** Images produced by one Generate press share a batch id. */
  batchId?: string;
}

export type VideoStatus = "queued" | "running" | "succeeded" | "failed" | "expired";

export interface VideoJob {
  id: string;
  requestId: string;
  model: ModelRef;
  prompt: string;
  params: Record<string, unknown>;
  status: VideoStatus;
  /** Queue position reported by the provider, while queued. */
  position?: number;
  createdAt: number;
  updatedAt: number;
  startedAt?: number;
  finishedAt?: number;
  /** The optional start image (a `mediaBlobs` id), kept so the job can be shown and re-run. */
  startImageId?: string;
  /** The last frame (CogVideoX-3's first-and-last-frame mode), a `mediaBlobs` id. */
  lastImageId?: string;
  /** The downloaded video, a `mediaBlobs` id: set once the job succeeded and its file was fetched. */
  blobId?: string;
  mime?: string;
  failure?: MessageError;
  /** Polls count, for back-off decisions after a reload. */
  polls?: number;
  /** The seed the provider used (it picks one when none was sent), so "Reuse settings" can repeat it. */
  seed?: number;
  /** Provider timing, e.g. `{ inference: seconds }`. */
  timings?: Record<string, number>;
  /** A transient polling problem (network, rate limit) shown while polling goes on; cleared by the next good poll. */
  lastError?: MessageError;
}

export interface SpeechClip {
  id: string;
  createdAt: number;
  text: string;
  model: ModelRef;
  voice: string;
  /** speed, gain, format, sample rate, … */
  settings: Record<string, unknown>;
  mime: string;
  /** The audio's bytes, a `mediaBlobs` id (since v5). */
  blobId: string;
  durationMs?: number;
}

export interface Attachment {
  id: string;
  messageId: string;
  conversationId: string;
  createdAt: number;
  name: string;
  mime: string;
  width?: number;
  height?: number;
  size: number;
  /** The file's bytes, a `mediaBlobs` id (since v5). */
  blobId: string;
}

/** Version 1 (the first released shape), kept for the migration and its test. */
export const V1_STORES = {
  conversations: "id, updatedAt",
  messages: "id, conversationId, [conversationId+createdAt]",
  images: "id, createdAt",
} as const;

export interface ConversationV1 {
  id: string;
  title: string;
  model?: string;
  pinned: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface MessageV1 {
  id: string;
  conversationId: string;
  role: MessageRole;
  content: string;
  reasoning?: string;
  status?: "done" | "streaming" | "error";
  model?: string;
  createdAt: number;
}

export const V2_STORES = {
  conversations: "id, [deletedAt+pinned+updatedAt], updatedAt, deletedAt, *words",
  messages: "id, [conversationId+createdAt], parentId, status, *words",
  images: "id, createdAt, batchId",
  videos: "id, requestId, status, createdAt",
  speech: "id, createdAt",
  attachments: "id, messageId, conversationId",
} as const;

export const EMPTY_USAGE: Usage = Object.freeze({ input: 0, output: 0, reasoning: 0 }) as Usage;

export class AppDB extends Dexie {
  conversations!: Table<Conversation, string>;
  messages!: Table<Message, string>;
  images!: Table<ImageRecord, string>;
  videos!: Table<VideoJob, string>;
  speech!: Table<SpeechClip, string>;
  attachments!: Table<Attachment, string>;
  folders!: Table<Folder, string>;
  assistants!: Table<Assistant, string>;
  prompts!: Table<SavedPrompt, string>;
  /** /complete sessions (since v4; lib/complete/client/sessions.ts owns it). */
  completions!: Table<CompletionSession, string>;
  /** Every stored media Blob, keyed by id (since v5; lib/db/blobs.ts). */
  mediaBlobs!: Table<MediaBlob, string>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(V1_STORES);
    this.version(2).stores(V2_STORES).upgrade(upgradeV1ToV2);
    this.version(3).stores(V3_STORES).upgrade(upgradeV2ToV3);
    this.version(4).stores(V4_STORES);
    this.version(5).stores(V5_STORES).upgrade(upgradeV4ToV5);
    // The sidebar reads unfiled conversations off [deletedAt+folderId+pinned+updatedAt]: a row
    // without folderId would be in no list at all, whichever code path wrote it.
    this.conversations.hook("creating", (_key, row) => {
      if (typeof row.folderId !== "string") row.folderId = NO_FOLDER;
    });
  }
}

function modelFromV1(model: unknown): ModelRef | undefined {
  if (typeof model !== "string" || !model) return undefined;
  // v1 stored bare ids; GLM ids are the only ones starting with "glm-" / "cogview" / "cogvideo".
  const provider: ProviderId = /^(glm|cog)/i.test(model) ? "glm" : "siliconflow";
  return { provider, id: model };
}

const V1_STATUS: Record<string, MessageStatus> = { done: "complete", error: "failed", streaming: "interrupted" };

/**
 * v1 → v2: v1 chats were linear (no parentId) with `content`/`reasoning` strings and a boolean
 * `pinned` that could not be indexed. Build the linear tree, AI SDK parts, search words, numeric
 * flags and usage totals. A v1 row still "streaming" belonged to a page that is gone.
 */
async function upgradeV1ToV2(tx: Transaction): Promise<void> {
  const messages = tx.table<MessageV1 & Partial<Message>, string>("messages");
  const rows = await messages.orderBy("[conversationId+createdAt]").toArray();
  const lastByConversation = new Map<string, string>();
  const upgraded: Message[] = rows.map((m) => {
    const parentId = m.parentId !== undefined ? m.parentId : (lastByConversation.get(m.conversationId) ?? null);
    lastByConversation.set(m.conversationId, m.id);
    const content = typeof m.content === "string" ? m.content : (m.text ?? "");
    const parts: MessagePart[] = [];
    if (m.reasoning) parts.push({ type: "reasoning", text: m.reasoning });
    if (content) parts.push({ type: "text", text: content });
    const model = modelFromV1(m.model);
    const out: Message = {
      id: m.id,
      conversationId: m.conversationId,
      parentId,
      role: m.role,
      parts,
      text: content,
      status: V1_STATUS[m.status ?? "done"] ?? "complete",
      createdAt: m.createdAt,
      updatedAt: m.createdAt,
      words: tokenize(content),
    };
    if (model) out.model = model;
    return out;
  });
  // bulkPut replaces whole rows, so the v1-only fields (content, reasoning) go away.
  await tx.table<Message, string>("messages").bulkPut(upgraded);

  await tx
    .table<ConversationV1, string>("conversations")
    .toCollection()
    .modify((c, ctx) => {
      const model = modelFromV1(c.model);
      const next: Conversation = {
        id: c.id,
        title: c.title ?? "",
        titleSource: c.title ? "user" : "auto",
        pinned: c.pinned ? 1 : 0,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        deletedAt: 0,
        usage: { ...EMPTY_USAGE },
        words: tokenize(c.title ?? ""),
      };
      if (model) next.model = model;
      const leaf = lastByConversation.get(c.id);
      if (leaf) next.activeLeafId = leaf;
      // Replaces the whole row (v1-only shapes such as the string model go away).
      (ctx as { value: unknown }).value = next;
    });

  await tx
    .table("images")
    .toCollection()
    .modify((img: Record<string, unknown>) => {
      img.model = modelFromV1(img.model) ?? { provider: "siliconflow", id: String(img.model ?? "") };
      img.params ??= {};
      img.prompt ??= "";
      if (typeof img.mime !== "string") img.mime = img.blob instanceof Blob ? img.blob.type : "image/png";
    });
}
