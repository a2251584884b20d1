import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { bilingual, english, type Messages, resolveLocale, translator } from "@/lib/i18n";
import { preloaded } from "@/lib/i18n/preloaded";
import { preloaded as preloadedInBrowser } from "@/lib/i18n/preloaded-browser";
import { zh as zhDictionary } from "@/lib/i18n/zh";

const root = join(__dirname, "../..");
const messagesDir = join(root, "lib/i18n/messages");
// English from lib/i18n/index.ts, Chinese from its own chunk (lib/i18n/zh.ts).
const dictionaries: Record<"en" | "zh", Messages> = { en: english, zh: zhDictionary };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

// Pairs that are not user-visible words, so they stay out of the dictionaries: the simulator's fake
// model output (it answers in the prompt's language, as a provider would), the `lang` attribute's
// tags, and each language's own name in the language menu (the same in every locale).
const INLINE_PAIRS_ALLOWED = [
  "lib/simulator/prompt-rewrite.ts",
  "lib/i18n/index.ts",
  "components/shell/preferences.tsx",
];

// A positional pair: two string literals passed one after the other (to a call, after "(" or ","), the
// first with Latin letters and no CJK, the second with CJK: `fail("Division by zero.", "除数为零。")`.
// Such a helper hides the words from the checks above, so every one must be a key. Comment lines are
// skipped (they quote providers' docs). Literals are matched without line breaks inside them.
const literal = (q: string) => `${q}(?:[^${q}\\\\\\n]|\\\\.)*${q}`;
const anyLiteral = `(?:${literal('"')}|${literal("'")}|${literal("`")})`;
const PAIR = new RegExp(`[(,]\\s*(${anyLiteral})(?=\\s*,\\s*(${anyLiteral}))`, "gu");
const HAN = /\p{Script=Han}/u;

function positionalPairs(source: string): string[] {
  const code = source
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join("\n");
  const found: string[] = [];
  for (const [, first = "", second = ""] of code.matchAll(PAIR)) {
    if (HAN.test(second) && !HAN.test(first) && /[A-Za-z]/.test(first)) found.push(`${first} / ${second}`);
  }
  return found;
}

// Where two literals side by side are content, not interface words: the simulator's fake provider
// answers in the prompt's language as a provider would (lib/simulator/), and the tool editor's ready
// examples are whole tool definitions inserted in the UI's language and sent to the model as they
// are (a name then a description, e.g. `tool("get_weather", "查询…")`).
const POSITIONAL_PAIRS_ALLOWED = ["lib/simulator/", "lib/chat/playground/client/examples.ts"];

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

  it("gets every key from exactly one message module, and every module is listed", async () => {
    const owner = new Map<string, string>();
    for (const file of readdirSync(messagesDir).filter((f) => f.endsWith(".ts"))) {
      const mod = (await import(join(messagesDir, file))) as { en: Record<string, string> };
      const { zh } = (await import(join(messagesDir, "zh", file))) as { zh: Record<string, string> };
      expect(Object.keys(zh).sort(), file).toEqual(Object.keys(mod.en).sort());
      for (const key of Object.keys(zh)) {
        expect(dictionaries.zh[key as keyof Messages], `zh/${file} is not listed in lib/i18n/zh.ts`).toBe(zh[key]);
      }
      for (const key of Object.keys(mod.en)) {
        expect(owner.get(key), `${key} is in ${owner.get(key)} and ${file}`).toBeUndefined();
        owner.set(key, file);
        expect(dictionaries.en[key as keyof typeof dictionaries.en], `${file} is not listed in lib/i18n/index.ts`).toBe(
          mod.en[key],
        );
      }
    }
    expect(owner.size).toBe(Object.keys(dictionaries.en).length);
    expect(readdirSync(join(messagesDir, "zh")).sort()).toEqual(
      readdirSync(messagesDir)
        .filter((f) => f.endsWith(".ts"))
        .sort(),
    );
  });

  it("has Chinese up front on the server and not in the browser's first load", () => {
    // The server (and these tests) resolve #i18n-preloaded to preloaded.ts; the browser build to
    // preloaded-browser.ts (package.json "imports"), and loads zh.ts when a page is in Chinese.
    expect(preloaded.zh).toBe(zhDictionary);
    expect(preloadedInBrowser).toEqual({});
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      imports: Record<string, Record<string, string>>;
    };
    expect(pkg.imports["#i18n-preloaded"]).toEqual({
      browser: "./lib/i18n/preloaded-browser.ts",
      default: "./lib/i18n/preloaded.ts",
    });
    expect(translator("zh")("nav.chat")).toBe("对话");
  });

  it("has no inline { en, zh } text outside the dictionaries", () => {
    const offenders: string[] = [];
    for (const dir of ["lib", "components", "app"]) {
      for (const path of sourceFiles(join(root, dir))) {
        const rel = relative(root, path);
        if (rel.startsWith("lib/i18n/messages/") || INLINE_PAIRS_ALLOWED.includes(rel)) continue;
        if (/\ben:\s*["'`]/.test(readFileSync(path, "utf8"))) offenders.push(rel);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("has no positional (en, zh) string pairs outside the dictionaries", () => {
    const offenders: string[] = [];
    for (const dir of ["lib", "components", "app"]) {
      for (const path of sourceFiles(join(root, dir))) {
        const rel = relative(root, path);
        if (rel.startsWith("lib/i18n/messages/") || POSITIONAL_PAIRS_ALLOWED.some((p) => rel.startsWith(p))) continue;
        for (const pair of positionalPairs(readFileSync(path, "utf8"))) offenders.push(`${rel}: ${pair}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("finds a positional pair in a call, across lines, and not in a comment", () => {
    expect(positionalPairs('fail("Division by zero.", "除数为零。", at);')).toHaveLength(1);
    expect(
      positionalPairs('add(path, "error",\n  `"key" must be a string.`,\n  `“key”必须是字符串。`,\n);'),
    ).toHaveLength(1);
    expect(positionalPairs('// fail("Division by zero.", "除数为零。")')).toEqual([]);
    expect(positionalPairs('t("json.retry.empty", { zh: "x" })')).toEqual([]);
  });

  it("translates a nested key in the same language", () => {
    const ref = { key: "check.notTaken", vars: { model: "m", label: { key: "label.image.seed" } } } as const;
    expect(bilingual(ref)).toEqual({ en: "m does not take a seed", zh: "m 不支持种子" });
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
