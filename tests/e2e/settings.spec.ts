import { expect, test } from "./support/fixtures";
import { E2E_SILICONFLOW_KEY } from "./support/keys";

test("settings checks each key with /models and says calmly that the balance moved to the console", async ({
  page,
  t,
  sim,
}) => {
  await page.goto("/settings");
  const sf = page.getByTestId("provider-siliconflow");
  await expect(page.getByTestId("provider-status-siliconflow")).toHaveAttribute("data-state", "ok");
  await expect(page.getByTestId("provider-status-siliconflow")).toHaveText(t("settings.state.ok"));
  await expect(page.getByTestId("provider-status-glm")).toHaveAttribute("data-state", "ok");
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
  await expect(page.getByTestId("provider-glm").getByTestId("balance-note")).toContainText(
    t("settings.balance.unavailable"),
  );
  await expect(page.getByTestId("model-count-chat").locator("dd")).not.toHaveText("0");
  // Both keys were checked over HTTP against the simulator, with the server-side key.
  const checks = await sim.log({ path: "/models" });
  expect(checks.map((c) => c.provider)).toEqual(expect.arrayContaining(["siliconflow", "glm"]));
  expect(checks.find((c) => c.provider === "siliconflow")?.headers.authorization).toBe(`Bearer ${E2E_SILICONFLOW_KEY}`);
  expect((await sim.log({ path: "/user/info" }))[0]?.status).toBe(410);
});

test("where the balance endpoint still answers, the balance is shown", async ({ page, sim }) => {
  await sim.configure({ userInfo: "balance" });
  await page.goto("/settings");
  const sf = page.getByTestId("provider-siliconflow");
  await expect(sf.getByTestId("balance")).toContainText("88.50");
  await expect(sf.getByTestId("balance-note")).toHaveCount(0);
});

test("a failing key check is an alert that says what to do, and Retry recovers", async ({ page, t, sim }) => {
  await sim.fault({ fault: "unauthorized", path: "/models", provider: "siliconflow" });
  await page.goto("/settings");
  await expect(page.getByTestId("provider-status-siliconflow")).toHaveAttribute("data-state", "failing");
  const alert = page.getByTestId("provider-siliconflow").getByRole("alert");
  await expect(alert).toHaveAttribute("data-error-code", "invalid_key");
  await expect(alert).toContainText(t("settings.state.failing") === "出错" ? "API 密钥" : "API key");
  await expect(alert.locator("code")).not.toBeEmpty();
  await expect(page.getByTestId("provider-status-glm")).toHaveAttribute("data-state", "ok");
  await alert.getByRole("button", { name: t("common.retry") }).click();
  await expect(page.getByTestId("provider-status-siliconflow")).toHaveAttribute("data-state", "ok");
  await expect(page.getByTestId("provider-siliconflow").getByRole("alert")).toHaveCount(0);
});

test("a balance that cannot be read is said so, while the key stays ok", async ({ page, t, sim }) => {
  await sim.configure({ userInfo: "balance" });
  await sim.fault({ fault: "balance", path: "/user/info" });
  await page.goto("/settings");
  await expect(page.getByTestId("provider-status-siliconflow")).toHaveAttribute("data-state", "ok");
  const alert = page.getByTestId("provider-siliconflow").getByRole("alert");
  await expect(alert).toContainText(t("settings.balance.failed"));
  await expect(alert).toHaveAttribute("data-error-code", "insufficient_balance");
  await alert.getByRole("button", { name: t("common.retry") }).click();
  await expect(page.getByTestId("provider-siliconflow").getByTestId("balance")).toContainText("88.50");
});

test("demo mode: the banner is on every page and settings reads the built-in simulator", async ({
  page,
  t,
  demoURL,
}) => {
  for (const path of ["/chat", "/images", "/video", "/speech", "/settings"]) {
    await page.goto(`${demoURL}${path}`);
    await expect(page.getByTestId("demo-banner")).toContainText(t("demo.banner").slice(0, 10));
  }
  const sf = page.getByTestId("provider-siliconflow");
  await expect(sf).toHaveAttribute("data-state", "demo");
  await expect(page.getByTestId("provider-status-siliconflow")).toHaveAttribute("data-state", "demo");
  await expect(page.getByTestId("provider-status-glm")).toHaveAttribute("data-state", "demo");
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
