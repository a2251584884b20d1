import { describe, expect, it } from "vitest";
import { CUSTOM_NAME_PATTERN } from "@/lib/speech/bounds";
import {
  INSTRUCTION_MARK,
  insertTag,
  speakableText,
  speechInput,
  splitForSpeech,
  splitInstruction,
  withInstruction,
  wrapTag,
} from "@/lib/speech/text";
import { displayNameProblem, providerVoiceName } from "@/lib/speech/voice-name";

describe("instruction prefix", () => {
  it("sets, replaces and removes the part before <|endofprompt|>", () => {
    const withHappy = withInstruction("今天真开心", "你能用高兴的情感说吗？");
    expect(withHappy).toBe(`你能用高兴的情感说吗？${INSTRUCTION_MARK}今天真开心`);
    expect(withInstruction(withHappy, "请用轻声细语的方式说。")).toBe(
      `请用轻声细语的方式说。${INSTRUCTION_MARK}今天真开心`,
    );
    expect(withInstruction(withHappy, "")).toBe("今天真开心");
    expect(splitInstruction(withHappy)).toEqual({ instruction: "你能用高兴的情感说吗？", body: "今天真开心" });
  });

  it("never lets an instruction smuggle in a second marker", () => {
    expect(withInstruction("hi", `a${INSTRUCTION_MARK}b`)).toBe(`ab${INSTRUCTION_MARK}hi`);
  });

  it("joins a style to the text only for the request; without one the text goes as typed", () => {
    expect(speechInput("今天真开心", "happy")).toBe(`你能用高兴的情感说吗？${INSTRUCTION_MARK}今天真开心`);
    expect(speechInput("Hello", null)).toBe("Hello");
    // A style chosen over an instruction typed by hand replaces it; the spoken text stays.
    expect(speechInput(`typed${INSTRUCTION_MARK}Hello`, "sad")).toBe(`你能用悲伤的情感说吗？${INSTRUCTION_MARK}Hello`);
  });
});

describe("tags", () => {
  it("inserts a point tag at the caret with spacing, and puts the caret after it", () => {
    const edit = insertTag("Hello world", 5, 5, "[laughter]");
    expect(edit.text).toBe("Hello [laughter] world");
    expect(edit.selectionStart).toBe("Hello [laughter]".length);
  });

  it("keeps a selected word when a point tag is inserted: the tag goes after it", () => {
    const edit = insertTag("say this loudly", 4, 8, "[laughter]");
    expect(edit.text).toBe("say this [laughter] loudly");
    expect(edit.selectionStart).toBe("say this [laughter]".length);
  });

  it("wraps the selection in a span tag", () => {
    const edit = wrapTag("say this loudly", 4, 8, "strong");
    expect(edit.text).toBe("say <strong>this</strong> loudly");
    expect(edit.text.slice(edit.selectionStart, edit.selectionEnd)).toBe("this");
  });
});

describe("speakableText", () => {
  it("drops code, markup, link targets and leaked reasoning", () => {
    const md = [
      "<think>internal</think>",
      "# Title",
      "Use **bold** and `code` and [a link](https://x.example).",
      "```js",
      "console.log(1)",
      "```",
      "- item one",
      "1. item two",
      "| a | b |",
      "|---|---|",
    ].join("\n");
    const out = speakableText(md);
    expect(out).not.toContain("internal");
    expect(out).not.toContain("console.log");
    expect(out).not.toContain("https://");
    expect(out).not.toMatch(/[#*`|]/);
    expect(out).toContain("Use bold and code and a link.");
    expect(out).toContain("item one");
  });
});

describe("splitForSpeech", () => {
  it("keeps the first chunk short and packs the rest up to the limit", () => {
    const text = Array.from({ length: 30 }, (_, i) => `This is sentence number ${i + 1}.`).join(" ");
    const chunks = splitForSpeech(text, { first: 40, rest: 200 });
    expect([...chunks[0]!].length).toBeLessThanOrEqual(40);
    for (const c of chunks) expect([...c].length).toBeLessThanOrEqual(200);
    expect(chunks.join(" ").replace(/\s+/g, " ")).toBe(text);
  });

  it("splits Chinese at sentence punctuation and does not add spaces", () => {
    const chunks = splitForSpeech("今天天气很好。我们去公园散步吧！你觉得怎么样？", { first: 8, rest: 12 });
    expect(chunks[0]).toBe("今天天气很好。");
    expect(chunks.join("")).toBe("今天天气很好。我们去公园散步吧！你觉得怎么样？");
  });

  it("keeps decimals whole and hard-splits a run with no punctuation", () => {
    expect(splitForSpeech("Pi is 3.14 roughly.")).toEqual(["Pi is 3.14 roughly."]);
    const long = "word ".repeat(200).trim();
    const chunks = splitForSpeech(long, { first: 50, rest: 100 });
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(100);
    expect(chunks.join(" ")).toBe(long);
  });

  it("returns nothing for blank text", () => {
    expect(splitForSpeech("  \n ")).toEqual([]);
  });
});

describe("custom voice names", () => {
  it("sends a name that already fits the provider's rule as it is", () => {
    expect(providerVoiceName(" narrator_2 ")).toBe("narrator_2");
  });

  it("derives a provider name from any display name, distinct for distinct names", () => {
    const names = ["奶奶", "外婆", "Zoë", "Zoe's voice", "My voice", "🎙️", `${"a".repeat(64)} b`];
    const derived = names.map(providerVoiceName);
    for (const name of derived) expect(name).toMatch(CUSTOM_NAME_PATTERN);
    expect(new Set(derived).size).toBe(names.length);
    expect(providerVoiceName("Zoë")).toMatch(/^Zoe-/);
    expect(providerVoiceName("My voice")).toMatch(/^My-voice-/);
    expect(providerVoiceName("奶奶")).toMatch(/^voice-/);
    // The same name always gives the same provider name.
    expect(providerVoiceName("奶奶")).toBe(providerVoiceName("奶奶"));
  });

  it("refuses only an empty or overlong display name", () => {
    expect(displayNameProblem("  ")).toBe("empty");
    expect(displayNameProblem("奶".repeat(65))).toBe("tooLong");
    expect(displayNameProblem("奶奶的声音")).toBeNull();
  });
});
