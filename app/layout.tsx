import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SkipLink } from "@/components/shell/skip-link";
import { dbWarmScript } from "@/lib/db/warm-script";
import { demoNoticeBootScript } from "@/lib/demo-notice";
import { htmlLang } from "@/lib/i18n";
import { I18nProvider } from "@/lib/i18n/client";
import { getRequestLocale } from "@/lib/i18n/server";
import { themeBootScript } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  // Each page names itself (lib/i18n/server.ts pageTitle); the template adds the product.
  title: { default: "SiliconPlay", template: "%s · SiliconPlay" },
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
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script that hides a dismissed demo notice before paint */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: demoNoticeBootScript }} />
      </head>
      <body className="min-h-dvh">
        <I18nProvider initialLocale={locale}>
          <SkipLink />
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
