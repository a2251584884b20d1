import type { ImageFetch } from "./image-fetch";

export type SimProvider = "siliconflow" | "glm";
export type LogProvider = SimProvider | "files";

export interface MultipartSummary {
  fields: Record<string, string>;
  files: { field: string; filename: string; contentType: string; size: number }[];
}

export interface LogEntry {
  id: number;
  time: string;
  provider: LogProvider;
  method: string;
  /** Path without the provider prefix, e.g. "/chat/completions" or, for files, "/images/<id>.png". */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON, a multipart summary, text (first 4 KB), `{ bytes }` for binary, or null when empty. */
  body: unknown;
  /** 0 until the response headers are sent. */
  status: number;
  /** The client closed the connection before the response ended (e.g. a browser Stop reached the provider). */
  aborted: boolean;
  durationMs: number;
  /** Image URLs the simulated provider fetched for this request (GLM vision), with what came back. */
  imageFetches?: ImageFetch[];
}

// Benchmarks send thousands of requests; a bounded log keeps the simulator's memory flat.
const MAX_ENTRIES = 2000;
const TEXT_LIMIT = 4096;

export class RequestLog {
  private entries: LogEntry[] = [];
  private nextId = 1;

  add(entry: Omit<LogEntry, "id">): LogEntry {
    const full: LogEntry = { id: this.nextId++, ...entry };
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return full;
  }

  list(): LogEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}

export function summarizeBody(raw: Buffer, contentType: string, json: unknown, form: MultipartSummary | null): unknown {
  if (raw.length === 0) return null;
  if (form) return form;
  if (json !== undefined) return json;
  if (/^text\/|json|x-www-form-urlencoded|xml/i.test(contentType) || isMostlyText(raw)) {
    return raw.subarray(0, TEXT_LIMIT).toString("utf8");
  }
  return { bytes: raw.length };
}

function isMostlyText(raw: Buffer): boolean {
  const sample = raw.subarray(0, 512);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control / sample.length < 0.05;
}

export function headerRecord(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}
