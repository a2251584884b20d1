import "server-only";
import { AppError, type AppErrorJSON, isAppErrorJSON, type Provider } from "@/lib/errors";
import { parseStreamErrorEvent } from "@/lib/upstream";

// The openai-compatible provider reads the SSE body of a chat completion. Three upstream events would
// otherwise reach the browser untyped or not at all:
// - an error event inside a 200 stream (GLM `data: {"error": …}`, SiliconFlow `data: {"code", "message"}`):
//   the SDK reports the first as an untyped provider error and the second as a schema failure;
// - a connection cut mid-stream: the SDK *throws* out of the stream, so the UI stream breaks instead of
//   ending with an error chunk after the text that arrived;
// - a malformed `data:` line: the SDK emits an error chunk, which stops the reply in useChat although the
//   stream goes on;
// - an error body written as a bare line, without `data:`: SiliconFlow ended a stream that way with
//   `{"code":60000,"message":"Request processing has failed due to some unknown error.","data":null}`
//   after the first content chunk (lobehub PR #4335's capture); an SSE parser ignores the line, and the
//   SDK then reports only "Response stream ended without a finish reason".
// An error with no more specific meaning (60000 and other unknown codes) becomes stream_interrupted:
// the reply was cut off, what arrived is kept, Retry or Continue.
// This guard sits between the upstream client and the SDK. Clean chunks pass through as the same bytes
// (no copy, no delay); error events and cuts become one synthetic OpenAI-style error event carrying the
// AppError, which the SDK turns into an error chunk before finishing the stream normally; malformed lines
// are dropped. An abort (the browser's Stop) still errors the body, as the SDK expects.

/** `error.type` of the synthetic event; `error.param` holds the AppErrorJSON. */
export const GUARD_ERROR_TYPE = "siliconplay_app_error";

const encoder = new TextEncoder();

