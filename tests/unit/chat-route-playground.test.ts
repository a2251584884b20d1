import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  chatBody,
  errorOf,
  GLM_PLAIN,
  type Harness,
  metadataOf,
  readChunks,
  resetSim,
  SF_HYBRID,
  SF_PLAIN,
  SF_REASONING,
  startHarness,
  textOf,
  userText,
} from "./chat-harness";

// Function calling, JSON mode and prefix completion through /api/chat, against the simulator over
// real HTTP: what the provider receives and what streams back to useChat.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await resetSim(h);
});

type Body = Record<string, unknown> & { messages: Record<string, unknown>[] };
const lastUpstream = async (): Promise<Body> => (await h.log()).at(-1)?.body as Body;

const weather = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Weather for a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
} as const;
const time = {
  type: "function",
  function: { name: "get_current_time", description: "Now", parameters: { type: "object", properties: {} } },
} as const;

type ToolChunk = { type: string; toolCallId?: string; toolName?: string; input?: unknown; inputTextDelta?: string };

describe("function calling", () => {
  it("sends tools and tool_choice, and streams parallel calls with their ids kept", async () => {
    const res = await h.post(
      chatBody(SF_PLAIN, [userText('Both [[call:get_weather {"city":"Paris"}]] [[call:get_current_time {}]]')], {
        tools: { definitions: [weather, time], choice: "required" },
      }),
    );
    expect(res.status).toBe(200);
    const chunks = (await readChunks(res)) as ToolChunk[];
    const upstream = await lastUpstream();
    expect(upstream.tools).toEqual([
      expect.objectContaining({ type: "function", function: expect.objectContaining({ name: "get_weather" }) }),
      expect.objectContaining({ type: "function", function: expect.objectContaining({ name: "get_current_time" }) }),
    ]);
    expect(upstream.tool_choice).toBe("required");
    const available = chunks.filter((c) => c.type === "tool-input-available");
    expect(available.map((c) => [c.toolName, c.input])).toEqual([
      ["get_weather", { city: "Paris" }],
      ["get_current_time", {}],
    ]);
    // Later deltas carry `id: null`: each call keeps the id of its first delta.
    const ids = available.map((c) => c.toolCallId);
    expect(ids.every((id) => typeof id === "string" && id.startsWith("call_"))).toBe(true);
    expect(new Set(ids).size).toBe(2);
    expect(chunks.filter((c) => c.type === "tool-input-delta").length).toBeGreaterThan(2);
    expect(metadataOf(chunks as never).finishReason).toBe("tool_calls");
  });

  it("sends a named tool_choice as OpenAI's function object", async () => {
    await readChunks(
      await h.post(
        chatBody(SF_PLAIN, [userText("anything")], {
          tools: { definitions: [weather, time], choice: { type: "function", function: { name: "get_current_time" } } },
        }),
      ),
    );
    expect((await lastUpstream()).tool_choice).toEqual({ type: "function", function: { name: "get_current_time" } });
  });

  it("sends answered calls back as tool_calls and tool messages with matching ids", async () => {
    const assistant = {
      id: "a1",
      role: "assistant",
      parts: [
        { type: "step-start" },
        {
          type: "dynamic-tool",
          toolCallId: "call_abc",
          toolName: "get_weather",
          state: "output-available",
          input: { city: "Paris" },
          output: { temperature: 21 },
        },
        {
          type: "dynamic-tool",
          toolCallId: "call_def",
          toolName: "get_current_time",
          state: "output-available",
          input: {},
          output: "12:00",
        },
      ],
    };
    const res = await h.post(
      chatBody(SF_PLAIN, [userText("weather?"), assistant], { tools: { definitions: [weather, time] } }),
    );
    const chunks = await readChunks(res);
    const messages = (await lastUpstream()).messages;
    const call = messages.find((m) => m.role === "assistant") as {
      tool_calls: { id: string; function: { name: string; arguments: string } }[];
    };
    expect(call.tool_calls.map((c) => [c.id, c.function.name, JSON.parse(c.function.arguments)])).toEqual([
      ["call_abc", "get_weather", { city: "Paris" }],
      ["call_def", "get_current_time", {}],
    ]);
    const tools = messages.filter((m) => m.role === "tool");
    expect(tools.map((m) => [m.tool_call_id, m.content])).toEqual([
      ["call_abc", JSON.stringify({ temperature: 21 })],
      ["call_def", "12:00"],
    ]);
    expect(textOf(chunks)).toContain("get_weather");
    expect(textOf(chunks)).toContain("12:00");
  });

  it("leaves out a call that never got a result", async () => {
    const assistant = {
      id: "a1",
      role: "assistant",
      parts: [
        { type: "dynamic-tool", toolCallId: "call_x", toolName: "get_weather", state: "input-available", input: {} },
      ],
    };
    const res = await h.post(chatBody(SF_PLAIN, [userText("q"), assistant, userText("never mind", "u2")]));
    expect(res.status).toBe(200);
    await readChunks(res);
    const messages = (await lastUpstream()).messages;
    expect(messages.some((m) => m.role === "tool" || "tool_calls" in m)).toBe(false);
  });

  it("refuses tools on a model without function calling before anything is sent", async () => {
    const res = await h.post(
      chatBody({ provider: "siliconflow", id: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B" }, [userText("q")], {
        tools: { definitions: [weather] },
      }),
    );
    expect(res.status).toBe(400);
    expect(await h.log()).toHaveLength(0);
  });

  it("refuses definitions whose parameters are not an object schema", async () => {
    const bad = { type: "function", function: { name: "f", parameters: { type: "string" } } };
    const res = await h.post(chatBody(SF_PLAIN, [userText("q")], { tools: { definitions: [bad] } }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { detail?: string } };
    expect(body.error.detail).toContain("tools.definitions.0.function.parameters");
  });

  it("switches thinking off on DeepSeek-V3.1-Terminus while tools are on, with a note", async () => {
    const model = { provider: "siliconflow", id: "deepseek-ai/DeepSeek-V3.1-Terminus" };
    const chunks = await readChunks(
      await h.post(chatBody(model, [userText("weather")], { tools: { definitions: [weather] } })),
    );
    expect(errorOf(chunks)).toBeUndefined();
    expect((await lastUpstream()).enable_thinking).toBe(false);
    expect(metadataOf(chunks).notes?.map((n) => n.code)).toEqual(["thinking_off_for_tools"]);
  });

  it("GLM: tools with tool_choice auto, and none leaves the tools out", async () => {
    await readChunks(await h.post(chatBody(GLM_PLAIN, [userText("weather")], { tools: { definitions: [weather] } })));
    const sent = await lastUpstream();
    expect(sent.tools).toHaveLength(1);
    expect(sent.tool_choice).toBe("auto");
    await readChunks(
      await h.post(chatBody(GLM_PLAIN, [userText("weather")], { tools: { definitions: [weather], choice: "none" } })),
    );
    expect((await lastUpstream()).tools).toBeUndefined();
    const refused = await h.post(
      chatBody(GLM_PLAIN, [userText("weather")], { tools: { definitions: [weather], choice: "required" } }),
    );
    expect(refused.status).toBe(400);
  });

  it("a 60000 error line mid-stream ends the reply as interrupted and keeps the text", async () => {
    const chunks = await readChunks(await h.post(chatBody(SF_PLAIN, [userText("Tell me a story [[error:60000]]")])));
    expect(textOf(chunks).length).toBeGreaterThan(0);
    expect(errorOf(chunks)?.code).toBe("stream_interrupted");
  });
});

describe("JSON mode", () => {
  const schema = {
    type: "object",
    properties: { name: { type: "string" }, age: { type: "integer" } },
    required: ["name", "age"],
  };

  it("sends response_format json_object with the schema in the system prompt; the reply conforms", async () => {
    const chunks = await readChunks(await h.post(chatBody(SF_PLAIN, [userText("a person")], { jsonMode: { schema } })));
    const sent = await lastUpstream();
    expect(sent.response_format).toEqual({ type: "json_object" });
    const system = sent.messages.find((m) => m.role === "system")?.content as string;
    expect(system).toContain('"required"');
    const reply = JSON.parse(textOf(chunks)) as Record<string, unknown>;
    expect(Object.keys(reply).sort()).toEqual(["age", "name"]);
    expect(metadataOf(chunks).responseFormat).toBe("json");
  });

  it("refuses JSON mode on a model without it", async () => {
    const res = await h.post(chatBody(SF_REASONING, [userText("q")], { jsonMode: {} }));
    expect(res.status).toBe(400);
  });
});

describe("prefix completion", () => {
  it("sends `prefix` and streams the prefix followed by the continuation", async () => {
    const prefix = "The three laws are";
    const chunks = await readChunks(await h.post(chatBody(SF_PLAIN, [userText("laws?")], { prefix })));
    expect((await lastUpstream()).prefix).toBe(prefix);
    const text = textOf(chunks);
    expect(text.startsWith(prefix)).toBe(true);
    expect(text.slice(prefix.length)).toContain(`${prefix.length}-character prefix`);
    expect(metadataOf(chunks).prefixLength).toBe(prefix.length);
  });

  it("switches thinking off for Qwen3 and refuses reasoning-only models", async () => {
    const chunks = await readChunks(await h.post(chatBody(SF_HYBRID, [userText("q")], { prefix: "Well," })));
    expect((await lastUpstream()).enable_thinking).toBe(false);
    expect(metadataOf(chunks).notes?.map((n) => n.code)).toEqual(["thinking_off_for_prefix"]);
    const refused = await h.post(chatBody(SF_REASONING, [userText("q")], { prefix: "Well," }));
    expect(refused.status).toBe(400);
  });
});
