// First-load JavaScript of a page: the gzip size of every script file its HTML references, as a
// browser fetches them on a cold load (lazy chunks: highlighter, KaTeX, mermaid, are not in it).
// Then, in Chromium, what the page really fetches: scripts requested up to the load event, what it
// fetches while the reader does nothing after it (the idle preloads), and what the first key in the
// page's first text field brings (the chat runtime, the reply renderer, then KaTeX), each apart.
//
//   npm run bench bundle [-- --path /chat --budget-kb 300 --app-port 3130 --dist-dir .next-md
//                            --app-url http://127.0.0.1:3130 --idle-ms 8000 --locale en-US]
//   (--idle-ms 0 skips the browser part)
//
// Needs a production build: `NEXT_DIST_DIR=.next-md npx next build`. Without --app-url the script
// starts `next start` from that build itself.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

// `--name value` pairs; a bare `--` (from `npm run bench render -- …` via other runners) is skipped.
const argv = process.argv.slice(2).filter((a) => a !== "--");
const args = new Map<string, string>();
for (let i = 0; i < argv.length; i += 2) args.set((argv[i] ?? "").replace(/^--/, ""), argv[i + 1] ?? "");
const PAGE = args.get("path") ?? "/chat";
const BUDGET_KB = Number(args.get("budget-kb") ?? 300);
const APP_PORT = Number(args.get("app-port") ?? 3130);
const DIST_DIR = args.get("dist-dir") ?? ".next-md";
const IDLE_MS = Number(args.get("idle-ms") ?? 8000);
const LOCALE = args.get("locale") ?? "en-US";
const root = path.resolve(import.meta.dirname, "../..");

async function waitForApp(url: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error("next start exited");
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer /api/health within 90 s`);
}

function startApp() {
  if (!existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) {
    console.error(`No production build in ${DIST_DIR}. Build one first:\n  NEXT_DIST_DIR=${DIST_DIR} npx next build`);
    process.exit(1);
  }
  // Any key makes the server start; nothing here reaches a provider.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    SILICONFLOW_API_KEY: "test-key",
  };
  return spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/**
 * Script URLs in document order: `<script src>` and `<link rel=modulepreload|preload as=script>`.
 * `<script nomodule>` (Next's legacy polyfills) is listed apart: a browser that runs modules, as
 * every supported one does, never downloads it.
 */
function scriptUrls(html: string, base: string): { urls: string[]; noModule: string[] } {
  const urls = new Set<string>();
  const noModule = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    const href = new URL(m[1]!, base).href;
    if (/\bnomodule\b/i.test(m[0])) noModule.add(href);
    else urls.add(href);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && (/rel="modulepreload"/.test(tag) || (/rel="preload"/.test(tag) && /as="script"/.test(tag)))) {
      urls.add(new URL(href, base).href);
    }
  }
  return { urls: [...urls], noModule: [...noModule] };
}

async function gzipSizes(urls: string[]) {
  const files: { file: string; bytes: number; gzip: number }[] = [];
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    files.push({ file: new URL(url).pathname, bytes: body.length, gzip: gzipSync(body).length });
  }
  return files;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

type Phase = "beforeLoad" | "idle" | "firstKey";

/**
 * Scripts Chromium requests for a cold load of `url`: up to the load event, during the `IDLE_MS`
 * after it (the idle preloads), and during the `IDLE_MS` after one key pressed in the page's first
 * text field. Sizes are gzip of each file, as above.
 */
async function inBrowser(url: string) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const page = await browser.newPage({ locale: LOCALE });
    const requested: { url: string; phase: Phase }[] = [];
    let phase: Phase = "beforeLoad";
    page.on("request", (r) => {
      if (r.resourceType() === "script") requested.push({ url: r.url(), phase });
    });
    page.on("load", () => {
      phase = "idle";
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(IDLE_MS);
    const field = page.locator("textarea, input[type=text]").first();
    const typed = (await field.count()) > 0;
    if (typed) {
      phase = "firstKey";
      await field.press("a");
      await page.waitForTimeout(IDLE_MS);
    }
    const sizes = await gzipSizes(requested.map((r) => r.url));
    const of = (p: Phase) => sizes.filter((_, i) => requested[i]?.phase === p);
    const sum = (p: Phase) => kb(of(p).reduce((n, f) => n + f.gzip, 0));
    const byName = (a: { gzip: number }, b: { gzip: number }) => b.gzip - a.gzip;
    return {
      locale: LOCALE,
      beforeLoadGzipKB: sum("beforeLoad"),
      idlePreloadGzipKB: sum("idle"),
      idlePreloads: of("idle").sort(byName),
      firstKeyGzipKB: typed ? sum("firstKey") : null,
      firstKeyLoads: of("firstKey").sort(byName),
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  const appUrl = args.get("app-url") ?? `http://127.0.0.1:${APP_PORT}`;
  const app = args.has("app-url") ? null : startApp();
  try {
    await waitForApp(appUrl, () => app !== null && app.exitCode !== null);
    const res = await fetch(new URL(PAGE, appUrl), { headers: { "accept-language": "en-US" } });
    if (!res.ok) throw new Error(`${PAGE} answered ${res.status}`);
    const html = await res.text();
    const { urls, noModule } = scriptUrls(html, appUrl);
    const files = await gzipSizes(urls);
    const legacy = await gzipSizes(noModule);
    // Inline scripts (the RSC payload, the theme boot script) are part of the HTML, listed apart.
    const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
    const totalGzip = files.reduce((sum, f) => sum + f.gzip, 0);
    const browser = IDLE_MS > 0 ? await inBrowser(new URL(PAGE, appUrl).href) : undefined;
    console.log(
      JSON.stringify(
        {
          page: PAGE,
          files: files.sort((a, b) => b.gzip - a.gzip),
          scriptFiles: files.length,
          firstLoadJsGzipKB: kb(totalGzip),
          inlineScriptsGzipKB: kb(gzipSync(inline.join("\n")).length),
          legacyNoModuleGzipKB: kb(legacy.reduce((sum, f) => sum + f.gzip, 0)),
          budgetKB: BUDGET_KB,
          withinBudget: totalGzip <= BUDGET_KB * 1024,
          browser,
        },
        null,
        2,
      ),
    );
    if (totalGzip > BUDGET_KB * 1024) process.exitCode = 1;
  } finally {
    if (app?.pid) {
      try {
        process.kill(-app.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
