import * as auth from "./messages/auth";
import * as chat from "./messages/chat";
import * as chatFit from "./messages/chat-fit";
import * as checks from "./messages/checks";
import * as common from "./messages/common";
import * as compare from "./messages/compare";
import * as cost from "./messages/cost";
import * as data from "./messages/data";
import * as errors from "./messages/errors";
import * as images from "./messages/images";
import * as json from "./messages/json";
import * as markdown from "./messages/markdown";
import * as organize from "./messages/organize";
import * as playground from "./messages/playground";
import * as settings from "./messages/settings";
import * as share from "./messages/share";
import * as shell from "./messages/shell";
import * as speech from "./messages/speech";
import * as video from "./messages/video";

export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "locale";

// Adding a capability: create messages/<name>.ts exporting `en` and `zh`, and list it here.
const modules = [
  common,
  errors,
  checks,
  shell,
  settings,
  auth,
  chat,
  chatFit,
  markdown,
  images,
  video,
  speech,
  data,
  playground,
  json,
  share,
  cost,
  compare,
  organize,
] as const;

type Merge<T extends readonly { en: object }[]> = T extends readonly [infer H, ...infer R]
  ? (H extends { en: infer E } ? E : never) & (R extends readonly { en: object }[] ? Merge<R> : unknown)
  : unknown;

type Dictionary = Merge<typeof modules>;
export type MessageKey = keyof Dictionary & string;

export const dictionaries: Record<Locale, Record<MessageKey, string>> = {
  en: Object.assign({}, ...modules.map((m) => m.en)),
  zh: Object.assign({}, ...modules.map((m) => m.zh)),
};

/**
 * A sentence not yet in any language: a key and its variables. Errors and validation issues carry
 * one (it is plain JSON, so it crosses the wire and sits in IndexedDB) and the page translates it when
 * it renders. A variable may itself be a MessageRef (a field's name inside a sentence), translated in
 * the same language.
 */
export interface MessageRef {
  key: MessageKey;
  vars?: MessageVars;
}
export type MessageVars = Record<string, string | number | MessageRef>;

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export function translator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  const t: Translate = (key, vars) => {
    const text = dict[key] ?? dictionaries.en[key] ?? key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => {
      if (!Object.hasOwn(vars, name)) return m;
      const value = vars[name] as MessageVars[string];
      return typeof value === "object" ? t(value.key, value.vars) : String(value);
    });
  };
  return t;
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === "string" && Object.hasOwn(dictionaries.en, key);
}

/** A MessageRef in English: for `detail` lines and logs, which are always English. */
export function inEnglish(ref: MessageRef): string {
  return translator("en")(ref.key, ref.vars);
}

/** A MessageRef in every language, for the JSON shapes that keep `{ en, zh }` for API clients. */
export function bilingual(ref: MessageRef): Record<Locale, string> {
  return { en: translator("en")(ref.key, ref.vars), zh: translator("zh")(ref.key, ref.vars) };
}

/** Picks a locale from a cookie value or an Accept-Language / navigator.language list. */
export function resolveLocale(cookieValue: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (cookieValue === "en" || cookieValue === "zh") return cookieValue;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (tag.startsWith("zh")) return "zh";
    if (tag.startsWith("en")) return "en";
  }
  return "en";
}

export const htmlLang: Record<Locale, string> = { en: "en", zh: "zh-CN" };
