import { describe, expect, it } from "vitest";
import { dictionaries, resolveLocale, translator } from "@/lib/i18n";

describe("dictionaries", () => {
  it("has every key in both English and Chinese, none empty", () => {
    const en = Object.keys(dictionaries.en).sort();
    const zh = Object.keys(dictionaries.zh).sort();
    expect(zh).toEqual(en);
    for (const [key, value] of Object.entries(dictionaries.zh)) expect(value.trim(), key).not.toBe("");
    for (const [key, value] of Object.entries(dictionaries.en)) expect(value.trim(), key).not.toBe("");
  });

  it("keeps placeholders identical across languages", () => {
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(dictionaries.en) as (keyof typeof dictionaries.en)[]) {
      expect(vars(dictionaries.zh[key]), key).toEqual(vars(dictionaries.en[key]));
    }
  });

  it("fills placeholders", () => {
    const t = translator("en");
    expect(t("nav.chat")).toBe("Chat");
    expect(translator("zh")("nav.chat")).toBe("对话");
  });
});

describe("resolveLocale", () => {
  it("prefers the cookie, then Accept-Language, then English", () => {
    expect(resolveLocale("zh", "en-US")).toBe("zh");
    expect(resolveLocale(undefined, "zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(resolveLocale(undefined, "en-GB,en;q=0.9")).toBe("en");
    expect(resolveLocale("fr", "de-DE")).toBe("en");
    expect(resolveLocale(undefined, null)).toBe("en");
  });
});
