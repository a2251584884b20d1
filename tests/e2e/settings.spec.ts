import type { APIRequestContext } from "@playwright/test";
import { SettingsPage } from "./pages/settings-page";
import { expect, test } from "./support/fixtures";
import { E2E_SILICONFLOW_KEY } from "./support/keys";

/** Models /api/models lists per provider, over every kind, as Test connection counts them. */
async function modelCounts(request: APIRequestContext, base = ""): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const type of ["chat", "image", "video", "speech", "transcription"]) {
    const body = (await (await request.get(`${base}/api/models?type=${type}`)).json()) as {
      models: { provider: string }[];
    };
    for (const m of body.models) counts[m.provider] = (counts[m.provider] ?? 0) + 1;
  }
  return counts;
}

test("settings checks each key with /models and says calmly that the balance moved to the console", async ({
  page,
  t,
  sim,
}) => {
  const settings = new SettingsPage(page, t);
  await settings.goto();
  const sf = settings.provider("siliconflow");
  await expect(settings.status("siliconflow")).toHaveAttribute("data-state", "ok");
  await expect(settings.status("siliconflow")).toHaveText(t("settings.state.ok"));
  await expect(settings.status("glm")).toHaveAttribute("data-state", "ok");
  await expect(sf).toHaveAttribute("data-state", "configured");
  // The simulator answers /user/info with 410, as SiliconFlow does since 2026-08: a note, not an alert.
  const note = sf.getByTestId("balance-note");
  await expect(note).toContainText(t("settings.balance.retired"));
  const link = note.getByRole("link", {
    name: t("settings.balance.console", { provider: t("settings.provider.siliconflow") }),
  });
  await expect(link).toHaveAttribute("href", "https://cloud.siliconflow.cn/expensebill");
  await expect(sf.getByRole("alert")).toHaveCount(0);
  await expect(sf.getByTestId("balance")).toHaveCount(0);
  await expect(settings.provider("glm").getByTestId("balance-note")).toContainText(t("settings.balance.unavailable"));
  // Models are listed with what they can do, not counted: a reasoning model and a vision model.
  await expect(page.getByTestId("model-count-chat")).not.toHaveAttribute("data-count", "0");
  const chatKind = settings.modelKind("chat");
  await expect(chatKind).toHaveAttribute("aria-expanded", "false");
  await chatKind.click();
  const chatModels = page.getByTestId("model-list").getByTestId("model-row");
  await expect(chatModels.filter({ has: page.locator('[data-capability="reasoning"]') }).first()).toBeVisible();
  await expect(chatModels.filter({ has: page.locator('[data-capability="vision"]') }).first()).toBeVisible();
  // Both keys were checked over HTTP against the simulator, with the server-side key.
  const checks = await sim.log({ path: "/models" });
  expect(checks.map((c) => c.provider)).toEqual(expect.arrayContaining(["siliconflow", "glm"]));
  expect(checks.find((c) => c.provider === "siliconflow")?.headers.authorization).toBe(`Bearer ${E2E_SILICONFLOW_KEY}`);
  expect((await sim.log({ path: "/user/info" }))[0]?.status).toBe(410);
});

test("where the balance endpoint still answers, the balance is shown", async ({ page, t, sim }) => {
  const settings = new SettingsPage(page, t);
  await sim.configure({ userInfo: "balance" });
  await settings.goto();
  const sf = settings.provider("siliconflow");
  await expect(sf.getByTestId("balance")).toContainText("88.50");
  await expect(sf.getByTestId("balance-note")).toHaveCount(0);
});

test("a failing key check is an alert that says what to do, and Retry recovers", async ({ page, t, sim }) => {
  const settings = new SettingsPage(page, t);
  await sim.fault({ fault: "unauthorized", path: "/models", provider: "siliconflow" });
  await settings.goto();
  await expect(settings.status("siliconflow")).toHaveAttribute("data-state", "failing");
  const alert = settings.provider("siliconflow").getByRole("alert");
  await expect(alert).toHaveAttribute("data-error-code", "invalid_key");
  await expect(alert).toContainText(t("settings.state.failing") === "出错" ? "API 密钥" : "API key");
  await expect(alert.locator("code")).not.toBeEmpty();
  await expect(settings.status("glm")).toHaveAttribute("data-state", "ok");
  await alert.getByRole("button", { name: t("common.retry") }).click();
  await expect(settings.status("siliconflow")).toHaveAttribute("data-state", "ok");
  await expect(settings.provider("siliconflow").getByRole("alert")).toHaveCount(0);
});

