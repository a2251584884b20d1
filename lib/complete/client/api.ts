import { jsonRequest } from "@/lib/api-client";
import { AppError, readErrorResponse } from "@/lib/errors";
import { type CompleteEvent, type CompleteRequest, completeEventSchema } from "../contract";

// The /complete page's fetcher: POST /api/complete and read its NDJSON events as they arrive.

interface CompleteOutcome {
  finishReason?: string;
  usage?: { input: number; output: number };
}

/** Streams the middle into `onText`; throws the AppError of a refused request or of a failure mid-stream. */
export async function streamCompletion(
  request: CompleteRequest,
  onText: (piece: string) => void,
  signal?: AbortSignal,
): Promise<CompleteOutcome> {
  let res: Response;
  try {
    res = await fetch("/api/complete", jsonRequest(request, signal));
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new AppError("network", {
      key: "error.app.unreachable",
    });
  }
  if (!res.ok) throw await readErrorResponse(res);
  if (!res.body) throw new AppError("stream_interrupted", { detail: "no body" });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let outcome: CompleteOutcome | undefined;
  const handle = (line: string) => {
    if (!line.trim()) return;
    const parsed = completeEventSchema.safeParse(JSON.parse(line));
    if (!parsed.success) return;
    const event: CompleteEvent = parsed.data;
    if (event.type === "text") onText(event.text);
    else if (event.type === "finish") outcome = { finishReason: event.finishReason, usage: event.usage };
    else throw AppError.fromJSON(event.error);
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let at = buffer.indexOf("\n");
    while (at >= 0) {
      handle(buffer.slice(0, at));
      buffer = buffer.slice(at + 1);
      at = buffer.indexOf("\n");
    }
  }
  handle(buffer);
  if (!outcome) throw new AppError("stream_interrupted", { detail: "the stream ended before its finish" });
  return outcome;
}
