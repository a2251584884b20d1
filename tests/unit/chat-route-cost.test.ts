import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BILLING_RULES, chatCost } from "@/lib/cost/chat-cost";
import { resolvePrice } from "@/lib/cost/resolve";
import { speedFromMetadata } from "@/lib/cost/speed";
import type { AppErrorJSON } from "@/lib/errors";
import {
  chatBody,
  errorOf,
  GLM_HYBRID,
  type Harness,
  metadataOf,
  parseSse,
  readChunks,
  resetSim,
  SF_PLAIN,
  SF_REASONING,
  startHarness,
  textOf,
  userText,
} from "./chat-harness";

// What cost and speed need from the chat route's metadata, end to end against the simulator: cached
// prompt tokens from GLM's usage, reasoning inside the output, and the server's speed figures.

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

const assistant = (text: string, id: string) => ({ id, role: "assistant" as const, parts: [{ type: "text", text }] });

describe("usage and speed for cost", () => {
  it("carries GLM's cached prompt tokens on the second turn, and the cost bills them at the cache price", async () => {
    const first = await readChunks(await h.post(chatBody(GLM_HYBRID, [userText("Tell me about caching.")])));
    const firstMeta = metadataOf(first);
    expect(firstMeta.usage?.cached).toBeUndefined();

    const second = metadataOf(
      await readChunks(
        await h.post(
          chatBody(GLM_HYBRID, [
            userText("Tell me about caching."),
            assistant(textOf(first), "a1"),
            userText("And why is it cheaper?", "u2"),
          ]),
        ),
      ),
    );
    const usage = second.usage;
    expect(usage?.cached).toBeGreaterThan(0);
    expect(usage?.cached).toBeLessThan(usage?.input ?? 0);

    // The upstream usage the simulator sent is what reached the metadata.
    const log = await h.log();
    expect(log).toHaveLength(2);

    const price = resolvePrice("glm", GLM_HYBRID.id).price;
    const cost = chatCost(price, usage ?? { input: 0, output: 0, reasoning: 0 }, BILLING_RULES.glm);
    const uncached = chatCost(
      price,
      { ...(usage ?? { input: 0, output: 0, reasoning: 0 }), cached: 0 },
      BILLING_RULES.glm,
    );
    expect(cost.billed?.cachedInput).toBe(usage?.cached);
    expect(cost.yuan).toBeGreaterThan(0);
    expect(cost.yuan).toBeLessThan(uncached.yuan ?? 0);
  });

  it("reports reasoning inside the output, which the cost bills once", async () => {
    const meta = metadataOf(await readChunks(await h.post(chatBody(SF_REASONING, [userText("Why is the sky blue?")]))));
    const usage = meta.usage ?? { input: 0, output: 0, reasoning: 0 };
    expect(usage.reasoning).toBeGreaterThan(0);
    expect(usage.output).toBeGreaterThan(usage.reasoning);
    const cost = chatCost(resolvePrice("siliconflow", SF_REASONING.id).price, usage, BILLING_RULES.siliconflow);
    expect(cost.yuan).toBeCloseTo((usage.input * 4 + usage.output * 16) / 1e6, 12);
  });

  it("sends the time to the first token and the total time, which give tokens per second", async () => {
    await h.control("/config", "POST", { chatChunkDelayMs: 15 });
    const meta = metadataOf(await readChunks(await h.post(chatBody(SF_PLAIN, [userText("Count to twenty please")]))));
    expect(meta.firstTokenMs).toBeGreaterThanOrEqual(0);
    expect(meta.durationMs).toBeGreaterThan(meta.firstTokenMs ?? 0);
    const speed = speedFromMetadata(meta);
    expect(speed?.ttftMs).toBe(meta.firstTokenMs);
    expect(speed?.tokensPerSecond).toBeGreaterThan(0);
  });

  it("a simulator fault for one model leaves a request for another model alone (a compare column's 429)", async () => {
    await h.control("/faults", "POST", { fault: "rate-limit", model: SF_REASONING.id, times: 5 });
    const [failed, fine] = await Promise.all([
      h.post(chatBody(SF_REASONING, [userText("Same prompt")])),
      h.post(chatBody(SF_PLAIN, [userText("Same prompt")])),
    ]);
    // Refused before the first byte: an HTTP error with the typed error, or an error part in the stream.
    const body = await failed.text();
    const error = failed.ok ? errorOf(parseSse(body)) : (JSON.parse(body) as { error: AppErrorJSON }).error;
    expect(error?.code).toBe("rate_limited");
    expect(error?.provider).toBe("siliconflow");
    const fineChunks = await readChunks(fine);
    expect(textOf(fineChunks)).toContain("Same prompt");
    const models = (await h.log()).map((e) => (e.body as { model: string }).model);
    expect(models).toContain(SF_PLAIN.id);
    expect(models.filter((m) => m === SF_REASONING.id).length).toBeGreaterThanOrEqual(1);
  });
});
