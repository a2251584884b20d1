import "server-only";
import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, type Locale, type MessageKey, resolveLocale, translator } from "./index";

export async function getRequestLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
}

/**
 * A page's `generateMetadata`: its document title in the request's language (the root layout's
 * template adds " · SiliconPlay"), so tabs, history and screen readers tell the pages apart.
 */
export function pageTitle(key: MessageKey): () => Promise<Metadata> {
  return async () => ({ title: translator(await getRequestLocale())(key) });
}
