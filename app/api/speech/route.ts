import { AppError } from "@/lib/errors";
import { apiHandler, parseJsonBody, readBytesCapped } from "@/lib/http/handler";
import { requireContentType } from "@/lib/security/origin";
import {
  FORMAT_SPECS,
  SPEECH_BODY_MAX_BYTES,
  SPEECH_CLIPS_BODY_MAX_BYTES,
  speechRequestSchema,
} from "@/lib/speech/contract";
import { providerReferences } from "@/lib/speech/server/clips";
import { upstreamFetch } from "@/lib/upstream";

export const dynamic = "force-dynamic";
// Long texts take a while to synthesise; the bytes stream through as they come.
export const maxDuration = 120;

export const POST = apiHandler(
  async (request) => {
    requireContentType(request, "json");
    const bytes = await readBytesCapped(request, SPEECH_CLIPS_BODY_MAX_BYTES);
    // Only reference clips earn the larger allowance; text alone keeps the small one.
    if (bytes.byteLength > SPEECH_BODY_MAX_BYTES && !bytesHaveClips(bytes)) throw new AppError("payload_too_large");
    const body = parseJsonBody(bytes, speechRequestSchema);
    const format = FORMAT_SPECS[body.response_format];
    // Each clip checked from its bytes before anything goes to the provider; the names stay here.
    const references = body.references ? providerReferences(body.references) : undefined;
    // An empty voice (dialogue models only, checked by the schema) is left out: with no references, the
    // model's own voices; with them, the provider takes references instead of a voice (the two are
    // mutually exclusive: lib/speech/dialogue-clips.ts).
    const { voice, references: _clips, ...rest } = body;
    const upstream = await upstreamFetch("siliconflow", "/audio/speech", {
      method: "POST",
      json: {
        ...rest,
        ...(voice === "" ? {} : { voice }),
        ...(references ? { references } : {}),
        sample_rate: body.sample_rate ?? format.defaultRate,
        stream: true,
      },
      // The browser's abort (Stop, leaving the page) closes the provider connection too.
      signal: request.signal,
    });
    const headers = new Headers({
      // Our own label per format, so the browser can choose MediaSource vs. download by the format it asked for.
      "content-type": format.mime,
      "cache-control": "no-store",
      // Proxies (nginx) must not buffer: playback starts on the first bytes.
      "x-accel-buffering": "no",
      "x-sample-rate": String(body.sample_rate ?? format.defaultRate),
    });
    const trace = upstream.headers.get("x-siliconcloud-trace-id");
    if (trace) headers.set("x-siliconcloud-trace-id", trace);
    return new Response(upstream.body, { status: 200, headers });
  },
  { rateLimit: true, body: "json", maxBodyBytes: SPEECH_CLIPS_BODY_MAX_BYTES },
);

/** Whether an over-sized body is a request with reference clips (cheap: only then is it parsed twice). */
function bytesHaveClips(bytes: Uint8Array): boolean {
  try {
    const json = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
    return Array.isArray(json?.references) && json.references.length > 0;
  } catch {
    return false;
  }
}
