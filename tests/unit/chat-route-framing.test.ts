import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SSE_VARIANTS } from "@/lib/simulator/config";
import {
  chatBody,
  errorOf,
  type Harness,
  metadataOf,
  readChunks,
  reasoningOf,
  resetSim,
  SF_PLAIN,
  SF_REASONING,
  startHarness,
  textOf,
  userText,
} from "./chat-harness";

// /api/chat reading every SSE framing variant real SiliconFlow streams carry (keep-alive comments,
// an empty first reasoning delta, finish_reason "" mid-stream, content_filter_results), all at once:
// the reply must be the same as over plain framing.

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

async function reply(model: typeof SF_PLAIN | typeof SF_REASONING, variants: readonly string[]) {
  await h.control("/config", "POST", { sseVariants: variants });
  const res = await h.post(chatBody(model, [userText("Explain SSE framing")]));
  expect(res.status).toBe(200);
  const chunks = await readChunks(res);
  return { chunks, text: textOf(chunks), reasoning: reasoningOf(chunks), meta: metadataOf(chunks) };
}

describe("POST /api/chat over every SSE framing variant", () => {
  it.each([SF_PLAIN, SF_REASONING])("streams %o the same as over plain framing", async (model) => {
    const plain = await reply(model, []);
    const framed = await reply(model, SSE_VARIANTS);
    expect(errorOf(framed.chunks)).toBeUndefined();
    expect(framed.text).toBe(plain.text);
    expect(framed.text).toContain("Explain SSE framing");
    expect(framed.reasoning).toBe(plain.reasoning);
    expect(framed.meta.finishReason).toBe("stop");
    expect(framed.meta.usage?.output).toBe(plain.meta.usage?.output);
  });
});
