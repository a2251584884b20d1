import { AppError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/handler";
import { DEFAULT_TRANSCRIPTION_MODEL, MAX_TRANSCRIPTION_BYTES, TRANSCRIPTION_MODELS } from "@/lib/speech/constants";
import { audioFile, badRequest, field, readFormCapped } from "@/lib/speech/server-form";
import { upstreamJson } from "@/lib/upstream";

export const dynamic = "force-dynamic";
export const maxDuration = 120;

/** Multipart `file` (≤ 50 MB) and optional `model` → `{text}`. */
export const POST = apiHandler(
  async (request) => {
    const form = await readFormCapped(request, MAX_TRANSCRIPTION_BYTES + 64 * 1024);
    const model = field(form, "model") || DEFAULT_TRANSCRIPTION_MODEL;
    if (!(TRANSCRIPTION_MODELS as readonly string[]).includes(model)) {
      throw badRequest(
        `Unknown transcription model. Use one of: ${TRANSCRIPTION_MODELS.join(", ")}.`,
        `未知的语音识别模型。可选：${TRANSCRIPTION_MODELS.join("、")}。`,
      );
    }
    const file = await audioFile(form, MAX_TRANSCRIPTION_BYTES, ["wav", "mp3", "ogg", "webm", "mp4", "flac"]);
    const upstream = new FormData();
    upstream.set("model", model);
    upstream.set("file", file.blob, file.name);
    const result = await upstreamJson<{ text?: unknown }>("siliconflow", "/audio/transcriptions", {
      method: "POST",
      body: upstream,
      signal: request.signal,
    });
    if (typeof result.text !== "string") {
      throw new AppError("upstream_error", { provider: "siliconflow", detail: "transcription response has no text" });
    }
    return Response.json({ text: result.text.trim() }, { headers: { "cache-control": "no-store" } });
  },
  { rateLimit: true },
);
