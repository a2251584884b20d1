import { describe, expect, it } from "vitest";
import { en } from "../../lib/i18n/messages/chat";
import { zh } from "../../lib/i18n/messages/zh/chat";
import { planReply } from "../../lib/simulator/chat";

// The empty chat's example prompts get realistic answers from the simulator (issue 19), and a
// question that only resembles one of them keeps the generic answer.

const ask = (text: string, opts: { image?: boolean; thinking?: "none" | "field" } = {}) =>
  planReply({
    body: {
      messages: [
        {
          role: "user",
          content: opts.image
            ? [
                { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } },
                { type: "text", text },
              ]
            : text,
        },
      ],
    },
    model: "Qwen/Qwen3-8B",
    thinking: opts.thinking ?? "field",
    chunkDelayMs: 0,
  });

describe("simulator: starter prompts", () => {
  for (const [lang, dict] of [
    ["en", en],
    ["zh", zh],
  ] as const) {
    it(`reasons through the bat-and-ball question (${lang})`, () => {
      const plan = ask(dict["chat.starter.reasoning.prompt"]);
      expect(plan.reasoning).toContain("0.05");
      expect(plan.content).toMatch(/\$\$\n[^$]+x = 0\.05\n\$\$/);
      expect(ask(dict["chat.starter.reasoning.prompt"], { thinking: "none" }).reasoning).toBe("");
    });

    it(`answers the sorting question with a table, math and a code block (${lang})`, () => {
      const { content } = ask(dict["chat.starter.table.prompt"]);
      expect(content).toMatch(/^\|.+\|\n\|---\|---/m);
      expect(content).toContain("$O(n \\log n)$");
      expect(content).toContain("```python\ndef merge_sort");
    });

    it(`describes the bundled picture, and says when there is none (${lang})`, () => {
      const seen = ask(dict["chat.starter.vision.prompt"], { image: true }).content;
      expect(seen).toMatch(lang === "en" ? /red pointed roof/ : /红色尖屋顶/);
      const blind = ask(dict["chat.starter.vision.prompt"]).content;
      expect(blind).not.toBe(seen);
      expect(blind).toMatch(lang === "en" ? /don't see a picture/ : /没有图片/);
    });

    it(`writes a long answer with a section per step (${lang})`, () => {
      const { content } = ask(dict["chat.starter.long.prompt"]);
      expect(content.match(/^## /gm)?.length).toBeGreaterThanOrEqual(8);
      expect(content.length).toBeGreaterThan(lang === "en" ? 2000 : 800);
    });
  }

  it("leaves other questions with the generic answer", () => {
    const near = ask(`${en["chat.starter.table.prompt"]} Please.`);
    expect(near.content).toContain("Simulated answer");
  });
});