/** Wraps a fetch (the upstream client's) so every chat completion body goes through the guard. */
export function guardedFetch(provider: Provider, inner: typeof fetch): typeof fetch {
  const wrapped = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const res = await inner(input, init);
    const type = res.headers.get("content-type") ?? "";
    if (!res.body || !type.includes("text/event-stream")) return res;
    return new Response(guardSseBody(provider, res.body, init?.signal ?? undefined), {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
  return wrapped as typeof fetch;
}

export function guardSseBody(
  provider: Provider,
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = "";
  let done = false;

  const finishWith = (controller: ReadableStreamDefaultController<Uint8Array>, error: AppError) => {
    done = true;
    controller.enqueue(encoder.encode(errorEvent(error)));
    controller.close();
    reader.cancel().catch(() => undefined);
  };

  /** One upstream read; true once something was enqueued or the stream is over. */
  const step = async (controller: ReadableStreamDefaultController<Uint8Array>): Promise<boolean> => {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (err) {
      if (signal?.aborted || isAbort(err)) {
        done = true;
        controller.error(err);
        return true;
      }
      // Keep what arrived: the partial last line is gone with the connection anyway.
      finishWith(controller, AppError.from(err));
      return true;
    }
    if (chunk.done) {
      done = true;
      const rest = pending + decoder.decode();
      if (rest.trim() !== "") {
        const out = scan(provider, `${rest}\n`);
        if (out.text) controller.enqueue(encoder.encode(out.text));
        if (out.error) {
          finishWith(controller, out.error);
          return true;
        }
      }
      controller.close();
      return true;
    }
    const bytes = chunk.value;
    const text = pending + decoder.decode(bytes, { stream: true });
    const cut = Math.max(text.lastIndexOf("\n"), text.lastIndexOf("\r"));
    if (cut === -1) {
      pending = text;
      return false;
    }
    const complete = text.slice(0, cut + 1);
    const hadPending = pending !== "";
    pending = text.slice(cut + 1);
    const out = scan(provider, complete);
    let produced = false;
    if (out.clean && !hadPending && pending === "") {
      controller.enqueue(bytes);
      produced = true;
    } else if (out.text) {
      controller.enqueue(encoder.encode(out.text));
      produced = true;
    }
    if (out.error) {
      finishWith(controller, out.error);
      return true;
    }
    return produced;
  };

  return new ReadableStream<Uint8Array>({
    // A pull that enqueues nothing is not called again: read on until a whole line is there.
    async pull(controller) {
      while (!done && !(await step(controller))) {}
    },
    cancel(reason) {
      done = true;
      return reader.cancel(reason);
    },
  });
}

interface ScanResult {
  /** True when nothing was changed, so the original bytes can be forwarded. */
  clean: boolean;
  /** The text to forward (complete lines only). */
  text: string;
  error?: AppError;
}

/** Checks complete lines; stops at the first error event and drops malformed `data:` lines. */
function scan(provider: Provider, complete: string): ScanResult {
  let start = 0;
  let kept = "";
  let clean = true;
  while (start < complete.length) {
    let end = start;
    while (end < complete.length && complete.charCodeAt(end) !== 10 && complete.charCodeAt(end) !== 13) end++;
    const lineEnd = end < complete.length ? end + 1 : end;
    const line = complete.slice(start, end);
    const verdict = judge(provider, line);
    if (verdict instanceof AppError) {
      return { clean: false, text: kept + (clean ? complete.slice(0, start) : ""), error: verdict };
    }
    if (verdict === "drop") {
      if (clean) kept = complete.slice(0, start);
      clean = false;
    } else if (!clean) {
      kept += complete.slice(start, lineEnd);
    }
    start = lineEnd;
  }
  return { clean, text: clean ? complete : kept };
}

function judge(provider: Provider, line: string): "keep" | "drop" | AppError {
  if (line.startsWith("{")) return bareErrorLine(provider, line);
  if (!line.startsWith("data:")) return "keep";
  const data = line.slice(5).trim();
  if (data === "" || data === "[DONE]") return "keep";
  // Every ordinary chunk has `choices` (GLM's usage chunk has `choices: []`): skip the parse for them.
  if (data.includes('"choices"')) return "keep";
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return "drop";
  }
  return midStream(parseStreamErrorEvent(provider, json)) ?? "keep";
}

/** A line that is a JSON error body without `data:`; anything else outside `data:` stays as it is. */
function bareErrorLine(provider: Provider, line: string): "keep" | AppError {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return "keep";
  }
  return midStream(parseStreamErrorEvent(provider, json)) ?? "keep";
}

/** An unspecific error inside a stream that had started: the reply was cut off (see the top). */
function midStream(error: AppError | null): AppError | null {
  if (error?.code !== "upstream_error") return error;
  return new AppError("stream_interrupted", {
    provider: error.provider,
    detail: error.detail,
    traceId: error.traceId,
  });
}

function errorEvent(error: AppError): string {
  const payload = {
    error: { message: error.message, type: GUARD_ERROR_TYPE, code: error.code, param: error.toJSON() },
  };
  return `\n\ndata: ${JSON.stringify(payload)}\n\n`;
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === "AbortError" || err.name === "TimeoutError");
}

/** The AppError inside whatever streamText reports: ours, the guard's event, or an SDK wrapper. */
export function appErrorFromStream(provider: Provider, error: unknown): AppError {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && current !== undefined; depth++) {
    if (current instanceof AppError) return current;
    if (typeof current !== "object") break;
    const obj = current as { data?: unknown; param?: unknown; type?: unknown; cause?: unknown; message?: unknown };
    if (obj.type === GUARD_ERROR_TYPE && isAppErrorJSON(obj.param)) return AppError.fromJSON(obj.param as AppErrorJSON);
    const data = obj.data as { type?: unknown; param?: unknown } | undefined;
    if (data?.type === GUARD_ERROR_TYPE && isAppErrorJSON(data.param)) return AppError.fromJSON(data.param);
    // An untyped provider error event that slipped past the guard (a form it does not know).
    if (data && typeof data === "object" && typeof (data as { message?: unknown }).message === "string") {
      const parsed = parseStreamErrorEvent(provider, { error: data });
      if (parsed) return parsed;
    }
    current = obj.cause;
  }
  return AppError.from(error);
}
