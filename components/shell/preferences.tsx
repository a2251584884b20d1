"use client";

import { useEffect, useId, useState } from "react";
import { LOCALES, type Locale } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { applyTheme, chooseTheme, onThemeChosen, THEME_STORAGE_KEY, THEMES, type Theme } from "@/lib/theme";

const LOCALE_NAMES: Record<Locale, string> = { en: "English", zh: "简体中文" };

const selectClass =
  "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

// Server-rendered selects answer nothing until hydrated: a pick made before then would be undone by
// React's first render. They stay disabled until the page is live, as assistive tech then reports.
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function LocaleSelect() {
  const { locale, setLocale, t } = useI18n();
  const id = useId();
  const hydrated = useHydrated();
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {t("locale.label")}
      </label>
      <select
        id={id}
        className={selectClass}
        value={locale}
        disabled={!hydrated}
        onChange={(e) => setLocale(e.target.value as Locale)}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </>
  );
}

export function ThemeSelect() {
  const { t } = useI18n();
  const id = useId();
  const [theme, setTheme] = useState<Theme>("system");
  const hydrated = useHydrated();
  useEffect(() => {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    if (stored === "light" || stored === "dark" || stored === "system") setTheme(stored);
    // Follow the OS while on "system".
    const media = matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => {
      if ((localStorage.getItem(THEME_STORAGE_KEY) ?? "system") === "system") applyTheme("system");
    };
    media.addEventListener("change", onChange);
    // A choice made elsewhere (the command palette, another tab) shows here too.
    const off = onThemeChosen(setTheme);
    return () => {
      media.removeEventListener("change", onChange);
      off();
    };
  }, []);
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {t("theme.label")}
      </label>
      <select
        id={id}
        className={selectClass}
        value={theme}
        disabled={!hydrated}
        onChange={(e) => {
          const next = e.target.value as Theme;
          chooseTheme(next);
          setTheme(next);
        }}
      >
        {THEMES.map((th) => (
          <option key={th} value={th}>
            {t(`theme.${th}`)}
          </option>
        ))}
      </select>
    </>
  );
}
