import "server-only";
import { AppError } from "@/lib/errors";
import { bodyLimits, declaredLength, drainBody, webSource } from "@/lib/http/body";
import { boundaryOf, type FilePart, headOf, MultipartParser, type ParsedForm } from "@/lib/http/multipart";
import { inEnglish, type MessageRef } from "@/lib/i18n";
import { type AudioContainer, sniffAudio } from "../wav";

// Multipart bodies for the voice and transcription routes, parsed as they stream in (lib/http/
// multipart.ts): the audio stays in the chunks it arrived in, once, under the server's in-flight
// byte budget, until the provider has it (`release`).

/** A 400 in the page's words (speech.server.*), with `detail` for logs (the English words if none). */
export function badRequest(message: MessageRef, detail?: string): AppError {
  return new AppError("bad_request", { detail: detail ?? inEnglish(message), ...message });
}

interface UploadForm extends ParsedForm {
  /** Gives the held bytes back to the budget; call once the upload has gone upstream (or failed). */
  release(): void;
}

/** The request's multipart form, refusing bodies over `maxBytes` with 413 and non-forms with 400/415. */
export async function readUploadForm(request: Request, maxBytes: number): Promise<UploadForm> {
  const boundary = boundaryOf(request.headers.get("content-type"));
  if (!boundary) {
    throw badRequest({ key: "speech.server.notForm" });
  }
  const parser = new MultipartParser(boundary, { fileField: "file", maxFields: 16, maxFieldBytes: 16 * 1024 });
  const held = await drainBody(webSource(request), bodyLimits(maxBytes), declaredLength(request.headers), (chunk) =>
    parser.push(chunk),
  );
  try {
    return { ...parser.finish(), release: held.release };
  } catch (err) {
    held.release();
    throw err;
  }
}

/** A form field as trimmed text, or "" when missing. */
export function field(form: ParsedForm, name: string): string {
  return form.fields.get(name)?.trim() ?? "";
}

interface AudioFile {
  part: FilePart;
  /** The first bytes, enough for the container and a WAV header. */
  head: Uint8Array;
  container: AudioContainer;
  name: string;
  type: string;
}

/** The `file` part as recognised audio; the container is read from the bytes, not the client's type. */
export function audioFile(form: ParsedForm, maxBytes: number, allowed: readonly AudioContainer[]): AudioFile {
  const part = form.file;
  if (!part || part.size === 0) {
    throw badRequest({ key: "speech.server.noFile" }, "file is required");
  }
  if (part.size > maxBytes) throw new AppError("payload_too_large");
  const head = headOf(part.chunks, 64 * 1024);
  const container = sniffAudio(head);
  if (!container || !allowed.includes(container)) {
    const list = allowed.map((c) => c.toUpperCase()).join(", ");
    throw badRequest(
      { key: "speech.server.notAudio", vars: { list } },
      `unsupported audio container: ${container ?? "unknown"}`,
    );
  }
  const type = /^audio\/[\w.+-]+$/i.test(part.type) ? part.type : `audio/${container}`;
  return { part, head, container, name: part.filename || `audio.${container}`, type };
}
