import { describe, expect, it } from "vitest";
import { reasoningBlocks, replySteps, thinkingNow } from "@/lib/chat/client/reasoning";

// A continued reply holds one step per request; its reasoning is shown (and exported) per step.

const step = { type: "step-start" };
const thought = (text: string) => ({ type: "reasoning", text });
const said = (text: string) => ({ type: "text", text });

describe("reply steps", () => {
  it("keeps the reasoning of each request apart instead of joining it mid-sentence", () => {
    const parts = [
      step,
      thought("The user asks why the sky"),
      step,
      thought("The user asks why the sky is blue."),
      said("Because"),
    ];
    expect(reasoningBlocks(parts)).toEqual(["The user asks why the sky", "The user asks why the sky is blue."]);
    expect(replySteps(parts).map((s) => s.text)).toEqual(["", "Because"]);
  });

  it("treats parts before any step-start (older rows) as the first step and skips steps without thinking", () => {
    const parts = [thought("a"), said("A"), step, said("B"), step, thought("c"), said("C")];
    expect(reasoningBlocks(parts)).toEqual(["a", "c"]);
  });

  it("is thinking while the newest step has reasoning and no answer yet, even after earlier answer text", () => {
    expect(thinkingNow([step, thought("a"), said("Ans"), step, thought("again")])).toBe(true);
    expect(thinkingNow([step, thought("a"), said("Ans"), step, thought("again"), said("more")])).toBe(false);
    expect(thinkingNow([step, thought("a"), said("Ans"), step])).toBe(false);
    expect(thinkingNow([])).toBe(false);
  });
});
