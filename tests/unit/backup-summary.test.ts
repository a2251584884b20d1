import { describe, expect, it } from "vitest";
import { describeCounts, exportSentence, restoreSentence } from "@/lib/db/backup-summary";
import { translator } from "@/lib/i18n";

const en = translator("en");
const zh = translator("zh");

describe("backup contents in words", () => {
  it("names what came back, singular and plural, in table order, skipping empty tables", () => {
    expect(describeCounts(en, "en", { images: 4, conversations: 3, messages: 120, videos: 0 })).toBe(
      "3 conversations, 120 messages, and 4 images",
    );
    expect(describeCounts(en, "en", { conversations: 1, messages: 1 })).toBe("1 conversation and 1 message");
    expect(describeCounts(zh, "zh", { conversations: 3, messages: 120, images: 4 })).toBe(
      "3 个对话、120 条消息和4 张图片",
    );
  });

  it("says what was left alone, and when nothing was new", () => {
    expect(restoreSentence(en, "en", { conversations: 1, messages: 2 }, {})).toBe(
      "Restored 1 conversation and 2 messages.",
    );
    expect(restoreSentence(en, "en", {}, { conversations: 1, messages: 2 })).toBe(
      "Nothing new was added. 3 items were already here or could not be read, and were left as they are.",
    );
    expect(restoreSentence(en, "en", { folders: 1 }, { images: 1 })).toBe(
      "Restored 1 folder. 1 item was already here or could not be read, and was left as it is.",
    );
  });

  it("describes an export, including an empty one", () => {
    expect(exportSentence(en, "en", { speech: 2 })).toBe("Exported 2 speech clips.");
    expect(exportSentence(zh, "zh", {})).toBe(zh("data.exported.empty"));
  });
});
