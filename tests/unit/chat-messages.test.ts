import { describe, expect, it } from "vitest";
import { chatErrorFrom } from "@/lib/chat/errors";
import { CONTINUE_INSTRUCTION, checkAttachments, prepareThread } from "@/lib/chat/messages";
import { createMetadataTracker } from "@/lib/chat/metadata";
import type { ChatMessage } from "@/lib/chat/types";
import { AppError } from "@/lib/errors";
import { describeModel } from "@/lib/providers/catalog";

const user = (text: string, id = "u1"): ChatMessage => ({ id, role: "user", parts: [{ type: "text", text }] });
const assistant = (parts: ChatMessage["parts"], id = "a1", metadata?: ChatMessage["metadata"]): ChatMessage => ({
  id,
  role: "assistant",
  parts,
  metadata,
});

describe("prepareThread", () => {
  it("keeps user text and images, assistant text; drops reasoning, tools and empty messages", () => {
    const image = { type: "file" as const, mediaType: "image/png", url: "data:image/png;base64,AAAA" };
    const { messages } = prepareThread([
      { id: "u1", role: "user", parts: [{ type: "text", text: "q" }, image] },
      assistant([{ type: "step-start" }, { type: "reasoning", text: "thinking" }, { type: "text", text: "answer" }]),
      assistant([{ type: "reasoning", text: "only thoughts" }], "a2"),
      user("next", "u2"),
    ]);
    expect(messages).toEqual([
      { id: "u1", role: "user", parts: [{ type: "text", text: "q" }, image] },
      { id: "a1", role: "assistant", parts: [{ type: "text", text: "answer" }] },
      { id: "u2", role: "user", parts: [{ type: "text", text: "next" }] },
    ]);
  });

  it("continues a cut reply with an instruction in the reply's language", () => {
    const en = prepareThread([user("q"), assistant([{ type: "text", text: "Once upon a" }])], { continue: true });
    expect(en.partial).toBe("Once upon a");
    expect(en.messages.at(-2)).toEqual({ id: "a1", role: "assistant", parts: [{ type: "text", text: "Once upon a" }] });
    expect(en.messages.at(-1)).toMatchObject({ role: "user", parts: [{ text: CONTINUE_INSTRUCTION.en }] });
    const zh = prepareThread([user("q"), assistant([{ type: "text", text: "从前" }])], { continue: true });
    expect(zh.messages.at(-1)).toMatchObject({ role: "user", parts: [{ text: CONTINUE_INSTRUCTION.zh }] });
  });

  it("answers afresh when the cut reply has no text yet", () => {
    const out = prepareThread([user("q"), assistant([{ type: "reasoning", text: "hmm" }])], { continue: true });
    expect(out.partial).toBeUndefined();
    expect(out.messages.map((m) => m.role)).toEqual(["user"]);
  });

  it("refuses Continue without an assistant reply at the end", () => {
    expect(() => prepareThread([user("q")], { continue: true })).toThrow(AppError);
  });
});

describe("checkAttachments", () => {
  const withImage = (url: string): ChatMessage => ({
    id: "u1",
    role: "user",
    parts: [{ type: "file", mediaType: "image/jpeg", url }],
  });

  it("accepts images for vision models and refuses them elsewhere", () => {
    expect(() =>
      checkAttachments(describeModel("glm", "glm-4v-plus"), [withImage("data:image/jpeg;base64,AA")]),
    ).not.toThrow();
    expect(() =>
      checkAttachments(describeModel("glm", "glm-4-flash"), [withImage("data:image/jpeg;base64,AA")]),
    ).toThrow(/cannot read images/);
  });

  it("refuses inline images for GLM-4V-Flash but takes links", () => {
    const flash = describeModel("glm", "glm-4v-flash");
    expect(() => checkAttachments(flash, [withImage("data:image/jpeg;base64,AA")])).toThrow(AppError);
    expect(() => checkAttachments(flash, [withImage("https://example.com/a.jpg")])).not.toThrow();
  });

  it("takes inline images for GLM-4V-Flash when the server publishes them as links", () => {
    const flash = describeModel("glm", "glm-4v-flash");
    const inline = [withImage("data:image/jpeg;base64,AA")];
    expect(() => checkAttachments(flash, inline, { publishesImages: true })).not.toThrow();
    expect(() => checkAttachments(flash, inline, { publishesImages: false })).toThrow(/PUBLIC_BASE_URL/);
  });
});

describe("createMetadataTracker", () => {
  it("reports usage, the raw finish reason and the thinking time", () => {
    let t = 1000;
    const tracker = createMetadataTracker({ model: { provider: "glm", id: "glm-4.5" }, now: () => t });
    expect(tracker.metadata({ part: { type: "start" } })).toEqual({
      model: { provider: "glm", id: "glm-4.5" },
      createdAt: 1000,
    });
    tracker.observe("reasoning-delta");
    t = 1750;
    tracker.observe("text-delta");
    tracker.observe("reasoning-delta");
    const finish = tracker.metadata({
      part: {
        type: "finish",
        finishReason: "other",
        rawFinishReason: "sensitive",
        totalUsage: {
          inputTokens: 3,
          inputTokenDetails: { noCacheTokens: 3, cacheReadTokens: 0, cacheWriteTokens: undefined },
          outputTokens: 9,
          outputTokenDetails: { textTokens: 5, reasoningTokens: 4 },
          totalTokens: 12,
        },
      },
    });
    expect(finish).toEqual({
      usage: { input: 3, output: 9, reasoning: 4 },
      finishReason: "sensitive",
      reasoningMs: 750,
      // The server's own timing of the reply (issue 21): the first token came at once, the end 750 ms later.
      firstTokenMs: 0,
      durationMs: 750,
    });
  });
});

describe("chatErrorFrom", () => {
  it("rebuilds the AppError from an error chunk's text or a refused request's body", () => {
    const json = new AppError("rate_limited", { provider: "siliconflow" }).toJSON();
    expect(chatErrorFrom(new Error(JSON.stringify(json))).code).toBe("rate_limited");
    expect(chatErrorFrom(new Error(JSON.stringify({ error: json }))).code).toBe("rate_limited");
    expect(chatErrorFrom(new TypeError("Failed to fetch")).code).toBe("network");
    expect(chatErrorFrom(new Error("An error occurred.")).code).toBe("internal");
  });
});
