import { LoginPage } from "./pages/login-page";
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

test("pages hydrate without errors in either language and keep the dark theme", async ({ page, t }) => {
  // A Chinese page waits for its dictionary chunk before it hydrates. When that wait broke React's
  // replay (minified error 467), the document was rendered again on the client and lost the class
  // the theme's boot script had set: dark pages turned light a moment after they showed.
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(() => localStorage.setItem("theme", "dark"));
  for (const path of ["/chat", "/settings", "/chat"]) {
    await page.goto(path);
    // The theme menu shows the stored choice once the page has hydrated (the server cannot know it).
    await expect(page.getByRole("combobox", { name: t("theme.label") }).first()).toHaveValue("dark");
    await page.waitForLoadState("networkidle");
    await expect(page.locator("html")).toHaveClass(/dark/);
  }
  expect(errors).toEqual([]);
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

const TITLED = [
  { key: "nav.chat", path: "/chat" },
  { key: "nav.compare", path: "/compare" },
  { key: "nav.assistants", path: "/assistants" },
  { key: "prompts.title", path: "/prompts" },
  { key: "nav.images", path: "/images" },
  { key: "nav.video", path: "/video" },
  { key: "nav.speech", path: "/speech" },
  { key: "nav.complete", path: "/complete" },
  { key: "nav.settings", path: "/settings" },
] as const;

// One test per page: nine page loads in one test outran the 60 s limit on a loaded machine.
for (const { key, path } of TITLED) {
  test(`${path} has its own document title, a skip link as its first focusable element, and fits 375 px`, async ({
    page,
    t,
  }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(path);
    await expect(page).toHaveTitle(`${t(key)} · SiliconPlay`);
    // Nothing wider than a phone: a long English label beside a button once widened /assistants' cards.
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const first = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>(
        'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])',
      );
      return el?.dataset.testid ?? el?.outerHTML.slice(0, 80);
    });
    expect(first).toBe("skip-link");
  });
}

test("the skip link is the first Tab stop and moves focus to the main region", async ({ page, t }) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: t("settings.title") })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: t("shell.skip") });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  // The next Tab continues inside the page, past the header and the primary nav.
  await page.keyboard.press("Tab");
  const inMain = await page.evaluate(() => !!document.activeElement?.closest("main"));
  expect(inMain).toBe(true);
});

test("the login page has its own title and skip link", async ({ page, t, lockedURL }) => {
  const login = new LoginPage(page, t);
  await login.goto(lockedURL);
  await expect(page).toHaveTitle(`${t("auth.pageTitle")} · SiliconPlay`);
  await page.keyboard.press("Tab");
  await expect(login.skipLink).toBeFocused();
});

test("on a phone the header is one row, and language and theme are in Settings", async ({ page, t }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/chat");
  const header = page.getByTestId("app-header");
  const box = await header.boundingBox();
  expect(box?.height).toBeLessThanOrEqual(64);
  await expect(header.getByRole("combobox", { name: t("locale.label") })).toBeHidden();
  await expect(header.getByRole("combobox", { name: t("theme.label") })).toBeHidden();
  // Opening the page does not raise the phone's keyboard.
  await expect(page.getByTestId("chat-input")).not.toBeFocused();
  await page.goto("/settings");
  await expect(page.getByRole("main").getByRole("combobox", { name: t("locale.label") })).toBeVisible();
  await expect(page.getByRole("main").getByRole("combobox", { name: t("theme.label") })).toBeVisible();
});

test("on a desktop /chat opens with the message box focused, and the header keeps language and theme", async ({
  page,
  t,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/chat");
  await expect(page.getByTestId("chat-input")).toBeFocused();
  const header = page.getByTestId("app-header");
  await expect(header.getByRole("combobox", { name: t("locale.label") })).toBeVisible();
  expect((await header.boundingBox())?.height).toBeLessThanOrEqual(64);
});

test("the demo notice can be hidden, stays hidden after a reload, and comes back from Settings", async ({
  page,
  t,
  demoURL,
}) => {
  await page.goto(`${demoURL}/chat`);
  const banner = page.getByTestId("demo-banner");
  await expect(banner).toBeVisible();
  await banner.getByRole("button", { name: t("demo.dismiss") }).click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("chat-input")).toBeVisible();
  await expect(banner).toBeHidden();
  await page.goto(`${demoURL}/settings`);
  await expect(banner).toBeHidden();
  const show = page.getByRole("switch", { name: t("demo.show") });
  await expect(show).not.toBeChecked();
  await show.click();
  await expect(banner).toBeVisible();
  await page.reload();
  await expect(banner).toBeVisible();
});
