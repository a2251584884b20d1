import { expect, test } from "./support/fixtures";

const PAGES = [
  { key: "nav.chat", path: "/chat" },
  { key: "nav.images", path: "/images" },
  { key: "nav.video", path: "/video" },
  { key: "nav.speech", path: "/speech" },
  { key: "nav.settings", path: "/settings" },
] as const;

test("the primary nav reaches every studio page", async ({ page, t }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/chat$/);
  const nav = page.getByRole("navigation", { name: t("nav.primary") });
  for (const { key, path } of PAGES) {
    await nav.getByRole("link", { name: t(key), exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(nav.getByRole("link", { name: t(key), exact: true })).toHaveAttribute("aria-current", "page");
  }
});

test("the browser language picks the UI language, and a switch is remembered", async ({ page, t, locale }) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: t("settings.title") })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", locale === "zh" ? "zh-CN" : "en");
  const other = locale === "zh" ? "en" : "zh";
  await page
    .getByRole("combobox", { name: t("locale.label") })
    .first()
    .selectOption(other);
  const otherT = (await import("../../lib/i18n")).translator(other);
  await expect(page.getByRole("heading", { level: 1, name: otherT("settings.title") })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: otherT("settings.title") })).toBeVisible();
});

test("the theme can be set to dark and survives a reload", async ({ page, t }) => {
  await page.goto("/settings");
  await page
    .getByRole("combobox", { name: t("theme.label") })
    .first()
    .selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page
    .getByRole("combobox", { name: t("theme.label") })
    .first()
    .selectOption("light");
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});

test("with a key configured there is no demo banner", async ({ page, t }) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: t("settings.title") })).toBeVisible();
  await expect(page.getByTestId("demo-banner")).toHaveCount(0);
});

test("the shell is usable at 375 px wide", async ({ page, t }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/settings");
  const nav = page.getByRole("navigation", { name: t("nav.primary") });
  await expect(nav).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await nav.getByRole("link", { name: t("nav.speech"), exact: true }).click();
  await expect(page).toHaveURL(/\/speech$/);
});
