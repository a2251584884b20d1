// Export everything as versioned JSON, import it back (validated, merged by id, never
// overwriting), and export one conversation as Markdown.

import { AppError } from "@/lib/errors";
import type { MessageKey, MessageVars } from "@/lib/i18n";
import { normalizeTags } from "@/lib/organize/tags";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  BLOB_FIELDS,
  BLOB_MEDIA,
  blobToDataUrl,
  DROPPED_FIELDS,
  dataUrlToBytes,
  ENVELOPE,
  type JsonRow,
  ROW_SCHEMAS,
  stableStringify,
  TABLES,
  type TableName,
} from "./backup-format";
import { mediaClassOf, notMediaReason, sniffMediaType } from "./backup-sniff";
import { BLOB_REFS, type MediaBlob, type MediaOwner, mediaBlobRow } from "./blobs";
import { type AppDB, SCHEMA_VERSION } from "./schema";
import { withQuotaGuard } from "./storage";
import { tokenize } from "./tokenize";
import { NO_FOLDER } from "./version-3";

export { type Backup, TABLES } from "./backup-format";

/** The stored Blob with a given id, for writing it into the file (a map on export, a read on import). */
type BlobLookup = (id: string) => Promise<Blob | undefined> | Blob | undefined;

const refsOf = (table: TableName): Readonly<Record<string, string>> => BLOB_REFS[table as MediaOwner] ?? {};

/**
 * A database row as it appears in the file: each blob reference (`blobId`, `startImageId`, …) replaced by
 * its bytes as a data URL under the file's name for it (`blob`, `startImage`, …), derived fields left out.
 * A reference whose blob is gone is left out (the file then says the row has no such picture).
 */
async function toJsonRow(table: TableName, row: object, blobs: BlobLookup): Promise<JsonRow> {
  const out: JsonRow = { ...(row as JsonRow) };
  for (const f of DROPPED_FIELDS[table]) delete out[f];
  for (const [ref, field] of Object.entries(refsOf(table))) {
    const id = out[ref];
    delete out[ref];
    const blob = typeof id === "string" ? await blobs(id) : undefined;
    if (blob) out[field] = await blobToDataUrl(blob);
  }
  return out;
}

// Tables whose rows record their Blob's type beside it.
const MIME_FIELD: Partial<Record<TableName, string>> = { images: "blob", speech: "blob", attachments: "blob" };

/** A stored Blob from a file's data URL, typed by its bytes; throws (the row is skipped) if they are not media. */
function importBlob(table: TableName, field: string, url: string, declared: unknown): Blob {
  const cls = BLOB_MEDIA[`${table}.${field}`] ?? "image";
  const { bytes } = dataUrlToBytes(url);
  const type = sniffMediaType(bytes, cls, typeof declared === "string" ? declared : undefined);
  if (!type) throw new Error(notMediaReason(cls));
  return new Blob([bytes], { type });
}

/**
 * A message's parts as they may be stored: a file part keeps a stored attachment, an inline file
 * re-typed from its bytes, or a remote http(s) link (shown only when the user asks, like a remote
 * image in a reply). Other file parts (SVG, HTML, other schemes) are dropped.
 */
function importParts(parts: unknown[], note: (line: string) => void): unknown[] {
  const out: unknown[] = [];
  for (const part of parts) {
    const p = part as Record<string, unknown>;
    if (p.type !== "file") {
      out.push(part);
      continue;
    }
    const url = typeof p.url === "string" ? p.url : "";
    if (url.startsWith("attachment:") || /^https?:\/\//i.test(url)) {
      out.push(part);
      continue;
    }
    const cls = mediaClassOf(String(p.mediaType ?? ""));
    try {
      if (!url.startsWith("data:") || !cls) throw new Error("not an inline image, video or audio file");
      const { bytes } = dataUrlToBytes(url);
      const type = sniffMediaType(bytes, cls);
      if (!type) throw new Error(notMediaReason(cls));
      out.push({ ...p, mediaType: type, url: `data:${type};base64,${url.slice(url.indexOf(",") + 1)}` });
    } catch (err) {
      note(`a file part was dropped: ${err instanceof Error ? err.message : "unreadable"}`);
    }
  }
  return out;
}

/**
 * A validated file row as it is stored, with the blob rows it refers to: data URLs decoded and typed
 * by their bytes into `mediaBlobs` rows, search words rebuilt. References a file may carry (`blobId`
 * and the like, which name blobs of the device that wrote it) are never trusted.
 */
