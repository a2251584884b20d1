import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";
import { solidPng } from "./support/images";

// GLM-4V-Flash reads images from URLs only. The keyed e2e server has PUBLIC_BASE_URL (its own
// origin) and UPLOAD_URL_TTL_SECONDS=8: the simulated GLM must really download the image from the
// app; the demo server has no public URL and explains instead.

const FLASH = "glm-4v-flash";

test("GLM-4V-Flash gets a link under PUBLIC_BASE_URL, downloads it, and the link expires", async ({
  page,
  t,
  sim,
  baseURL,
  request,
}) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(FLASH);
  await page
    .getByTestId("attach-input")
    .setInputFiles({ name: "red.png", mimeType: "image/png", buffer: solidPng(320, 240) });
  await expect(page.getByTestId("attachment-thumbnail")).toHaveCount(1, { timeout: 20_000 });
  // Served by link: nothing to warn about.
  await expect(page.getByTestId("attach-alert")).toHaveCount(0);
  await chat.ask("What colour is this?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(chat.content(chat.lastReply())).not.toBeEmpty();

  const call = (await sim.log({ path: "/chat/completions", provider: "glm" })).at(-1);
  expect(call?.status).toBe(200);
  const body = call?.body as { model: string; messages: { content: unknown }[] };
  expect(body.model).toBe(FLASH);
  const content = body.messages.at(-1)?.content as { type: string; image_url?: { url: string } }[];
  const url = content.find((p) => p.type === "image_url")?.image_url?.url ?? "";
  expect(url.startsWith(`${baseURL}/api/uploads/`)).toBe(true);
  expect(url).toMatch(/\/api\/uploads\/[A-Za-z0-9_-]{43}\.jpg$/);
  expect(JSON.stringify(body)).not.toContain("data:image");
  // The provider fetched the picture from the app, without a session.
  expect(call?.imageFetches).toHaveLength(1);
  expect(call?.imageFetches?.[0]).toMatchObject({ url, ok: true, status: 200, contentType: "image/jpeg" });
  expect(call?.imageFetches?.[0]?.bytes).toBeGreaterThan(100);

  // A random token is unknown; the real one stops answering once its TTL is over.
  const random = await request.get(`${baseURL}/api/uploads/${"Z".repeat(43)}.jpg`);
  expect(random.status()).toBe(404);
  expect((await random.json()).error.code).toBe("not_found");
  await expect.poll(async () => (await request.get(url)).status(), { timeout: 20_000, intervals: [1_000] }).toBe(404);
  const expired = await request.get(url);
  expect(expired.headers()["content-type"]).toContain("application/json");
  expect((await expired.json()).error.code).toBe("not_found");
});

test("the published link serves only the image, with hardening headers", async ({ page, t, sim, request }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(FLASH);
  await page
    .getByTestId("attach-input")
    .setInputFiles({ name: "b.png", mimeType: "image/png", buffer: solidPng(64, 64) });
  await expect(page.getByTestId("attachment-thumbnail")).toHaveCount(1, { timeout: 20_000 });
  await chat.ask("Describe it");
  let url = "";
  await expect
    .poll(async () => {
      url = (await sim.log({ path: "/chat/completions", provider: "glm" })).at(-1)?.imageFetches?.[0]?.url ?? "";
      return url;
    })
    .not.toBe("");
  // Well inside the TTL: the simulator fetched it moments ago.
  const res = await request.get(url);
  expect(res.status()).toBe(200);
  const h = res.headers();
  expect(h["content-type"]).toBe("image/jpeg");
  expect(h["x-content-type-options"]).toContain("nosniff");
  expect(h["cache-control"]).toBe("private, no-store");
  expect(h["content-disposition"]).toBe("inline");
  expect(h["content-security-policy"]).toContain("sandbox");
  expect(h["set-cookie"]).toBeUndefined();
  const bytes = await res.body();
  expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
  expect((await request.head(url)).status()).toBe(200);
  expect((await request.post(url, { data: "{}" })).status()).toBe(405);
  await chat.waitForStatus(chat.lastReply(), "complete");
});

test("without PUBLIC_BASE_URL the URL-only model explains and offers another model", async ({ page, t, demoURL }) => {
  const chat = new ChatPage(page, t);
  await chat.goto(`${demoURL}/chat`);
  await chat.pickModel(FLASH);
  await chat.input.fill("what is this?");
  await page
    .getByTestId("attach-input")
    .setInputFiles({ name: "a.png", mimeType: "image/png", buffer: solidPng(32, 32) });
  await expect(page.getByTestId("attachment-thumbnail")).toHaveCount(1, { timeout: 20_000 });
  const alert = page.locator('[data-error-code~="urlOnly"]');
  await expect(alert).toHaveAttribute("role", "alert");
  await expect(alert).toContainText(t("chat.attach.urlOnly", { model: FLASH }));
  await expect(chat.send).toBeDisabled();
  await alert.getByRole("button").click();
  await expect(alert).toBeHidden();
  await expect(chat.modelPicker).not.toHaveAttribute("data-model", `glm:${FLASH}`);
  await expect(chat.send).toBeEnabled();
  await expect(chat.input).toHaveValue("what is this?");
});
