import { LoginForm } from "@/components/auth/login-form";
import { DEFAULT_NEXT_PATH } from "@/lib/auth/next-path";
import { translator } from "@/lib/i18n";
import { getRequestLocale, pageTitle } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export const generateMetadata = pageTitle("auth.pageTitle");

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const [{ next }, locale] = await Promise.all([searchParams, getRequestLocale()]);
  const t = translator(locale);
  return (
    <main id="main" tabIndex={-1} className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4">
      <h1 className="text-2xl font-semibold">{t("auth.title")}</h1>
      <p className="mt-2 mb-6 text-sm text-zinc-600 dark:text-zinc-400">{t("auth.body")}</p>
      {/* Checked again in the browser against its own origin (lib/auth/next-path.ts). */}
      <LoginForm next={typeof next === "string" ? next : DEFAULT_NEXT_PATH} />
    </main>
  );
}