test("a balance that cannot be read is said so, while the key stays ok", async ({ page, t, sim }) => {
  const settings = new SettingsPage(page, t);
  await sim.configure({ userInfo: "balance" });
  await sim.fault({ fault: "balance", path: "/user/info" });
  await settings.goto();
  await expect(settings.status("siliconflow")).toHaveAttribute("data-state", "ok");
  const alert = settings.provider("siliconflow").getByRole("alert");
  await expect(alert).toContainText(t("settings.balance.failed"));
  await expect(alert).toHaveAttribute("data-error-code", "insufficient_balance");
  await alert.getByRole("button", { name: t("common.retry") }).click();
  await expect(settings.provider("siliconflow").getByTestId("balance")).toContainText("88.50");
});

test("demo mode: the banner is on every page and settings reads the built-in simulator", async ({
  page,
  t,
  demoURL,
}) => {
  const settings = new SettingsPage(page, t);
  for (const path of ["/chat", "/images", "/video", "/speech", "/settings"]) {
    await page.goto(`${demoURL}${path}`);
    await expect(page.getByTestId("demo-banner")).toContainText(t("demo.banner").slice(0, 10));
  }
  const sf = settings.provider("siliconflow");
  await expect(sf).toHaveAttribute("data-state", "demo");
  await expect(settings.status("siliconflow")).toHaveAttribute("data-state", "demo");
  await expect(settings.status("glm")).toHaveAttribute("data-state", "demo");
  await expect(sf.getByTestId("balance-note")).toContainText(t("settings.balance.retired"));
  await expect(sf.getByRole("alert")).toHaveCount(0);
});

test("the health check answers without a session", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, demo: false });
});

test("an unknown model type is a 400 with a clear message, not a 500", async ({ request }) => {
  const res = await request.get("/api/models?type=banana");
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error.code).toBe("bad_request");
  expect(body.error.message.en).toContain("banana");
});

test("Test connection says per provider that it is reachable and how many models it offers, or why not", async ({
  page,
  t,
  sim,
  request,
}) => {
  const settings = new SettingsPage(page, t);
  await settings.goto();
  await expect(page.getByTestId("key-howto")).toContainText("SILICONFLOW_API_KEY");
  await expect(page.getByTestId("key-howto")).toContainText(".env.local");
  const counts = await modelCounts(request);
  const check = settings.testConnection;
  await check.click();
  const sf = settings.connection("siliconflow");
  await expect(sf).toHaveText(
    t("settings.test.ok", { provider: t("settings.provider.siliconflow"), count: counts.siliconflow ?? 0 }),
  );
  await expect(settings.connection("glm")).toHaveText(
    t("settings.test.ok", { provider: t("settings.provider.glm"), count: counts.glm ?? 0 }),
  );
  expect(counts.siliconflow).toBeGreaterThan(0);

  // A rejected key: the same button now says so, with the error's own words.
  await sim.fault({ fault: "unauthorized", path: "/models", provider: "siliconflow" });
  await check.click();
  await expect(sf).toHaveAttribute("data-state", "failing");
  await expect(sf).toContainText(t("settings.provider.siliconflow"));
  await expect(sf).toContainText(t("settings.state.failing") === "出错" ? "API 密钥" : "API key");
  await expect(settings.connection("glm")).toHaveAttribute("data-state", "ok");
});

test("demo mode: Test connection says the built-in simulator answers", async ({ page, t, demoURL, request }) => {
  const settings = new SettingsPage(page, t);
  await settings.goto(demoURL);
  const counts = await modelCounts(request, demoURL);
  await settings.testConnection.click();
  for (const provider of ["siliconflow", "glm"] as const) {
    await expect(settings.connection(provider)).toHaveText(
      t("settings.test.demo", { provider: t(`settings.provider.${provider}`), count: counts[provider] ?? 0 }),
    );
  }
});

test("persistent storage is asked for on request, and the browser's answer is said in words", async ({ page, t }) => {
  const settings = new SettingsPage(page, t);
  await settings.goto();
  const persist = settings.persist;
  await expect(persist).toHaveAttribute("data-state", /granted|not_granted/);
  if ((await persist.getAttribute("data-state")) === "granted") return;
  await persist.getByRole("button", { name: t("data.persist") }).click();
  // Headless Chromium says no; a browser that agrees is an answer too.
  await expect(persist).toHaveAttribute("data-state", /agreed|denied/);
  const agreed = (await persist.getAttribute("data-state")) === "agreed";
  await expect(page.getByTestId("persist-status")).toHaveText(
    t(agreed ? "data.persist.granted" : "data.persist.denied"),
  );
});
