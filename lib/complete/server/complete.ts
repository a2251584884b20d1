import "server-only";
import { AppError } from "@/lib/errors";
import { publicErrorJSON } from "@/lib/security/redact";
import { parseStreamErrorEvent, readSse, upstreamFetch } from "@/lib/upstream";
import type { CompleteEvent, CompleteRequest } from "../contract";

// One fill-in-the-middle request: SiliconFlow's /completions with `prompt` and `suffix`, streamed
// (seed 003 §2.2/§4.2: OpenAI's legacy completion shape, `choices[0].text`). The middle goes to the
// browser as NDJSON events (contract.ts); a provider error after the first byte becomes an error event
// after what arrived, so nothing received is lost.

interface Chunk {
  choices?: { text?: unknown; finish_reason?: unknown }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
}

const line = (event: CompleteEvent) => `${JSON.stringify(event)}\n`;

export async function completeMiddle(body: CompleteRequest, signal: AbortSignal): Promise<Response> {
  const upstream = await upstreamFetch("siliconflow", "/completions", {
    method: "POST",
    json: {
      model: body.model,
      prompt: body.prompt,
      ...(body.suffix ? { suffix: body.suffix } : {}),
      ...(body.maxTokens !== undefined ? { max_tokens: body.maxTokens } : {}),
      ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
      stream: true,
    },
    signal,
  });
  if (!upstream.body) throw new AppError("upstream_error", { provider: "siliconflow", detail: "empty body" });
  const source = upstream.body;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let finishReason: string | undefined;
      let usage: { input: number; output: number } | undefined;
      try {
        for await (const event of readSse(source)) {
          if (event.data === "[DONE]") break;
          let json: unknown;
          try {
            json = JSON.parse(event.data);
          } catch {
            continue;
          }
          const failure = parseStreamErrorEvent("siliconflow", json);
          if (failure) throw failure;
          const chunk = json as Chunk;
          const choice = chunk.choices?.[0];
          if (typeof choice?.text === "string" && choice.text) {
            controller.enqueue(encoder.encode(line({ type: "text", text: choice.text })));
          }
          if (typeof choice?.finish_reason === "string") finishReason = choice.finish_reason;
          const u = chunk.usage;
          if (u && typeof u.prompt_tokens === "number" && typeof u.completion_tokens === "number") {
            usage = { input: u.prompt_tokens, output: u.completion_tokens };
          }
        }
        if (!finishReason) {
          throw new AppError("stream_interrupted", { provider: "siliconflow", detail: "no finish_reason" });
        }
        controller.enqueue(encoder.encode(line({ type: "finish", finishReason, ...(usage ? { usage } : {}) })));
      } catch (err) {
        if (!signal.aborted) {
          const error = publicErrorJSON(AppError.from(err));
          controller.enqueue(encoder.encode(line({ type: "error", error })));
        }
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
}
