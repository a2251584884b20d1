import { expect, test } from "./support/fixtures";

// Whatever server runs the suite (next start, or the standalone server.js started with plain
// node), a streamed reply must reach the client chunk by chunk, not buffered to the end.
test("a streamed chat reply arrives incrementally", async ({ baseURL, sim }) => {
  await sim.configure({ chatChunkDelayMs: 20 });
  const res = await fetch(`${baseURL}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      id: "deploy-stream-check",
      messages: [{ id: "u1", role: "user", parts: [{ type: "text", text: "Stream a few paragraphs [[long:3]]" }] }],
      model: { provider: "siliconflow", id: "Qwen/Qwen2.5-7B-Instruct" },
    }),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("x-accel-buffering")).toBe("no");
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const arrivals: number[] = [];
  let text = "";
  const start = performance.now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = decoder.decode(value, { stream: true });
    if (chunk.includes("text-delta")) arrivals.push(performance.now() - start);
    text += chunk;
  }
  expect(text).toContain('"type":"finish"');
  // Many separate reads, and the first text arrives in the first half of the stream.
  expect(arrivals.length).toBeGreaterThan(10);
  const first = arrivals[0] ?? 0;
  const last = arrivals[arrivals.length - 1] ?? 0;
  expect(first).toBeLessThan(last / 2);
});
