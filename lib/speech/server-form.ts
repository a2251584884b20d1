import "server-only";
import { AppError } from "@/lib/errors";
import { readBytesCapped } from "@/lib/http/handler";
import { sniffAudio } from "./wav";

// Multipart bodies for the voice and transcription routes: read with a byte cap (413 before the
// whole body is buffered), then parsed by the platform's FormData parser.

export function badRequest(en: string, zh: string, detail?: string): AppError {
  return new AppError("bad_request", { detail: detail ?? en, message: { en, zh } });
}

/** The request's multipart form, refusing bodies over `maxBytes` with 413 and non-forms with 400. */
export async function readFormCapped(request: Request, maxBytes: number): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw badRequest(
      "Send the audio as multipart/form-data with a file field.",
      "请以 multipart/form-data 格式上传音频（file 字段）。",
    );
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large");
  const bytes = await readBytesCapped(request, maxBytes);
  try {
    return await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw badRequest("The uploaded form could not be read. Try the upload again.", "无法解析上传的表单，请重新上传。");
  }
}

/** A form field as trimmed text, or "" when missing or not text. */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export interface AudioFile {
  blob: Blob;
  bytes: Uint8Array;
  container: NonNullable<ReturnType<typeof sniffAudio>>;
  name: string;
}

/** The `file` field as recognised audio; the container is read from the bytes, not the client's type. */
export async function audioFile(
  form: FormData,
  maxBytes: number,
  allowed: readonly AudioFile["container"][],
): Promise<AudioFile> {
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) {
    throw badRequest("Choose an audio file to upload.", "请选择要上传的音频文件。", "file is required");
  }
  if (file.size > maxBytes) throw new AppError("payload_too_large");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const container = sniffAudio(bytes);
  if (!container || !allowed.includes(container)) {
    const list = allowed.map((c) => c.toUpperCase()).join(", ");
    throw badRequest(
      `This file is not audio the provider accepts. Use one of: ${list}.`,
      `该文件不是服务商支持的音频格式。请使用：${list}。`,
      `unsupported audio container: ${container ?? "unknown"}`,
    );
  }
  const name = file instanceof File && file.name ? file.name : `audio.${container}`;
  return { blob: new Blob([bytes], { type: file.type || `audio/${container}` }), bytes, container, name };
}
