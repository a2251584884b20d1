import { apiHandler, readJson } from "@/lib/http/handler";
import { FORMAT_SPECS } from "@/lib/speech/constants";
import { upstreamFetch } from "@/lib/upstream";
import { SPEECH_BODY_MAX_BYTES, speechRequestSchema } from "./schema";

export const dynamic = "force-dynamic";
// Long texts take a while to synthesise; the bytes stream through as they come.
export const maxDuration = 120;

export const POST = apiHandler(
  async (request) => {
    const body = await readJson(request, speechRequestSchema, SPEECH_BODY_MAX_BYTES);
    const format = FORMAT_SPECS[body.response_format];
    // An empty voice (dialogue models only, checked by the schema) is left out: the model's own voices.
    const { voice, ...rest } = body;
    const upstream = await upstreamFetch("siliconflow", "/audio/speech", {
      method: "POST",
      json: {
        ...rest,
        ...(voice === "" ? {} : { voice }),
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
  { rateLimit: true, body: "json", maxBodyBytes: SPEECH_BODY_MAX_BYTES },
);
