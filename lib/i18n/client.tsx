"use client";

import { createContext, type ReactNode, use, useCallback, useContext, useMemo, useState } from "react";
import { hasDictionary, LOCALE_COOKIE, type Locale, loadDictionary, type Translate, translator } from "./index";

interface I18nValue {
  locale: Locale;
  t: Translate;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ initialLocale, children }: { initialLocale: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    // Switch once the language's words are here (a chunk, the first time): the page changes in one go.
    void loadDictionary(next)
      .then(() => {
        // A cookie so the server renders the chosen language on the next request too.
        // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie; the Cookie Store API is not in every browser.
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
        setLocaleState(next);
      })
      .catch(() => {
        // Offline or a replaced deploy: the page stays in its language; choosing again retries.
      });
  }, []);
  const value = useMemo(() => ({ locale, t: translator(locale), setLocale }), [locale, setLocale]);
  return (
    <I18nContext.Provider value={value}>
      <DictionaryGate locale={locale}>{children}</DictionaryGate>
    </I18nContext.Provider>
  );
}

/**
 * The browser starts with English only. A page the server rendered in another language waits here
 * for that dictionary before it hydrates (React keeps the server's HTML meanwhile), so neither keys
 * nor English flash and the first client render matches the server's. A component of its own, with
 * no other hooks: suspending in the provider after its useState made React's replay of the suspended
 * render fail (minified error 467) on every Chinese page, and the whole document was rendered again
 * on the client, which dropped the theme class the boot script had set (dark pages turned light).
 */
function DictionaryGate({ locale, children }: { locale: Locale; children: ReactNode }) {
  if (!hasDictionary(locale)) use(loadDictionary(locale));
  return children;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