function fromJsonRow(table: TableName, row: JsonRow, note: (line: string) => void): [JsonRow, MediaBlob[]] {
  const out: JsonRow = { ...row };
  const blobs: MediaBlob[] = [];
  for (const f of DROPPED_FIELDS[table]) delete out[f];
  for (const ref of Object.keys(refsOf(table))) delete out[ref];
  const fieldRefs = Object.fromEntries(Object.entries(refsOf(table)).map(([ref, field]) => [field, ref]));
  for (const f of BLOB_FIELDS[table]) {
    const value = out[f];
    delete out[f];
    if (typeof value !== "string") continue;
    const blob = importBlob(table, f, value, out.mime);
    if (MIME_FIELD[table] === f) out.mime = blob.type;
    const stored = mediaBlobRow(table as MediaOwner, blob, blob.type);
    blobs.push(stored);
    const ref = fieldRefs[f];
    if (ref) out[ref] = stored.id;
  }
  if (table === "conversations") {
    out.words = tokenize(String(out.title ?? ""));
    // A conversation must sit in a folder that exists, or it would show in no list (importAll
    // has already cleared ids of folders neither stored nor in the file).
    if (typeof out.folderId !== "string") out.folderId = NO_FOLDER;
    if (Array.isArray(out.tags)) out.tags = normalizeTags(out.tags as string[]);
  }
  if (table === "messages") {
    // No stream of this device is writing an imported reply; it is as good as interrupted.
    if (out.status === "streaming") out.status = "interrupted";
    out.words = tokenize(String(out.text ?? ""));
    if (Array.isArray(out.parts))
      out.parts = importParts(out.parts, (line) => note(`messages ${String(out.id)}: ${line}`));
  }
  return [out, blobs];
}

export async function exportAll(db: AppDB): Promise<Backup> {
  const [rows, stored] = await db.transaction("r", [...TABLES, "mediaBlobs"], () =>
    Promise.all([Promise.all(TABLES.map((t) => db.table(t).toArray())), db.mediaBlobs.toArray()]),
  );
  const byId = new Map(stored.map((b) => [b.id, b.blob]));
  const blobs: BlobLookup = (id) => byId.get(id);
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    schemaVersion: SCHEMA_VERSION,
    conversations: [],
    messages: [],
    images: [],
    videos: [],
    speech: [],
    attachments: [],
    folders: [],
    assistants: [],
    prompts: [],
    completions: [],
  };
  for (let i = 0; i < TABLES.length; i++) {
    const table = TABLES[i]!;
    for (const row of rows[i] ?? []) backup[table].push(await toJsonRow(table, row as object, blobs));
  }
  return backup;
}

export function backupFileName(date = new Date()): string {
  return `siliconplay-backup-${date.toISOString().slice(0, 10)}.json`;
}

type TableCounts = Record<TableName, number>;

export interface ImportReport {
  added: TableCounts;
  /** Rows not added: already present (identical or conflicting), invalid, or orphaned. */
  skipped: TableCounts;
  /** Of the skipped: ids already present with different content (the stored row is kept). */
  conflicts: TableCounts;
  /** Why rows were skipped, other than being identical to a stored row (at most 100 lines). */
  errors: string[];
}

const counts = (): TableCounts => Object.fromEntries(TABLES.map((t) => [t, 0])) as TableCounts;

function badFile(key: MessageKey, vars?: MessageVars, detail?: string): AppError {
  return new AppError("bad_request", { key, vars, detail });
}

/**
 * Merges a backup into the database. Nothing stored is changed or deleted: a row whose id exists
 * is skipped (counted as a conflict if its content differs). All additions land in one transaction,
 * so a full disk adds nothing and reports the quota error.
 */
