"use client";

import { useMemo } from "react";
import { useI18n } from "@/lib/i18n/client";
import { en, type MarkdownKey, zh } from "./strings";

export type MarkdownT = (key: MarkdownKey, vars?: Record<string, string>) => string;

/** The renderer's own strings in the current locale (see strings.ts for why they live here). */
export function useMarkdownStrings(): MarkdownT {
  const { locale } = useI18n();
  return useMemo(() => {
    const dict = locale === "zh" ? zh : en;
    return (key, vars) => {
      const text = dict[key] ?? en[key];
      return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m) : text;
    };
  }, [locale]);
}
