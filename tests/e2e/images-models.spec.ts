import { ImagesPage } from "./pages/images-page";
import { expect, test } from "./support/fixtures";

// Image-to-image, GLM CogView, the links to other studios, provider errors and demo mode.

const GENERATIONS = "/images/generations";
const PNG_1x1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

test("image-to-image: an uploaded reference travels inline as a data URI", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await images.goto();
  await images.model.selectOption("Qwen/Qwen-Image-Edit");
  // Edit models follow their input's size and refuse image_size: the form offers no Size.
  await expect(images.field("images.field.size")).toHaveCount(0);
  // Required and missing: said plainly, and nothing is sent.
  await images.generate("make it night");
  await expect(page.getByRole("alert").filter({ hasText: t("images.blocker.reference") })).toBeVisible();
  expect(await sim.log({ path: GENERATIONS })).toHaveLength(0);

  await images.referenceInput.setInputFiles({ name: "ref.png", mimeType: "image/png", buffer: PNG_1x1 });
  await images.generateButton.click();
  await expect(images.results.locator("img")).toBeVisible();
  const [call] = await sim.log({ path: GENERATIONS });
  expect(call?.body).toMatchObject({
    model: "Qwen/Qwen-Image-Edit",
    image: `data:image/png;base64,${PNG_1x1.toString("base64")}`,
  });
  expect(call?.body).toHaveProperty("cfg", 4);
  expect(call?.body).not.toHaveProperty("image_size");
});

test("a reference near the size cap arrives whole (the proxy does not cut the body)", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  const big = Buffer.alloc(6.5 * 1024 * 1024, 7);
  PNG_1x1.copy(big);
  await images.goto();
  await images.model.selectOption("Kwai-Kolors/Kolors");
  await page
    .getByTestId("image-reference-input")
    .setInputFiles({ name: "big.png", mimeType: "image/png", buffer: big });
  await images.generate("a detailed map");
  // Reading 6.5 MB into a data URL and sending ~9 MB of JSON through the proxy took 12–15 s on a
  // busy runner: the image is checked for arriving whole, not for arriving fast.
  await expect(images.results.locator("img")).toBeVisible({ timeout: 60_000 });
  const [call] = await sim.log({ path: GENERATIONS });
  expect((call?.body as { image?: string } | undefined)?.image).toBe(`data:image/png;base64,${big.toString("base64")}`);
});

test("a gallery image becomes the reference or the start of a video", async ({ page, t }) => {
  const images = new ImagesPage(page, t);
  await images.goto();
  await images.generate("a sailing boat");
  const item = images.galleryItems.first();
  await expect(item.locator("img")).toBeVisible();
  const id = await item.getAttribute("data-image-id");
  await expect(item.getByRole("link", { name: t("images.action.animate") })).toHaveAttribute(
    "href",
    `/video?startImage=${id}`,
  );

  // FLUX.1-schnell takes no reference: the page switches to a model that does.
  await item.getByRole("button", { name: t("images.action.reference") }).click();
  await expect(images.selectedModel()).toHaveText("Kwai-Kolors/Kolors");
  await expect(page.getByTestId("image-reference").locator("img")).toBeVisible();
});

test("GLM CogView works through the same page, without a seed", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await images.goto();
  await images.model.selectOption("cogview-3-flash");
  await expect(images.field("images.field.seed")).toBeDisabled();
  await expect(images.field("images.field.negativePrompt")).toBeDisabled();
  await expect(images.field("images.field.steps")).toHaveCount(0);
  await images.generate("一只在竹林里的熊猫");
  await expect(images.results.locator("img")).toBeVisible();
  const [call] = await sim.log({ path: GENERATIONS, provider: "glm" });
  expect(call?.body).toEqual({ model: "cogview-3-flash", prompt: "一只在竹林里的熊猫", size: "1024x1024" });
});

test("CogView-4's result comes from GLM's ufileos bucket over https and is saved", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  // The simulator hands out https://maas-watermark-prod.cn-wlcb.ufileos.com/… as GLM does; the server
  // reaches it through its media network (simulated DNS and certificate), with every check running.
  await images.goto();
  await images.model.selectOption("cogview-4");
  await images.generate("a red lantern");
  await expect(images.results.locator("img")).toBeVisible();
  await expect(images.galleryItems).toHaveCount(1);
  const fetched = (await sim.log({ provider: "files" })).filter((e) => e.path.endsWith("_watermark.png"));
  expect(fetched).toHaveLength(1);
  expect(fetched[0]?.headers.host).toBe("maas-watermark-prod.cn-wlcb.ufileos.com");
  expect(fetched[0]?.status).toBe(200);
});

test("a provider media host that resolves to a private address is refused", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await sim.configure({ mediaDns: { "sc-maas.oss-cn-shanghai.aliyuncs.com": "10.0.0.7" } });
  await images.goto();
  await images.generate("a quiet harbour");
  await expect(images.jobs.getByRole("alert")).toHaveAttribute("data-error-code", "unsafe_url");
  await expect(images.galleryItems).toHaveCount(0);
  expect(await sim.log({ provider: "files" })).toHaveLength(0);
});

test("moderation is a clear alert and keeps the prompt", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await sim.fault({ fault: "glm-1301", path: GENERATIONS });
  await images.goto();
  await images.generate("something the filter dislikes");
  const alert = images.jobs.getByRole("alert");
  await expect(alert).toHaveAttribute("data-error-code", "content_blocked");
  await expect(images.galleryItems).toHaveCount(0);
  await expect(images.prompt).toHaveValue("something the filter dislikes");
});

test("a rate limit is one paid call, an alert, and Retry sends it again", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await sim.fault({ fault: "rate-limit", path: GENERATIONS, retryAfterSeconds: 1 });
  await images.goto();
  await images.field("images.field.seed").fill("1234");
  await images.generate("a busy street");
  const alert = images.jobs.getByRole("alert");
  await expect(alert).toHaveAttribute("data-error-code", "rate_limited");
  expect(await sim.log({ path: GENERATIONS })).toHaveLength(1);

  await alert.getByRole("button", { name: t("common.retry") }).click();
  await expect(images.results.locator("img")).toBeVisible();
  const calls = await sim.log({ path: GENERATIONS });
  expect(calls).toHaveLength(2);
  expect(calls[1]?.body).toEqual(calls[0]?.body);
  expect(calls[1]?.body).toMatchObject({ seed: 1234 });
});

test("a result address outside the provider's hosts is refused, not fetched", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await sim.configure({ resultUrlOverride: "http://169.254.169.254/latest/meta-data/iam" });
  await images.goto();
  await images.generate("anything");
  await expect(images.jobs.getByRole("alert")).toHaveAttribute("data-error-code", "unsafe_url");
  await expect(images.galleryItems).toHaveCount(0);
});

test("demo mode generates against the built-in simulator", async ({ page, t, demoURL }) => {
  const images = new ImagesPage(page, t);
  await images.goto(demoURL);
  await images.generate("a demo picture");
  await expect(images.results.locator("img")).toBeVisible();
  await expect(images.galleryItems).toHaveCount(1);
});
