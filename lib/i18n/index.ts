import { preloaded } from "#i18n-preloaded";
import { en as auth } from "./messages/auth";
import { en as chat } from "./messages/chat";
import { en as chatFit } from "./messages/chat-fit";
import { en as checks } from "./messages/checks";
import { en as common } from "./messages/common";
import { en as compare } from "./messages/compare";
import { en as cost } from "./messages/cost";
import { en as data } from "./messages/data";
import { en as errors } from "./messages/errors";
import { en as images } from "./messages/images";
import { en as json } from "./messages/json";
import { en as markdown } from "./messages/markdown";
import { en as organize } from "./messages/organize";
import { en as playground } from "./messages/playground";
import { en as settings } from "./messages/settings";
import { en as share } from "./messages/share";
import { en as shell } from "./messages/shell";
import { en as speech } from "./messages/speech";
import { en as video } from "./messages/video";

export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "locale";

// Adding a capability: create messages/<name>.ts exporting `en` and messages/zh/<name>.ts exporting
// `zh`, and list them here and in zh.ts. Only English is imported here: the browser loads the other
// language's chunk when the page is in it (zh.ts, see loadDictionary), so a page ships one language.
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

type Merge<T extends readonly object[]> = T extends readonly [infer H, ...infer R]
  ? H & (R extends readonly object[] ? Merge<R> : unknown)
  : unknown;

type Dictionary = Merge<typeof modules>;
export type MessageKey = keyof Dictionary & string;
export type Messages = Record<MessageKey, string>;

/** English: always here, in the browser too (the first load's language and every fallback). */
export const english: Messages = Object.assign({}, ...modules);
const en = english;

/**
 * The languages this process has. English always (the fallback, and the language of `detail` lines);
 * on the server every language (`#i18n-preloaded` resolves to preloaded.ts); in the browser, the
 * other language once loadDictionary has fetched it (the browser condition resolves to an empty set).
 */
const loaded: Partial<Record<Locale, Messages>> = { ...preloaded, en };
const loading = new Map<Locale, Promise<void>>();

export function hasDictionary(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

/** Loads a language's dictionary (a separate chunk in the browser); the same promise for every caller. */
export function loadDictionary(locale: Locale): Promise<void> {
  if (loaded[locale]) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = import("./zh").then((m) => {
      loaded.zh = m.zh;
    });
    // A failed chunk load (offline, a deploy replaced the files) may work on the next try.
    pending.catch(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

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

/** Text in `locale`; in English while that language is not loaded yet (see loadDictionary). */
export function translator(locale: Locale): Translate {
  const t: Translate = (key, vars) => {
    const text = loaded[locale]?.[key] ?? en[key] ?? key;
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
  return typeof key === "string" && Object.hasOwn(en, key);
}

/** A MessageRef in English: for `detail` lines and logs, which are always English. */
export function inEnglish(ref: MessageRef): string {
  return translator("en")(ref.key, ref.vars);
}

/**
 * A MessageRef in every language, for the JSON shapes that keep `{ en, zh }` for API clients. In the
 * browser a language not loaded yet comes out in English: the page shows such a message through its
 * key where it has one (lib/errors.ts errorText), in the language it is in.
 */
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
