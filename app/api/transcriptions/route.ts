import { AppError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/handler";
import { buildMultipart } from "@/lib/http/multipart";
import {
  DEFAULT_TRANSCRIPTION_MODEL,
  MAX_TRANSCRIPTION_BYTES,
  TRANSCRIPTION_FORM_MAX_BYTES,
  TRANSCRIPTION_MODELS,
  type TranscriptionResponse,
} from "@/lib/speech/contract";
import { audioFile, badRequest, field, readUploadForm } from "@/lib/speech/server/form";
import { upstreamJson } from "@/lib/upstream";

export const dynamic = "force-dynamic";
export const maxDuration = 120;

/** Multipart `file` (≤ 50 MB) and optional `model` → `{text}`. */
export const POST = apiHandler(
  async (request) => {
    const form = await readUploadForm(request, TRANSCRIPTION_FORM_MAX_BYTES);
    try {
      const model = field(form, "model") || DEFAULT_TRANSCRIPTION_MODEL;
      if (!(TRANSCRIPTION_MODELS as readonly string[]).includes(model)) {
        throw badRequest({ key: "speech.server.unknownModel", vars: { models: TRANSCRIPTION_MODELS.join(", ") } });
      }
      const file = audioFile(form, MAX_TRANSCRIPTION_BYTES, ["wav", "mp3", "ogg", "webm", "mp4", "flac"]);
      // The audio goes on in the chunks it arrived in: one copy in memory, not one per re-encoding.
      const body = buildMultipart([["model", model]], { ...file.part, filename: file.name, type: file.type });
      const result = await upstreamJson<{ text?: unknown }>("siliconflow", "/audio/transcriptions", {
        method: "POST",
        body,
        signal: request.signal,
      });
      if (typeof result.text !== "string") {
        throw new AppError("upstream_error", { provider: "siliconflow", detail: "transcription response has no text" });
      }
      return Response.json({ text: result.text.trim() } satisfies TranscriptionResponse, {
        headers: { "cache-control": "no-store" },
      });
    } finally {
      form.release();
    }
  },
  { rateLimit: true, body: "multipart", maxBodyBytes: TRANSCRIPTION_FORM_MAX_BYTES },
);
