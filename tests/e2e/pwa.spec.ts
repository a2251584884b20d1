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

test("the app shell opens offline and says generation needs a connection", async ({ page, context, t }) => {
  await page.goto("/settings");
  // Wait until the service worker controls the page, then reload once so the shell is cached.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await page.goto("/chat");
  await context.setOffline(true);
  await page.goto("/settings");
  await expect(page.getByRole("navigation", { name: t("nav.primary") })).toBeVisible();
  await expect(page.getByTestId("offline-banner")).toContainText(t("offline.banner").slice(0, 8));
  await context.setOffline(false);
  await expect(page.getByTestId("offline-banner")).toHaveCount(0);
});