export async function importAll(db: AppDB, input: unknown): Promise<ImportReport> {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch {
      throw badFile("error.backup.notJson");
    }
  }
  const envelope = ENVELOPE.safeParse(data);
  if (!envelope.success) {
    throw badFile("error.backup.notBackup", undefined, envelope.error.issues[0]?.message);
  }
  if (envelope.data.version !== BACKUP_VERSION) {
    throw badFile("error.backup.version", { version: envelope.data.version, supported: BACKUP_VERSION });
  }

  const report: ImportReport = { added: counts(), skipped: counts(), conflicts: counts(), errors: [] };
  const note = (line: string) => {
    if (report.errors.length < 100) report.errors.push(line);
  };
  const valid = {} as Record<TableName, JsonRow[]>;
  for (const table of TABLES) {
    const raw = (envelope.data as Record<string, unknown>)[table];
    valid[table] = [];
    const seen = new Set<string>();
    for (const [i, row] of (Array.isArray(raw) ? raw : []).entries()) {
      const parsed = ROW_SCHEMAS[table].safeParse(row);
      if (!parsed.success) {
        report.skipped[table]++;
        const issue = parsed.error.issues[0];
        note(`${table}[${i}]: invalid ${issue?.path.join(".") || "row"} (${issue?.message ?? "unknown"})`);
      } else if (seen.has(parsed.data.id)) {
        report.skipped[table]++;
        note(`${table}[${i}]: id ${parsed.data.id} appears twice in the file`);
      } else {
        seen.add(parsed.data.id);
        const row = parsed.data as JsonRow;
        // Files from before folders: "no folder", as the v3 upgrade set it on stored rows.
        if (table === "conversations" && typeof row.folderId !== "string") row.folderId = NO_FOLDER;
        valid[table].push(row);
      }
    }
  }

  const toAdd = {} as Record<TableName, JsonRow[]>;
  const keep = (table: TableName, rows: JsonRow[], has: (r: JsonRow) => boolean, why: string) =>
    rows.filter((r) => {
      if (has(r)) return true;
      report.skipped[table]++;
      note(`${table} ${String(r.id)}: ${why}`);
      return false;
    });
  for (const table of TABLES) {
    const rows = valid[table];
    const existing = await db.table(table).bulkGet(rows.map((r) => r.id as string));
    toAdd[table] = [];
    for (const [i, row] of rows.entries()) {
      const stored = existing[i] as object | undefined;
      if (!stored) {
        toAdd[table].push(row);
        continue;
      }
      report.skipped[table]++;
      const blobs: BlobLookup = async (blobId) => (await db.mediaBlobs.get(blobId))?.blob;
      if (stableStringify(await toJsonRow(table, stored, blobs)) !== stableStringify(row)) {
        report.conflicts[table]++;
        note(`${table} ${String(row.id)}: a different row with this id is already stored; kept the stored one`);
      }
    }
  }
  // Messages and attachments need their conversation, in the database or in the file.
  const fileConversations = new Set(valid.conversations.map((c) => c.id as string));
  const storedConversations = new Set(
    await db.conversations
      .where("id")
      .anyOf([...new Set([...valid.messages, ...valid.attachments].map((r) => r.conversationId as string))])
      .primaryKeys(),
  );
  const hasConversation = (r: JsonRow) =>
    fileConversations.has(r.conversationId as string) || storedConversations.has(r.conversationId as string);
  toAdd.messages = keep("messages", toAdd.messages, hasConversation, "its conversation is missing");
  toAdd.attachments = keep("attachments", toAdd.attachments, hasConversation, "its conversation is missing");

  // A conversation's folder must be in the file or already stored; otherwise it goes to the main list.
  const fileFolders = new Set(valid.folders.map((f) => f.id as string));
  const wanted = [...new Set(toAdd.conversations.map((c) => c.folderId).filter((f) => typeof f === "string" && f))];
  const storedFolders = new Set(
    await db.folders
      .where("id")
      .anyOf(wanted as string[])
      .primaryKeys(),
  );
  toAdd.conversations = toAdd.conversations.map((c) => {
    const folder = c.folderId;
    if (typeof folder !== "string" || !folder || fileFolders.has(folder) || storedFolders.has(folder)) return c;
    note(`conversations ${String(c.id)}: its folder is missing; it goes to the main list`);
    return { ...c, folderId: NO_FOLDER };
  });

  const decoded = {} as Record<TableName, [JsonRow, MediaBlob[]][]>;
  for (const table of TABLES) {
    decoded[table] = [];
    for (const row of toAdd[table]) {
      try {
        decoded[table].push(fromJsonRow(table, row, note));
      } catch (err) {
        report.skipped[table]++;
        note(`${table} ${String(row.id)}: ${err instanceof Error ? err.message : "could not be decoded"}`);
      }
    }
  }

  await withQuotaGuard(() =>
    db.transaction("rw", [...TABLES, "mediaBlobs"], async () => {
      for (const table of TABLES) {
        const rows = decoded[table];
        if (!rows.length) continue;
        // Another tab may have added some of these ids since the check above: never overwrite.
        const present = await db.table(table).bulkGet(rows.map(([r]) => r.id as string));
        const fresh = rows.filter((_, i) => !present[i]);
        // Rows and their bytes land together (one transaction): a full disk stores neither.
        await db.mediaBlobs.bulkAdd(fresh.flatMap(([, b]) => b));
        await db.table(table).bulkAdd(fresh.map(([r]) => r));
        report.added[table] += fresh.length;
        report.skipped[table] += rows.length - fresh.length;
      }
    }),
  );
  return report;
}
