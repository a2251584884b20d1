import { describe, expect, it } from "vitest";
import { ask, type Delta, GLM, glm, rawStream, sim } from "./simulator-chat-harness";

describe("GLM chat", () => {
  it("answers through the openai client, streamed and not", async () => {
    const res = await glm.chat.completions.create({ model: "glm-4-flash", messages: ask("Hello GLM") });
    expect(res.choices[0]?.message.content).toContain("Hello GLM");
    expect(res.usage?.total_tokens).toBeGreaterThan(0);

    let content = "";
    let reasoning = "";
    for await (const chunk of await glm.chat.completions.create({
      model: "glm-4.5",
      messages: ask("Hi"),
      stream: true,
    })) {
      const delta = chunk.choices[0]?.delta as Delta | undefined;
      if (delta?.reasoning_content) {
        expect(content).toBe("");
        reasoning += delta.reasoning_content;
      }
      content += delta?.content ?? "";
    }
    expect(reasoning).not.toBe("");
    expect(content).toContain("Hi");
  });

  it("puts the usage on the finishing chunk (no choices: [] chunk), then [DONE]", async () => {
    const { lines, chunks } = await rawStream(GLM, { model: "glm-z1-flash", messages: ask("Hi") });
    expect(lines.at(-1)).toBe("data: [DONE]");
    const finishing = chunks.at(-1);
    expect(finishing?.choices[0]?.finish_reason).toBe("stop");
    expect(finishing?.usage?.total_tokens).toBeGreaterThan(0);
    // Newer models report reasoning and cached tokens (upstream-contract.md, late 2026).
    const usage = finishing?.usage as { completion_tokens_details?: { reasoning_tokens?: number } } | undefined;
    expect(usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
    expect(chunks.some((c) => c.choices.length === 0)).toBe(false);
    expect(chunks.slice(0, -1).every((c) => c.usage === undefined)).toBe(true);
    for (const chunk of chunks) expect(chunk.choices[0]?.delta.role).toBe("assistant");
    // GLM deltas carry only the field in use.
    expect(chunks.some((c) => c.choices[0]?.delta.reasoning_content && !("content" in c.choices[0].delta))).toBe(true);
  });

  it("skips reasoning when thinking is disabled and sends a whole tool call at once", async () => {
    const { chunks } = await rawStream(GLM, { model: "glm-4.5", messages: ask("Hi"), thinking: { type: "disabled" } });
    expect(chunks.some((c) => c.choices[0]?.delta.reasoning_content)).toBe(false);

    const stream = await glm.chat.completions.create({
      model: "glm-4-flash",
      messages: ask("search please"),
      tools: [
        {
          type: "function",
          function: { name: "search", parameters: { type: "object", properties: { q: { type: "string" } } } },
        },
      ],
      stream: true,
    });
    const calls = [];
    for await (const chunk of stream) calls.push(...(chunk.choices[0]?.delta.tool_calls ?? []));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.id).toMatch(/^call_/);
    expect(JSON.parse(calls[0]?.function?.arguments ?? "")).toEqual({ q: "example" });
  });

  it("answers errors in GLM's form: unknown model, bad temperature, base64 on glm-4v-flash", async () => {
    const post = async (body: unknown) => {
      const res = await fetch(`${sim.url}${GLM}/chat/completions`, {
        method: "POST",
        headers: { authorization: "Bearer k", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
    };
    expect(await post({ model: "glm-99", messages: ask("x") })).toEqual({
      status: 400,
      body: { error: { code: "1211", message: "模型不存在，请检查模型代码。" } },
    });
    expect((await post({ model: "glm-4-flash", messages: ask("x"), temperature: 1.5 })).body.error?.code).toBe("1214");
    const vision = (url: string) => [
      {
        role: "user",
        content: [
          { type: "image_url", image_url: { url } },
          { type: "text", text: "What is this?" },
        ],
      },
    ];
    const base64 = await post({ model: "glm-4v-flash", messages: vision("data:image/png;base64,iVBORw0KGgo=") });
    expect(base64.status).toBe(400);
    expect(base64.body.error?.code).toBe("1214");
    // Links are fetched like GLM does: simulator-glm-image-fetch.test.ts.
    expect((await post({ model: "glm-4.5v", messages: vision("data:image/png;base64,iVBORw0KGgo=") })).status).toBe(
      200,
    );
  });

  it("lists GLM models", async () => {
    const ids: string[] = [];
    for await (const model of glm.models.list()) ids.push(model.id);
    expect(ids).toEqual(expect.arrayContaining(["glm-4-flash", "glm-4.5", "glm-4v-flash", "cogview-3-flash"]));
  });

  it("reports the earlier turns of a conversation as cached prompt tokens, part of prompt_tokens", async () => {
    type CachedUsage = { prompt_tokens: number; prompt_tokens_details?: { cached_tokens?: number } };
    const first = await glm.chat.completions.create({ model: "glm-4.6", messages: ask("Remember the number 7") });
    const firstUsage = first.usage as unknown as CachedUsage;
    expect(firstUsage.prompt_tokens_details?.cached_tokens).toBe(0);
    const second = await glm.chat.completions.create({
      model: "glm-4.6",
      messages: [
        ...ask("Remember the number 7"),
        { role: "assistant", content: first.choices[0]?.message.content ?? "" },
        ...ask("Which number?"),
      ],
    });
    const usage = second.usage as unknown as CachedUsage;
    const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
    expect(cached).toBeGreaterThanOrEqual(firstUsage.prompt_tokens - 4);
    expect(cached).toBeLessThan(usage.prompt_tokens);
    // Another model has its own cache.
    const other = await glm.chat.completions.create({
      model: "glm-4.7",
      messages: [...ask("Remember the number 7"), { role: "assistant", content: "ok" }, ...ask("Which number?")],
    });
    expect((other.usage as unknown as CachedUsage).prompt_tokens_details?.cached_tokens).toBe(0);
  });
});
