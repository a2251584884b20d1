// multipart/form-data, parsed as it streams in and written out again without assembling the file.
// The upload routes (voices, transcriptions) pass a file of up to 50 MB on to the provider: parsing
// with Response.formData() and rebuilding a FormData held the bytes five times over. Here the file
// part is kept as the chunks it arrived in (views into them, no copy) and the provider's request is
// written from those same chunks (lib/upstream takes a list of chunks as a body).

import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { GatheredBody } from "@/lib/upstream/transport";

export interface FilePart {
  field: string;
  filename: string;
  type: string;
  chunks: Uint8Array[];
  size: number;
}

export interface ParsedForm {
  fields: Map<string, string>;
  file?: FilePart;
}

interface FormLimits {
  /** The one field that may carry a file. */
  fileField: string;
  maxFields: number;
  maxFieldBytes: number;
}

const CRLF_CRLF = Buffer.from("\r\n\r\n");
const MAX_HEADER_BYTES = 8 * 1024;

function invalid(detail: string): AppError {
  return new AppError("bad_request", { detail, key: "error.http.formUnreadable" });
}

/** The boundary of a multipart/form-data Content-Type, or undefined. */
export function boundaryOf(contentType: string | null): string | undefined {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? "");
  return m?.[1] ?? m?.[2];
}

type State = "preamble" | "headers" | "body" | "done";

/** A push parser: feed it chunks in order, then `finish()` for the form. */
export class MultipartParser {
  private state: State = "preamble";
  private readonly delimiter: Buffer;
  /** Bytes that may be the start of a delimiter or a header block, carried to the next chunk (small). */
  private carry: Buffer = Buffer.alloc(0);
  private part: { name: string; filename?: string; type: string; chunks: Uint8Array[]; size: number } | null = null;
  private readonly form: ParsedForm = { fields: new Map() };
  private fieldCount = 0;

  constructor(
    boundary: string,
    private readonly limits: FormLimits,
  ) {
    // The first delimiter may open the body without a preceding CRLF: start as if one was seen.
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
    this.carry = Buffer.from("\r\n");
  }

  push(input: Uint8Array): void {
    let chunk = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    while (chunk.length > 0 && this.state !== "done") {
      if (this.state === "headers") {
        chunk = this.readHeaders(chunk);
        continue;
      }
      chunk = this.readUntilDelimiter(chunk);
    }
  }

  finish(): ParsedForm {
    if (this.state !== "done") throw invalid("multipart body ended before its closing boundary");
    return this.form;
  }

  /** Body (or preamble) bytes up to the next delimiter; answers what follows it. */
  private readUntilDelimiter(chunk: Buffer): Buffer {
    const d = this.delimiter;
    if (this.carry.length > 0) {
      // Only the carried bytes plus the chunk's first d.length bytes can hold a delimiter across the seam.
      const probe = Buffer.concat([this.carry, chunk.subarray(0, d.length)]);
      const at = probe.indexOf(d);
      if (at >= 0 && at < this.carry.length) {
        this.emit(this.carry.subarray(0, at));
        const consumed = at + d.length - this.carry.length;
        this.carry = Buffer.alloc(0);
        return this.afterDelimiter(chunk.subarray(consumed));
      }
      if (chunk.length < d.length && at < 0) {
        // Still too short to decide: keep only what could start a delimiter.
        return this.keepTail(probe);
      }
      this.emit(Buffer.from(this.carry));
      this.carry = Buffer.alloc(0);
    }
    const at = chunk.indexOf(d);
    if (at >= 0) {
      this.emit(chunk.subarray(0, at));
      return this.afterDelimiter(chunk.subarray(at + d.length));
    }
    // No delimiter: all but a possible partial one at the end is body.
    const keep = Math.min(chunk.length, d.length - 1);
    this.emit(chunk.subarray(0, chunk.length - keep));
    this.carry = Buffer.from(chunk.subarray(chunk.length - keep));
    return Buffer.alloc(0);
  }

  private keepTail(bytes: Buffer): Buffer {
    const keep = Math.min(bytes.length, this.delimiter.length - 1);
    this.emit(bytes.subarray(0, bytes.length - keep));
    this.carry = Buffer.from(bytes.subarray(bytes.length - keep));
    return Buffer.alloc(0);
  }

  /** After a delimiter: `--` ends the form, CRLF opens a part's headers (read by readHeaders). */
  private afterDelimiter(rest: Buffer): Buffer {
    this.closePart();
    this.state = "headers";
    this.markerPending = true;
    this.headerBuf = Buffer.alloc(0);
    return rest;
  }

  /** The two bytes after a delimiter are still to be checked. */
  private markerPending = false;
  /** Header bytes carried from earlier chunks (small: at most MAX_HEADER_BYTES). */
  private headerBuf: Buffer = Buffer.alloc(0);

