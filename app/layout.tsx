import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { dbWarmScript } from "@/lib/db/warm-script";
import { htmlLang } from "@/lib/i18n";
import { I18nProvider } from "@/lib/i18n/client";
import { getRequestLocale } from "@/lib/i18n/server";
import { themeBootScript } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: "SiliconPlay",
  description: "Chat, vision, images, video and speech for SiliconFlow and Zhipu GLM",
  applicationName: "SiliconPlay",
  icons: { icon: "/icons/icon-192.png", apple: "/icons/apple-touch-icon.png" },
  appleWebApp: { capable: true, title: "SiliconPlay", statusBarStyle: "black-translucent" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#6d28d9" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, headerList] = await Promise.all([getRequestLocale(), headers()]);
  const nonce = headerList.get("x-nonce") ?? undefined;
  return (
    <html lang={htmlLang[locale]} suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script that sets the theme class before paint */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeBootScript }} />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script that starts opening the history database early */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: dbWarmScript }} />
      </head>
      <body className="min-h-dvh">
        <I18nProvider initialLocale={locale}>{children}</I18nProvider>
      </body>
    </html>
  );
}
