import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, type Locale, resolveLocale } from "./index";

export async function getRequestLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
}
