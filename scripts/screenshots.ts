// Screenshots of every page for a look-over: desktop and phone, light and dark, English and Chinese.
// Start a server first (demo mode is fine: `npm start` without keys), then
//   npm run screenshots -- [--base http://127.0.0.1:3000] [--out screenshots] [--pages chat,settings]
// Files are named <page>-<desktop|phone>-<light|dark>-<en|zh>.png. Chinese needs a CJK font on the
// machine (Debian: fonts-noto-cjk), or its glyphs render as boxes.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const PAGES: Record<string, string> = {
  chat: "/chat",
  compare: "/compare",
  complete: "/complete",
  images: "/images",
  video: "/video",
  speech: "/speech",
  assistants: "/assistants",
  prompts: "/prompts",
  settings: "/settings",
  login: "/login",
};
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
}

const base = flag("base", process.env.BASE_URL ?? "http://127.0.0.1:3000");
const out = path.resolve(flag("out", "screenshots"));
const wanted = flag("pages", Object.keys(PAGES).join(",")).split(",");

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  let n = 0;
  try {
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      for (const theme of ["light", "dark"] as const) {
        for (const locale of ["en", "zh"] as const) {
          const context = await browser.newContext({
            viewport,
            deviceScaleFactor: 1,
            isMobile: device === "phone",
            hasTouch: device === "phone",
            colorScheme: theme,
            locale: locale === "zh" ? "zh-CN" : "en-US",
          });
          await context.addCookies([{ name: "locale", value: locale, url: base }]);
          await context.addInitScript((t) => localStorage.setItem("theme", t), theme);
          const page = await context.newPage();
          for (const name of wanted) {
            const route = PAGES[name];
            if (!route) throw new Error(`Unknown page "${name}"; known: ${Object.keys(PAGES).join(", ")}`);
            await page.goto(new URL(route, base).href, { waitUntil: "networkidle" });
            // Fonts and lazy panels settle after the network does.
            await page.waitForTimeout(500);
            const file = path.join(out, `${name}-${device}-${theme}-${locale}.png`);
            await page.screenshot({ path: file });
            n++;
          }
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${n} screenshots in ${out}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
