import { describe, expect, it } from "vitest";
import { CONTINUE_INSTRUCTION } from "@/lib/chat/server/messages";
import { remainderAfter } from "@/lib/simulator/continuation";
import { ask, glm, sf } from "./simulator-chat-harness";

// Continue as the app sends it (lib/chat/server/messages.ts): the cut reply, then a user turn asking to
// carry on. The simulated model writes the rest of its answer, not an answer to the instruction.

type Reply = { content: string; reasoning_content?: string };

async function full(model: string, question: string): Promise<Reply> {
  const data = await sf.chat.completions.create({ model, messages: ask(question) });
  return data.choices[0]?.message as Reply;
}

async function carryOn(model: string, question: string, partial: string, instruction: string): Promise<Reply> {
  const data = await sf.chat.completions.create({
    model,
    messages: [
      { role: "user", content: question },
      { role: "assistant", content: partial },
      { role: "user", content: instruction },
    ],
  });
  return data.choices[0]?.message as Reply;
}

describe("simulated Continue", () => {
  it("writes the rest of the cut answer, with short thinking of its own that repeats nothing", async () => {
    const model = "deepseek-ai/DeepSeek-R1";
    const question = "Why is the sky blue?";
    const whole = await full(model, question);
    const cut = whole.content.slice(0, 57);
    const rest = await carryOn(model, question, cut, CONTINUE_INSTRUCTION.en);

    expect(cut + rest.content).toBe(whole.content);
    expect(rest.content).not.toContain("cut off");
    expect(rest.reasoning_content).toContain(cut.slice(-20).replace(/\s+/g, " ").trim());
    // Not the first request's chain of thought over again.
    expect(rest.reasoning_content).not.toContain(whole.reasoning_content?.slice(0, 40));
    expect(rest.reasoning_content?.length).toBeLessThan((whole.reasoning_content?.length ?? 0) / 2);
  });

  it("carries on a Chinese reply from the Chinese instruction, on GLM too", async () => {
    const question = "天空为什么是蓝色的？";
    const data = await glm.chat.completions.create({ model: "glm-4-flash", messages: ask(question) });
    const whole = (data.choices[0]?.message as Reply | undefined)?.content ?? "";
    const cut = [...whole].slice(0, 30).join("");
    const next = await glm.chat.completions.create({
      model: "glm-4-flash",
      messages: [
        { role: "user", content: question },
        { role: "assistant", content: cut },
        { role: "user", content: CONTINUE_INSTRUCTION.zh },
      ],
    });
    expect(cut + ((next.choices[0]?.message as Reply | undefined)?.content ?? "")).toBe(whole);
  });

  it("answers an ordinary follow-up that merely says continue as a new question", async () => {
    const rest = await carryOn("Qwen/Qwen2.5-7B-Instruct", "Tell me a story.", "Once upon a time", "Continue please");
    expect(rest.content).toContain("Continue please");
  });

  it("ends a cut reply that is not its own answer with one closing sentence", () => {
    expect(remainderAfter("Alpha beta gamma delta epsilon zeta", "Alpha beta gamma d")).toBe("elta epsilon zeta");
    expect(remainderAfter("Alpha beta gamma delta epsilon zeta", "Edited: beta gamma delta")).toBe(" epsilon zeta");
    expect(remainderAfter("Alpha", "Something else entirely")).toBe("\n\nThat completes the answer.");
  });
});
