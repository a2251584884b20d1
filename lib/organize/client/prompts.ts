// The prompt library: saved prompts with {{variables}}, and its own JSON file (import merges by id
// and never overwrites, like the full backup).

import { monotonicNow, uuid } from "@/lib/db/ids";
import type { AppDB } from "@/lib/db/schema";
import { withQuotaGuard } from "@/lib/db/storage";
import { AppError } from "@/lib/errors";
import { PROMPTS_FORMAT } from "../bounds";
import type { SavedPrompt } from "../contract";

// The schemas (and zod with them) load on the first write or import: the chat page lists prompts up
// front ("/" in the composer) but only the library writes them.
const schemas = () => import("../contract");

function invalid(detail?: string): AppError {
  return new AppError("bad_request", {
    key: "error.prompts.invalid",
    detail,
  });
}

export async function createPrompt(db: AppDB, title: string, body: string): Promise<SavedPrompt> {
  const { promptSchema } = await schemas();
  const now = monotonicNow();
  const parsed = promptSchema.safeParse({ id: uuid(), title, body, createdAt: now, updatedAt: now });
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.path.join("."));
  await withQuotaGuard(() => db.prompts.add(parsed.data));
  return parsed.data;
}

export async function updatePrompt(db: AppDB, id: string, title: string, body: string): Promise<void> {
  const stored = await db.prompts.get(id);
  if (!stored) throw new AppError("not_found", { key: "error.prompts.deleted" });
  const { promptSchema } = await schemas();
  const parsed = promptSchema.safeParse({ ...stored, title, body, updatedAt: monotonicNow() });
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.path.join("."));
  await withQuotaGuard(() => db.prompts.put(parsed.data));
}

export async function deletePrompt(db: AppDB, id: string): Promise<void> {
  await db.prompts.delete(id);
}

/** By title, in the user's language's order. */
export async function listPrompts(db: AppDB, locale = "en"): Promise<SavedPrompt[]> {
  const collator = new Intl.Collator(locale === "zh" ? "zh-CN" : locale, { numeric: true, sensitivity: "base" });
  return (await db.prompts.toArray()).sort((a, b) => collator.compare(a.title, b.title));
}

/** Prompts whose title or text contains every word typed after "/" (case-insensitive). */
export function filterPrompts(prompts: readonly SavedPrompt[], query: string): SavedPrompt[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...prompts];
  return prompts.filter((p) => {
    const hay = `${p.title}\n${p.body}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

const VARIABLE = /\{\{\s*([^{}\n]{1,60}?)\s*\}\}/g;

/** The distinct `{{name}}` variables of a prompt, in order of first use. */
export function promptVariables(body: string): string[] {
  const names: string[] = [];
  for (const m of body.matchAll(VARIABLE)) {
    const name = m[1] ?? "";
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The prompt with each `{{name}}` replaced by its value; a variable without a value stays as written. */
export function fillPrompt(body: string, values: Record<string, string>): string {
  return body.replace(VARIABLE, (whole, name: string) => (Object.hasOwn(values, name) ? (values[name] ?? "") : whole));
}

export interface PromptsFile {
  format: typeof PROMPTS_FORMAT;
  version: 1;
  exportedAt: string;
  prompts: SavedPrompt[];
}

export async function exportPrompts(db: AppDB): Promise<PromptsFile> {
  return {
    format: PROMPTS_FORMAT,
    version: 1,
    exportedAt: new Date().toISOString(),
    prompts: await db.prompts.toArray(),
  };
}

export interface PromptsImportReport {
  added: number;
  skipped: number;
  errors: string[];
}

/**
 * Adds the file's valid prompts whose ids are new; a prompt already stored is kept as it is, and an
 * invalid row is reported and skipped. A file that is not a prompt library is refused whole.
 */
export async function importPrompts(db: AppDB, input: unknown): Promise<PromptsImportReport> {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch {
      data = undefined;
    }
  }
  const { promptSchema, promptsFileSchema } = await schemas();
  const file = promptsFileSchema.safeParse(data);
  if (!file.success) {
    throw new AppError("bad_request", {
      key: "error.prompts.notLibrary",
      detail: file.error.issues[0]?.message,
    });
  }
  const report: PromptsImportReport = { added: 0, skipped: 0, errors: [] };
  const valid: SavedPrompt[] = [];
  const seen = new Set<string>();
  for (const [i, row] of file.data.prompts.entries()) {
    const parsed = promptSchema.safeParse(row);
    if (!parsed.success || seen.has(parsed.data.id)) {
      report.skipped++;
      if (report.errors.length < 100)
        report.errors.push(
          `prompts[${i}]: ${parsed.success ? "id appears twice" : (parsed.error.issues[0]?.message ?? "invalid")}`,
        );
      continue;
    }
    seen.add(parsed.data.id);
    valid.push(parsed.data);
  }
  await withQuotaGuard(() =>
    db.transaction("rw", db.prompts, async () => {
      const present = await db.prompts.bulkGet(valid.map((p) => p.id));
      const fresh = valid.filter((_, i) => !present[i]);
      await db.prompts.bulkAdd(fresh);
      report.added += fresh.length;
      report.skipped += valid.length - fresh.length;
    }),
  );
  return report;
}
