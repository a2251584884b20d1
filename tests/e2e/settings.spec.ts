import { expect, test } from "./support/fixtures";
import { E2E_SILICONFLOW_KEY } from "./support/keys";

test("settings shows both providers configured and the simulator's balance", async ({ page, t, sim }) => {
  await page.goto("/settings");
  const sf = page.getByTestId("provider-siliconflow");
  await expect(sf).toHaveAttribute("data-state", "configured");
  await expect(sf.getByText(t("settings.state.configured"))).toBeVisible();
  await expect(sf.getByTestId("balance")).toContainText("88.50");
  await expect(page.getByTestId("provider-glm")).toHaveAttribute("data-state", "configured");
  await expect(page.getByTestId("model-count-chat").locator("dd")).not.toHaveText("0");
  await expect(page.getByTestId("model-count-image").locator("dd")).not.toHaveText("0");
  // The balance came over HTTP from the simulator, with the server-side key.
  const calls = await sim.log({ path: "/user/info" });
  expect(calls.length).toBeGreaterThan(0);
  expect(calls[0]?.headers.authorization).toBe(`Bearer ${E2E_SILICONFLOW_KEY}`);
});

test("a provider error is shown as an alert that says what to do, and Retry recovers", async ({ page, t, sim }) => {
  await sim.fault({ fault: "balance", path: "/user/info" });
  await page.goto("/settings");
  const sf = page.getByTestId("provider-siliconflow");
  await expect(sf).toHaveAttribute("data-state", "failing");
  const alert = sf.getByRole("alert");
  await expect(alert).toContainText(t("settings.state.failing") === "出错" ? "余额不足" : "balance is insufficient");
  await expect(alert).toHaveAttribute("data-error-code", "insufficient_balance");
  await alert.getByRole("button", { name: t("common.retry") }).click();
  await expect(sf).toHaveAttribute("data-state", "configured");
  await expect(sf.getByTestId("balance")).toContainText("88.50");
});

test("an invalid key from the provider is reported with the trace id", async ({ page, sim }) => {
  await sim.fault({ fault: "unauthorized", path: "/user/info" });
  await page.goto("/settings");
  const alert = page.getByTestId("provider-siliconflow").getByRole("alert");
  await expect(alert).toHaveAttribute("data-error-code", "invalid_key");
  await expect(alert.locator("code")).not.toBeEmpty();
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
  await expect(sf.getByTestId("balance")).toContainText("88.50");
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
