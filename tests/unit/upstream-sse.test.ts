import { describe, expect, it } from "vitest";
import { readSse, type SseEvent } from "@/lib/upstream/sse";

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(typeof c === "string" ? encoder.encode(c) : c);
      controller.close();
    },
  });
}

async function collect(body: ReadableStream<Uint8Array>): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const ev of readSse(body)) out.push(ev);
  return out;
}

/** Every way to cut `text` into single bytes: the parser must not depend on chunk boundaries. */
function byteChunks(text: string): Uint8Array[] {
  return Array.from(new TextEncoder().encode(text), (b) => new Uint8Array([b]));
}

describe("readSse", () => {
  it("reads LF-separated events and [DONE]", async () => {
    const events = await collect(streamOf(['data: {"a":1}\n\ndata: {"a":2}\n\n', "data: [DONE]\n\n"]));
    expect(events.map((e) => e.data)).toEqual(['{"a":1}', '{"a":2}', "[DONE]"]);
  });

  it("tolerates CRLF and lone CR line ends", async () => {
    expect((await collect(streamOf(["data: a\r\n\r\ndata: b\r\n\r\n"]))).map((e) => e.data)).toEqual(["a", "b"]);
    expect((await collect(streamOf(["data: a\r\rdata: b\r\r"]))).map((e) => e.data)).toEqual(["a", "b"]);
  });

  it("handles CRLF split across chunks and byte-by-byte delivery", async () => {
    const text = 'data: {"x":"你好"}\r\n\r\n: keep-alive\r\n\r\ndata: two\r\n\r\n';
    expect((await collect(streamOf(byteChunks(text)))).map((e) => e.data)).toEqual(['{"x":"你好"}', "two"]);
    expect((await collect(streamOf(["data: a\r", "\n\r", "\ndata: b\r\n\r\n"]))).map((e) => e.data)).toEqual([
      "a",
      "b",
    ]);
  });

  it("skips comments and events without data", async () => {
    const events = await collect(streamOf([": ping\n\n", "event: keepalive\n\n", ":\n", "data: x\n\n"]));
    expect(events).toEqual([{ data: "x" }]);
  });

  it("joins multi-line data with a newline", async () => {
    const events = await collect(streamOf(["data: line one\ndata: line two\ndata\n\n"]));
    expect(events.map((e) => e.data)).toEqual(["line one\nline two\n"]);
  });

  it("keeps event and id fields and strips only one leading space", async () => {
    const events = await collect(streamOf(["event: error\nid: 7\ndata:  two spaces\n\n", "data:no-space\n\n"]));
    expect(events).toEqual([
      { data: " two spaces", event: "error", id: "7" },
      { data: "no-space", id: "7" },
    ]);
  });

  it("hands a malformed JSON line to the caller unchanged", async () => {
    const events = await collect(streamOf(['data: {"ok":1}\n\n', "data: {not json\n\n", 'data: {"ok":2}\n\n']));
    const parsed = events.map((e) => {
      try {
        return JSON.parse(e.data) as unknown;
      } catch {
        return "malformed";
      }
    });
    expect(parsed).toEqual([{ ok: 1 }, "malformed", { ok: 2 }]);
  });

  it("delivers a last event that lacks its blank line", async () => {
    expect((await collect(streamOf(["data: a\n\ndata: tail"]))).map((e) => e.data)).toEqual(["a", "tail"]);
    expect((await collect(streamOf(["data: a\n\ndata: tail\r"]))).map((e) => e.data)).toEqual(["a", "tail"]);
  });

  it("drops a leading byte-order mark", async () => {
    expect((await collect(streamOf(["\uFEFFdata: a\n\n"]))).map((e) => e.data)).toEqual(["a"]);
  });

  it("cancels the body when the consumer stops early", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("data: 1\n\ndata: 2\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const ev of readSse(body)) {
      expect(ev.data).toBe("1");
      break;
    }
    expect(cancelled).toBe(true);
  });

  it("rethrows a read error from the body", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("data: 1\n\n"));
        controller.error(new Error("socket hang up"));
      },
    });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const ev of readSse(body)) seen.push(ev.data);
      })(),
    ).rejects.toThrow("socket hang up");
    expect(seen.length).toBeLessThanOrEqual(1);
  });
});
