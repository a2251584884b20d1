import { describe, expect, it } from "vitest";
import { appErrorFromStream, GUARD_ERROR_TYPE, guardSseBody } from "@/lib/chat/server/stream-guard";
import { AppError } from "@/lib/errors";

// The guard between the upstream body and the SDK's SSE parser, fed by hand-made streams.

const enc = new TextEncoder();

function source(pieces: (string | Error)[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[i++];
      if (piece === undefined) controller.close();
      else if (piece instanceof Error) controller.error(piece);
      else controller.enqueue(enc.encode(piece));
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<{ chunks: Uint8Array[]; text: string }> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return { chunks, text: new TextDecoder().decode(Buffer.concat(chunks)) };
}

const event = (obj: unknown) => `data: ${JSON.stringify(obj)}\n\n`;
const delta = (content: string) => event({ choices: [{ index: 0, delta: { content } }] });

function guardEvents(text: string) {
  return text
    .split("\n")
    .filter((l) => l.startsWith("data: {") && l.includes(GUARD_ERROR_TYPE))
    .map((l) => JSON.parse(l.slice(6)) as { error: { code: string; param: { code: string } } });
}

describe("guardSseBody", () => {
  it("passes clean, line-aligned chunks through as the same bytes", async () => {
    const original = enc.encode(delta("Hi") + delta(" there"));
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(original);
        c.enqueue(enc.encode("data: [DONE]\n\n"));
        c.close();
      },
    });
    const { chunks, text } = await collect(guardSseBody("siliconflow", stream));
    expect(chunks[0]).toBe(original);
    expect(text).toBe(`${delta("Hi")}${delta(" there")}data: [DONE]\n\n`);
  });

  it("holds back only an incomplete line, whatever the chunk boundaries", async () => {
    const whole = `${delta("一二三")}${delta("four")}data: [DONE]\n\n`;
    const bytes = enc.encode(whole);
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 7) pieces.push(bytes.subarray(i, i + 7));
    let i = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        const p = pieces[i++];
        if (p) c.enqueue(p);
        else c.close();
      },
    });
    const { text } = await collect(guardSseBody("siliconflow", stream));
    expect(text).toBe(whole);
  });

  it("drops a malformed data line and keeps the rest", async () => {
    const { text } = await collect(
      guardSseBody("siliconflow", source([delta("a"), "data: {not json\n\n", delta("b")])),
    );
    expect(text).toBe(`${delta("a")}\n${delta("b")}`);
  });

  it.each([
    [
      "glm",
      { error: { code: "1301", message: "系统检测到输入或生成内容可能包含不安全或敏感内容" } },
      "content_blocked",
    ],
    [
      "siliconflow",
      { code: 50505, message: "Model service overloaded. Please try again later.", data: "" },
      "overloaded",
    ],
  ] as const)("turns a %s error event into one typed event and stops", async (provider, payload, code) => {
    const { text } = await collect(guardSseBody(provider, source([delta("a") + event(payload), delta("never")])));
    expect(text.startsWith(delta("a"))).toBe(true);
    expect(text).not.toContain("never");
    const events = guardEvents(text);
    expect(events).toHaveLength(1);
    expect(events[0]?.error.param.code).toBe(code);
  });

  it("ends a cut stream with a stream_interrupted event after what arrived", async () => {
    const cut = new AppError("stream_interrupted", { detail: "closed" });
    const { text } = await collect(guardSseBody("siliconflow", source([delta("a"), 'data: {"choi', cut])));
    expect(text.startsWith(delta("a"))).toBe(true);
    expect(guardEvents(text)[0]?.error.param.code).toBe("stream_interrupted");
  });

  it("lets an abort through as an error, as the SDK expects", async () => {
    const abort = new DOMException("The operation was aborted.", "AbortError");
    await expect(collect(guardSseBody("glm", source([delta("a"), abort])))).rejects.toBe(abort);
  });

  it("checks a last line that has no line end", async () => {
    const { text } = await collect(
      guardSseBody("glm", source([`data: ${JSON.stringify({ error: { code: "1302", message: "并发" } })}`])),
    );
    expect(guardEvents(text)[0]?.error.param.code).toBe("concurrency_limited");
  });
});

describe("appErrorFromStream", () => {
  it("finds the AppError in the guard's event, an SDK wrapper or a cause chain", () => {
    const json = new AppError("overloaded", { provider: "glm" }).toJSON();
    expect(appErrorFromStream("glm", { type: GUARD_ERROR_TYPE, param: json, message: "x" }).code).toBe("overloaded");
    expect(appErrorFromStream("glm", { data: { type: GUARD_ERROR_TYPE, param: json }, message: "x" }).code).toBe(
      "overloaded",
    );
    const wrapped = new Error("Failed to process successful response", { cause: new AppError("timeout") });
    expect(appErrorFromStream("glm", wrapped).code).toBe("timeout");
    expect(appErrorFromStream("glm", { data: { code: "1303", message: "频率过高" } }).code).toBe("rate_limited");
    expect(appErrorFromStream("glm", new Error("boom")).code).toBe("internal");
  });
});