  /**
   * A part's header block, which may span chunks. Only the carried header bytes are ever copied: the
   * body bytes that follow in the chunk are handed on as a view of it.
   */
  private readHeaders(chunk: Buffer): Buffer {
    const carried = this.headerBuf.length;
    const window = chunk.subarray(0, MAX_HEADER_BYTES + 6);
    const probe = carried ? Buffer.concat([this.headerBuf, window]) : window;
    let start = 0;
    if (this.markerPending) {
      if (probe.length < 2) return this.carryHeader(probe, chunk);
      if (probe[0] === 0x2d && probe[1] === 0x2d) {
        this.state = "done";
        return Buffer.alloc(0);
      }
      if (probe[0] !== 0x0d || probe[1] !== 0x0a) throw invalid("malformed multipart delimiter");
      start = 2;
    }
    const end = probe.indexOf(CRLF_CRLF, start);
    if (end < 0) {
      if (probe.length - start > MAX_HEADER_BYTES) throw invalid("multipart part headers too large");
      return this.carryHeader(probe, chunk);
    }
    this.openPart(probe.toString("utf8", start, end));
    this.markerPending = false;
    this.headerBuf = Buffer.alloc(0);
    this.state = "body";
    // The delimiter search restarts in the body: no carried bytes.
    this.carry = Buffer.alloc(0);
    return chunk.subarray(end + 4 - carried);
  }

  /** All of this chunk belongs to an unfinished header block: keep it (it is small) for the next one. */
  private carryHeader(probe: Buffer, chunk: Buffer): Buffer {
    if (chunk.length > MAX_HEADER_BYTES) throw invalid("multipart part headers too large");
    this.headerBuf = Buffer.from(probe);
    return Buffer.alloc(0);
  }

  private openPart(headerText: string) {
    const headers = new Map<string, string>();
    for (const line of headerText.split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get("content-disposition") ?? "";
    const name = dispositionParam(disposition, "name");
    if (!/^form-data\b/i.test(disposition) || name === undefined)
      throw invalid("multipart part without a form-data name");
    const filename = dispositionParam(disposition, "filename");
    if (filename !== undefined && name !== this.limits.fileField) {
      throw invalid(`unexpected file field "${name.slice(0, 40)}"`);
    }
    if (filename !== undefined && this.form.file) throw invalid("more than one file in the form");
    if (filename === undefined && ++this.fieldCount > this.limits.maxFields) throw invalid("too many form fields");
    this.part = { name, filename, type: headers.get("content-type") ?? "", chunks: [], size: 0 };
  }

  private emit(bytes: Uint8Array) {
    if (bytes.length === 0 || !this.part) return;
    this.part.size += bytes.length;
    if (this.part.filename === undefined && this.part.size > this.limits.maxFieldBytes) {
      throw invalid(`form field "${this.part.name.slice(0, 40)}" too large`);
    }
    this.part.chunks.push(bytes);
  }

  private closePart() {
    const part = this.part;
    this.part = null;
    if (!part) return;
    if (part.filename !== undefined) {
      this.form.file = {
        field: part.name,
        filename: part.filename,
        type: part.type,
        chunks: part.chunks,
        size: part.size,
      };
    } else {
      this.form.fields.set(part.name, Buffer.concat(part.chunks).toString("utf8"));
    }
  }
}

function dispositionParam(header: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${name}=([^;\\s]+)`, "i").exec(header);
  if (!m) return undefined;
  return (m[1] ?? m[2] ?? "").replace(/\\(.)/g, "$1");
}

/** The first `n` bytes of a chunk list as one small array (for sniffing a file's header). */
export function headOf(chunks: readonly Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(
    Math.min(
      n,
      chunks.reduce((s, c) => s + c.byteLength, 0),
    ),
  );
  let at = 0;
  for (const c of chunks) {
    if (at >= out.length) break;
    const take = Math.min(c.byteLength, out.length - at);
    out.set(c.subarray(0, take), at);
    at += take;
  }
  return out;
}

/** A filename safe inside a quoted header parameter. */
function safeFilename(name: string, fallback: string): string {
  const clean = name.replace(/["\\\r\n]/g, "").slice(0, 100);
  return clean || fallback;
}

/** A multipart/form-data body as a list of chunks: the file's own chunks are reused as they are. */
export function buildMultipart(
  fields: [string, string][],
  file: { field: string; filename: string; type: string; chunks: Uint8Array[]; size: number },
): GatheredBody {
  const boundary = `----siliconplay${randomBytes(12).toString("hex")}`;
  const head = fields
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join("");
  const fileHead =
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${safeFilename(file.filename, "audio")}"\r\n` +
    `Content-Type: ${file.type.replace(/[\r\n]/g, "") || "application/octet-stream"}\r\n\r\n`;
  const opening = Buffer.from(head + fileHead);
  const closing = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    chunks: [opening, ...file.chunks, closing],
    size: opening.length + file.size + closing.length,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
