// The backup file format (versioned) and its validation. Rows are validated one by one, so a
// damaged row is reported and skipped instead of failing the whole import.

import { z } from "zod";
import { completionSessionSchema } from "@/lib/complete/contract";
import {
  assistantRefSchema,
  assistantSchema,
  folderSchema,
  promptSchema,
  TAGS_MAX,
  tagSchema,
} from "@/lib/organize/contract";

export const BACKUP_FORMAT = "siliconplay-backup";
export const BACKUP_VERSION = 1;

export const TABLES = [
  "conversations",
  "messages",
  "images",
  "videos",
  "speech",
  "attachments",
  // Since schema v3 (issue 24); a file from before simply has none.
  "folders",
  "assistants",
  "prompts",
  // Since schema v4 (issue 20): /complete sessions.
  "completions",
] as const;
export type TableName = (typeof TABLES)[number];

/**
 * Properties that hold base64 `data:` URLs in the file. In the database (since v5) each is a
 * `mediaBlobs` row the media row refers to (lib/db/blobs.ts, BLOB_REFS); the file keeps the bytes
 * inline under these names, as it always has, so files from before and after v5 read the same.
 */
export const BLOB_FIELDS: Record<TableName, readonly string[]> = {
  conversations: [],
  messages: [],
  images: ["blob"],
  // `lastImage` since v5 (before, a last frame was written as `{}` and lost on import).
  videos: ["blob", "startImage", "lastImage"],
  speech: ["blob"],
  attachments: ["blob"],
  folders: [],
  assistants: [],
  prompts: [],
  completions: [],
};

/** What each Blob property must hold: imported bytes are typed by what they are (backup-sniff.ts). */
export const BLOB_MEDIA: Record<string, "image" | "video" | "audio"> = {
  "images.blob": "image",
  "videos.blob": "video",
  "videos.startImage": "image",
  "videos.lastImage": "image",
  "speech.blob": "audio",
  "attachments.blob": "image",
};

/** Derived or tab-local properties that are not exported (rebuilt or meaningless on import). */
export const DROPPED_FIELDS: Record<TableName, readonly string[]> = {
  conversations: ["words"],
  messages: ["words", "streamOwner"],
  images: [],
  videos: [],
  speech: [],
  attachments: [],
  folders: [],
  assistants: [],
  prompts: [],
  completions: [],
};

const id = z.string().min(1).max(200);
const time = z.number().finite().nonnegative();
const dataUrl = z.string().regex(/^data:[^,]*;base64,/, "expected a base64 data: URL");
const modelRef = z.looseObject({ provider: z.enum(["siliconflow", "glm"]), id: z.string() });
const usage = z.looseObject({ input: z.number(), output: z.number(), reasoning: z.number() });
const localized = z.looseObject({ code: z.string(), message: z.looseObject({ en: z.string(), zh: z.string() }) });

export const ROW_SCHEMAS = {
  conversations: z.looseObject({
    id,
    title: z.string(),
    titleSource: z.enum(["auto", "user"]),
    pinned: z.union([z.literal(0), z.literal(1)]),
    createdAt: time,
    updatedAt: time,
    deletedAt: time,
    usage,
    model: modelRef.optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
    activeLeafId: z.string().optional(),
    folderId: z.string().max(200).optional(),
    tags: z.array(tagSchema).max(TAGS_MAX).optional(),
    assistant: assistantRefSchema.optional(),
  }),
  messages: z.looseObject({
    id,
    conversationId: id,
    parentId: z.string().nullable(),
    role: z.enum(["user", "assistant", "system"]),
    parts: z.array(z.looseObject({ type: z.string() })),
    text: z.string(),
    status: z.enum(["complete", "streaming", "stopped", "interrupted", "failed"]),
    createdAt: time,
    updatedAt: time,
    model: modelRef.optional(),
    usage: usage.optional(),
    error: localized.optional(),
  }),
  images: z.looseObject({
    id,
    createdAt: time,
    prompt: z.string(),
    model: modelRef,
    params: z.record(z.string(), z.unknown()),
    mime: z.string(),
    blob: dataUrl,
  }),
  videos: z.looseObject({
    id,
    requestId: z.string().min(1),
    model: modelRef,
    prompt: z.string(),
    params: z.record(z.string(), z.unknown()),
    status: z.enum(["queued", "running", "succeeded", "failed", "expired"]),
    createdAt: time,
    updatedAt: time,
    blob: dataUrl.optional(),
    startImage: dataUrl.optional(),
  }),
  speech: z.looseObject({
    id,
    createdAt: time,
    text: z.string(),
    model: modelRef,
    voice: z.string(),
    settings: z.record(z.string(), z.unknown()),
    mime: z.string(),
    blob: dataUrl,
  }),
  attachments: z.looseObject({
    id,
    messageId: id,
    conversationId: id,
    createdAt: time,
    name: z.string(),
    mime: z.string(),
    size: z.number().nonnegative(),
    blob: dataUrl,
  }),
  // Plain objects (unknown keys dropped): these rows hold only text, and each field is bounded.
  folders: folderSchema,
  assistants: assistantSchema,
  prompts: promptSchema,
  completions: completionSessionSchema,
} satisfies Record<TableName, z.ZodType>;

export const ENVELOPE = z.looseObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  exportedAt: z.string().optional(),
  ...Object.fromEntries(TABLES.map((t) => [t, z.array(z.unknown()).optional()])),
});

export type JsonRow = Record<string, unknown>;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO time of the export. */
  exportedAt: string;
  /** The database schema the rows came from (informational). */
  schemaVersion: number;
  conversations: JsonRow[];
  messages: JsonRow[];
  images: JsonRow[];
  videos: JsonRow[];
  speech: JsonRow[];
  attachments: JsonRow[];
  folders: JsonRow[];
  assistants: JsonRow[];
  prompts: JsonRow[];
  completions: JsonRow[];
}

// ---- Blob ⇄ data URL (no FileReader: it is missing in Node, where tests and scripts run) ----

export async function blobToDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const native = (bytes as unknown as { toBase64?: () => string }).toBase64;
  let b64: string;
  if (typeof native === "function") b64 = native.call(bytes);
  else {
    let bin = "";
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    b64 = btoa(bin);
  }
  return `data:${blob.type};base64,${b64}`;
}

/** The bytes of a base64 `data:` URL and the type it declares (which says nothing about the bytes). */
export function dataUrlToBytes(url: string): { bytes: Uint8Array<ArrayBuffer>; type: string } {
  const comma = url.indexOf(",");
  const header = url.slice(5, comma);
  if (!url.startsWith("data:") || comma < 0 || !header.endsWith(";base64")) throw new Error("not a base64 data: URL");
  const bin = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return { bytes, type: header.slice(0, -";base64".length) };
}

/** JSON with sorted keys, so two rows compare equal whatever order their properties were set in. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}
