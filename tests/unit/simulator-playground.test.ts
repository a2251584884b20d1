import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSimulator, startSimulator } from "@/lib/simulator";

// The simulator's tool-call streams, prefix and refusals on the wire, as a provider client sees them.

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, config: { chatChunkDelayMs: 1 } });
});
afterAll(() => sim.close());

const post = (body: object) =>
  fetch(`${sim.url}/siliconflow/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sk-test" },
    body: JSON.stringify(body),
  });

type Delta = { tool_calls?: { index: number; id: string | null; function: { name?: string; arguments?: string } }[] };

async function deltas(res: Response): Promise<Delta[]> {
  const text = await res.text();
  return text
    .split("\n")
    .filter((l) => l.startsWith("data: ") && l !== "data: [DONE]")
    .map((l) => (JSON.parse(l.slice(6)) as { choices: { delta: Delta }[] }).choices[0]?.delta ?? {});
}

const tool = (name: string) => ({
  type: "function",
  function: { name, parameters: { type: "object", properties: { q: { type: "string" } } } },
});

describe("simulated SiliconFlow tool calls", () => {
  it("streams parallel calls by index: the id and name once, then id null and name empty", async () => {
    const res = await post({
      model: "Qwen/Qwen2.5-7B-Instruct",
      stream: true,
      tools: [tool("a"), tool("b")],
      messages: [{ role: "user", content: 'x [[call:a {"q":"one"}]] [[call:b {"q":"two"}]]' }],
    });
    const calls = (await deltas(res)).flatMap((d) => d.tool_calls ?? []);
    for (const index of [0, 1]) {
      const mine = calls.filter((c) => c.index === index);
      expect(mine[0]?.id).toMatch(/^call_/);
      expect(mine.slice(1).every((c) => c.id === null && c.function.name === "")).toBe(true);
      expect(JSON.parse(mine.map((c) => c.function.arguments ?? "").join(""))).toEqual({
        q: index === 0 ? "one" : "two",
      });
    }
  });

  it("refuses tool messages that answer no call, and calls left unanswered", async () => {
    const orphan = await post({
      model: "Qwen/Qwen2.5-7B-Instruct",
      messages: [
        { role: "user", content: "q" },
        { role: "tool", tool_call_id: "call_1", content: "r" },
      ],
    });
    expect(orphan.status).toBe(400);
    const open = await post({
      model: "Qwen/Qwen2.5-7B-Instruct",
      tools: [tool("a")],
      messages: [
        { role: "user", content: "q" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "call_1", type: "function", function: { name: "a", arguments: "{}" } }],
        },
        { role: "user", content: "next" },
      ],
    });
    expect(open.status).toBe(400);
  });

  it("takes prefix only where the guide allows it", async () => {
    expect(
      (await post({ model: "Qwen/Qwen2.5-7B-Instruct", prefix: "A", messages: [{ role: "user", content: "q" }] }))
        .status,
    ).toBe(200);
    expect(
      (await post({ model: "deepseek-ai/DeepSeek-R1", prefix: "A", messages: [{ role: "user", content: "q" }] }))
        .status,
    ).toBe(400);
    const qwen3 = { model: "Qwen/Qwen3-8B", prefix: "A", messages: [{ role: "user", content: "q" }] };
    expect((await post(qwen3)).status).toBe(400);
    expect((await post({ ...qwen3, enable_thinking: false })).status).toBe(200);
  });

  it("answers JSON mode on an R1 model with 20024", async () => {
    const res = await post({
      model: "deepseek-ai/DeepSeek-R1",
      response_format: { type: "json_object" },
      messages: [{ role: "user", content: "q" }],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: number }).code).toBe(20024);
  });
});
