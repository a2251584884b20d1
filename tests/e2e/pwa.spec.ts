import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

test("the web app manifest makes the app installable", async ({ page, request }) => {
  const res = await request.get("/manifest.webmanifest");
  expect(res.status()).toBe(200);
  const manifest = await res.json();
  expect(manifest).toMatchObject({ short_name: "SiliconPlay", display: "standalone", start_url: "/chat" });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons as { src: string }[]) {
    const img = await request.get(icon.src);
    expect(img.status(), icon.src).toBe(200);
    expect(img.headers()["content-type"]).toBe("image/png");
  }
  await page.goto("/settings");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('meta[name="theme-color"]').first()).toHaveAttribute("content", /#/);
});

/** Waits until this page is controlled by the service worker (installed, so every shell is cached). */
async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test("every page opens offline with the banner, even one this browser never opened", async ({ page, context, t }) => {
  // Seven offline page loads, each a full start of the app.
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("/chat");
  await controlled(page);
  await context.setOffline(true);
  const nav = page.getByRole("navigation", { name: t("nav.primary") });
  // Issue 18: a page not visited before showed Next's unbranded error and a chunk-load error.
  const pages = [
    ["nav.images", "/images"],
    ["nav.video", "/video"],
    ["nav.speech", "/speech"],
    ["nav.settings", "/settings"],
    ["nav.chat", "/chat"],
  ] as const;
  for (const [name, path] of pages) {
    await nav.getByRole("link", { name: t(name) }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByTestId("offline-banner")).toHaveText(t("offline.banner"));
  }
  // A typed address, too.
  for (const path of ["/video", "/settings"]) {
    await page.goto(path);
    await expect(nav).toBeVisible();
    await expect(page.getByTestId("offline-banner")).toHaveText(t("offline.banner"));
  }
  await context.setOffline(false);
  await expect(page.getByTestId("offline-banner")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("offline, Send and Generate are disabled and say why", async ({ page, context, t }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await controlled(page);
  await context.setOffline(true);
  await chat.input.fill("a question for later");
  await expect(chat.send).toBeDisabled();
  const hint = page.getByTestId("offline-hint");
  await expect(hint).toHaveText(t("offline.send"));
  await expect(chat.send).toHaveAccessibleDescription(t("offline.send"));
  // What was typed stays.
  await expect(chat.input).toHaveValue("a question for later");

  for (const [path, name] of [
    ["/images", t("images.generate")],
    ["/video", t("video.generate")],
    ["/speech", t("speech.generate")],
  ] as const) {
    await page.goto(path);
    const generate = page.getByRole("button", { name, exact: true });
    await expect(generate).toBeDisabled();
    await expect(generate).toHaveAccessibleDescription(t("offline.generate"));
    await expect(hint).toHaveText(t("offline.generate"));
  }
  await context.setOffline(false);
  await expect(hint).toHaveCount(0);
  await expect(page.getByRole("button", { name: t("speech.generate"), exact: true })).toBeEnabled();
});

test("a conversation reloads offline without a hydration error", async ({ page, context, t }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const chat = new ChatPage(page, t);
  await chat.goto();
  await controlled(page);
  await chat.ask("Offline reload check");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(page).toHaveURL(/\/chat\/[^/]+$/);
  await context.setOffline(true);
  // The conversation's URL was never fetched: the worker answers with a conversation page's shell
  // (it used to answer with /chat's, whose server HTML differs: React #418).
  await page.reload();
  await expect(chat.userMessages.first()).toContainText("Offline reload check");
  await expect(page.getByTestId("offline-banner")).toBeVisible();
  expect(errors).toEqual([]);
});

test("the worker's cache is named for this build, and activating it deletes older ones", async ({ page, request }) => {
  const buildId = readFileSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"), "utf8").trim();
  const script = await (await request.get("/sw.js")).text();
  expect(script).toContain(`const CACHE = "siliconplay-${buildId}";`);
  // Left by an earlier worker (the old fixed name, and another build's).
  await page.addInitScript(() => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    void caches.open("siliconplay-shell-v1").then((c) => c.put("/chat", new Response("a stale shell")));
    void caches.open("siliconplay-an-older-build");
  });
  await page.goto("/settings");
  await controlled(page);
  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`siliconplay-${buildId}`]);
});
