import "server-only";

export interface SseEvent {
  /** The event's `data:` lines joined with "\n"; not parsed, so a malformed JSON line is the caller's call. */
  data: string;
  event?: string;
  id?: string;
}

/**
 * Reads a `text/event-stream` body as events (WHATWG rules): LF, CRLF or CR line ends, `:` comments,
 * multi-line `data:`, an event per blank line. A last event without its closing blank line is still
 * delivered, since a cut stream's final chunk is worth keeping. Leaving the loop early cancels the body,
 * which closes the upstream connection.
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder("utf-8");
  let buffer = "";
  let first = true;
  let dataLines: string[] = [];
  let event: string | undefined;
  let id: string | undefined;
  let finished = false;

  const take = (): SseEvent | undefined => {
    if (dataLines.length === 0) {
      event = undefined;
      return undefined;
    }
    const out: SseEvent = { data: dataLines.join("\n") };
    if (event !== undefined) out.event = event;
    if (id !== undefined) out.id = id;
    dataLines = [];
    event = undefined;
    return out;
  };

  const feedLine = (line: string): SseEvent | undefined => {
    if (line === "") return take();
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") dataLines.push(value);
    else if (field === "event") event = value;
    else if (field === "id" && !value.includes("\0")) id = value;
    return undefined;
  };

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      if (first && buffer.length > 0) {
        if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
        first = false;
      }
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer.charCodeAt(i);
        if (ch !== 10 && ch !== 13) continue;
        // A CR at the very end may be half of a CRLF split across chunks: wait for more.
        if (ch === 13 && i === buffer.length - 1) break;
        const line = buffer.slice(start, i);
        if (ch === 13 && buffer.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
        const ev = feedLine(line);
        if (ev) yield ev;
      }
      buffer = buffer.slice(start);
    }
    buffer += decoder.decode();
    for (const line of buffer.split(/\r\n|\r|\n/)) {
      const ev = feedLine(line);
      if (ev) yield ev;
    }
    const last = take();
    finished = true;
    if (last) yield last;
  } finally {
    if (!finished) {
      // The consumer stopped early (or the read failed): release the upstream connection.
      await reader.cancel().catch(() => undefined);
    }
    reader.releaseLock();
  }
}
