import { describe, expect, it } from "vitest";
import { SF_DEFAULT_MAX_TOKENS } from "@/lib/simulator/siliconflow-chat";
import { ask, GLM, rawStream, SF, sim } from "./simulator-chat-harness";

// What the simulated providers refuse or cap, as the real ones do today (upstream-contract.md, late
// 2026): parameters a model does not take, prompts over the window, no max_tokens, GLM-4V's roles.

async function post(base: string, body: Record<string, unknown>) {
  const res = await fetch(`${sim.url}${base}/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer k", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("SiliconFlow limits", () => {
  it("refuses enable_thinking on a model the API reference does not list, with the real body", async () => {
    for (const model of [
      "deepseek-ai/DeepSeek-V3.1",
      "zai-org/GLM-4.5",
      "deepseek-ai/DeepSeek-R1",
      "Qwen/Qwen2.5-7B-Instruct",
    ]) {
      const { status, json } = await post(SF, { model, messages: ask("hi"), enable_thinking: false });
      expect(status, model).toBe(400);
      expect(json).toEqual({
        code: 20015,
        message: "Value error, current model does not support parameter `enable_thinking`.",
        data: null,
      });
    }
    // The listed hybrids take it.
    for (const model of ["deepseek-ai/DeepSeek-V3.1-Terminus", "Qwen/Qwen3-8B", "zai-org/GLM-4.5V"]) {
      expect((await post(SF, { model, messages: ask("hi"), enable_thinking: false })).status, model).toBe(200);
    }
  });

  it("refuses a prompt over the model's window with 20015 and the prompt and window sizes", async () => {
    // deepseek-vl2 has a 4K window; one simulated token per CJK character.
    const { status, json } = await post(SF, { model: "deepseek-ai/deepseek-vl2", messages: ask("长".repeat(5000)) });
    expect(status).toBe(400);
    expect(json.code).toBe(20015);
    expect(json.message).toMatch(/^length of prompt_tokens \(\d+\) must be less than max_seq_len \(4096\)\.$/);
    expect((await post(SF, { model: "deepseek-ai/deepseek-vl2", messages: ask("短".repeat(3000)) })).status).toBe(200);
  });

  it("applies a small default output cap when max_tokens is absent", async () => {
    const long = "[[long:8]] write";
    const capped = await rawStream(SF, { model: "deepseek-ai/DeepSeek-V3", messages: ask(long) });
    const last = capped.chunks.at(-1);
    expect(last?.choices[0]?.finish_reason).toBe("length");
    expect(last?.usage?.completion_tokens).toBeLessThanOrEqual(SF_DEFAULT_MAX_TOKENS);
    const sent = await rawStream(SF, { model: "deepseek-ai/DeepSeek-V3", messages: ask(long), max_tokens: 4096 });
    expect(sent.chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
  });
});

describe("GLM limits", () => {
  it("answers a prompt over the window with code 1261", async () => {
    const { status, json } = await post(GLM, {
      model: "glm-4v-plus",
      messages: [{ role: "user", content: [{ type: "text", text: "长".repeat(17000) }] }],
    });
    expect(status).toBe(400);
    expect((json.error as { code: string }).code).toBe("1261");
  });

  it("takes only user and assistant turns with list content on GLM-4V models (seed 000)", async () => {
    const system = await post(GLM, {
      model: "glm-4v-flash",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: [{ type: "text", text: "hi" }] },
      ],
    });
    expect(system.status).toBe(400);
    expect((system.json.error as { code: string }).code).toBe("1214");
    const text = await post(GLM, { model: "glm-4v-flash", messages: ask("hi") });
    expect(text.status).toBe(400);
    const ok = await post(GLM, {
      model: "glm-4v-flash",
      messages: [{ role: "user", content: [{ type: "text", text: "hi" }] }],
    });
    expect(ok.status).toBe(200);
    // Newer vision models take a system prompt.
    expect(
      (await post(GLM, { model: "glm-4.6v-flash", messages: [{ role: "system", content: "x" }, ...ask("hi")] })).status,
    ).toBe(200);
  });

  it("switches thinking with thinking.type where the model has a switch, and always thinks on z1", async () => {
    const reasoning = async (model: string, thinking?: unknown) => {
      const { chunks } = await rawStream(GLM, { model, messages: ask("hi"), ...(thinking ? { thinking } : {}) });
      return chunks.some((c) => c.choices[0]?.delta.reasoning_content);
    };
    expect(await reasoning("glm-4.7")).toBe(true);
    expect(await reasoning("glm-4.7", { type: "disabled" })).toBe(false);
    expect(await reasoning("glm-z1-flash", { type: "disabled" })).toBe(true);
    expect(await reasoning("glm-4-flash", { type: "enabled" })).toBe(false);
  });
});
