import { AppError } from "@/lib/errors";
import { apiHandler, readJson } from "@/lib/http/handler";
import { buildMultipart } from "@/lib/http/multipart";
import {
  DEFAULT_SPEECH_MODEL,
  deleteVoiceSchema,
  MAX_VOICE_BYTES,
  MAX_VOICE_SECONDS,
  uploadFieldsSchema,
  VOICE_FORM_MAX_BYTES,
  type VoicesResponse,
  type VoiceUploadResponse,
} from "@/lib/speech/contract";
import { audioFile, badRequest, field, readUploadForm } from "@/lib/speech/server/form";
import { normalizeVoiceList } from "@/lib/speech/server/voice-list";
import { wavDurationSeconds } from "@/lib/speech/wav";
import { upstreamJson } from "@/lib/upstream";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/** The user's uploaded voices, from the provider (it is the only place they live). */
export const GET = apiHandler(async (request) => {
  const body = await upstreamJson<unknown>("siliconflow", "/audio/voice/list", {
    method: "GET",
    signal: request.signal,
  });
  return Response.json({ voices: normalizeVoiceList(body) } satisfies VoicesResponse, { headers: NO_STORE });
});

/** Multipart `customName`, `text`, `model`, `file` → the provider's `{uri}`. */
export const POST = apiHandler(
  async (request) => {
    const form = await readUploadForm(request, VOICE_FORM_MAX_BYTES);
    try {
      const fields = uploadFieldsSchema.safeParse({
        customName: field(form, "customName"),
        text: field(form, "text"),
        model: field(form, "model") || DEFAULT_SPEECH_MODEL,
      });
      if (!fields.success) {
        const issue = fields.error.issues[0];
        const where = String(issue?.path[0] ?? "form");
        throw badRequest({ key: "speech.server.badField", vars: { field: where, why: issue?.message ?? "invalid" } });
      }
      // The provider takes mp3, wav, pcm and opus; the browser converts anything else to WAV first.
      const file = audioFile(form, MAX_VOICE_BYTES, ["wav", "mp3", "ogg"]);
      const seconds = file.container === "wav" ? wavDurationSeconds(file.head, file.part.size) : null;
      if (seconds !== null && seconds > MAX_VOICE_SECONDS) {
        throw badRequest(
          { key: "speech.server.voiceTooLong", vars: { seconds: seconds.toFixed(1), max: MAX_VOICE_SECONDS } },
          `reference audio is ${seconds.toFixed(1)} s`,
        );
      }
      const body = buildMultipart(
        [
          ["model", fields.data.model],
          ["customName", fields.data.customName],
          ["text", fields.data.text],
        ],
        { ...file.part, filename: file.name, type: file.type },
      );
      const result = await upstreamJson<{ uri?: unknown }>("siliconflow", "/uploads/audio/voice", {
        method: "POST",
        body,
        signal: request.signal,
      });
      if (typeof result.uri !== "string") {
        throw new AppError("upstream_error", { provider: "siliconflow", detail: "upload response has no uri" });
      }
      return Response.json({ voice: { uri: result.uri, ...fields.data } } satisfies VoiceUploadResponse, {
        headers: NO_STORE,
      });
    } finally {
      form.release();
    }
  },
  { rateLimit: true, body: "multipart", maxBodyBytes: VOICE_FORM_MAX_BYTES },
);

/** `{uri}` → deleted at the provider. */
export const DELETE = apiHandler(
  async (request) => {
    const { uri } = await readJson(request, deleteVoiceSchema, 4 * 1024);
    await upstreamJson("siliconflow", "/audio/voice/deletions", {
      method: "POST",
      json: { uri },
      signal: request.signal,
    });
    return Response.json({ deleted: uri }, { headers: NO_STORE });
  },
  { body: "json" },
);
