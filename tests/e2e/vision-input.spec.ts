import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";
import { animatedGif, solidPng } from "./support/images";

// The other ways in and the bad inputs of the message box: drop, GIF, a damaged file, a file over
// 20 MB, more images than the model takes. Each problem is an alert at the box and keeps the text.

const VISION = "Qwen/Qwen2.5-VL-72B-Instruct";
// Takes two images per message.
const VL2 = "deepseek-ai/deepseek-vl2";

test("an image dropped onto the chat is attached and sent", async ({ page, t, sim }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(VISION);
  await chat.input.fill("what is dropped here?");
  // A real drop: a DataTransfer holding a File, dispatched on the message list as a browser would.
  await page.locator("main").evaluate(async (target) => {
    const canvas = new OffscreenCanvas(80, 60);
    const ctx = canvas.getContext("2d");
    if (ctx) {
      ctx.fillStyle = "#2a7";
      ctx.fillRect(0, 0, 80, 60);
    }
    const file = new File([await canvas.convertToBlob({ type: "image/png" })], "dropped.png", { type: "image/png" });
    const data = new DataTransfer();
    data.items.add(file);
    for (const type of ["dragenter", "dragover", "drop"]) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  });
  await expect(page.getByTestId("attachment-thumbnail")).toHaveCount(1, { timeout: 20_000 });
  await expect(page.getByRole("img", { name: "dropped.png" })).toHaveAttribute("data-width", "80");
  await expect(chat.input).toHaveValue("what is dropped here?");
  await chat.input.press("Enter");
  await chat.waitForStatus(chat.lastReply(), "complete");
  const body = (await sim.log({ path: "/chat/completions" })).at(-1)?.body as {
    messages: { content: { type: string; image_url?: { url: string } }[] }[];
  };
  const image = body.messages.at(-1)?.content.find((p) => p.type === "image_url");
  expect(image?.image_url?.url).toMatch(/^data:image\/jpeg;base64,/);
});

test("a GIF is attached as its first frame", async ({ page, t }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(VISION);
  const gif = animatedGif(40, 30, [
    [255, 0, 0],
    [0, 0, 255],
  ]);
  await page.getByTestId("attach-input").setInputFiles({ name: "anim.gif", mimeType: "image/gif", buffer: gif });
  const thumb = page.getByRole("img", { name: "anim.gif" });
  await expect(thumb).toHaveAttribute("data-width", "40", { timeout: 20_000 });
  // The prepared image (a JPEG, so no animation) shows the red first frame, not the blue second one.
  const centre = await thumb.evaluate(async (el) => {
    const img = el as HTMLImageElement;
    await img.decode();
    const ctx = new OffscreenCanvas(img.naturalWidth, img.naturalHeight).getContext("2d");
    if (!ctx) return null;
    ctx.drawImage(img, 0, 0);
    return { rgb: Array.from(ctx.getImageData(20, 15, 1, 1).data.slice(0, 3)) };
  });
  const [r = 0, g = 0, b = 0] = centre?.rgb ?? [];
  expect(r).toBeGreaterThan(200);
  expect(g).toBeLessThan(60);
  expect(b).toBeLessThan(60);
});

test("a damaged image is refused with an alert and the typed text stays", async ({ page, t }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(VISION);
  await chat.input.fill("keep me");
  const broken = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 7)]);
  await page.getByTestId("attach-input").setInputFiles({ name: "broken.png", mimeType: "image/png", buffer: broken });
  const alert = page.locator('[data-error-code~="corrupt"]');
  await expect(alert).toHaveAttribute("role", "alert", { timeout: 20_000 });
  await expect(alert).toContainText(t("chat.attach.corrupt", { name: "broken.png" }));
  await expect(page.getByTestId("attachment-thumbnail")).toHaveCount(0);
  await expect(chat.input).toHaveValue("keep me");
  await expect(chat.send).toBeEnabled();
});

test("a file over 20 MB is refused before it is decoded", async ({ page, t }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(VISION);
  await chat.input.fill("a huge photo");
  // Made in the page: handing Playwright 20 MB takes a base64 trip over the protocol that alone used
  // most of the test's minute on a loaded machine. The app sees the same File and change event.
  await page.getByTestId("attach-input").evaluate((input: HTMLInputElement) => {
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array(20 * 1024 * 1024 + 1)], "huge.jpg", { type: "image/jpeg" }));
    input.files = files.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  const alert = page.locator('[data-error-code~="size"]');
  await expect(alert).toHaveAttribute("role", "alert");
  await expect(alert).toContainText(t("chat.attach.size", { name: "huge.jpg" }));
  await expect(page.getByTestId("attachment-thumbnail")).toHaveCount(0);
  await expect(chat.input).toHaveValue("a huge photo");
});

test("more images than the model takes: the extra ones are refused with an alert", async ({ page, t }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(VL2);
  await chat.input.fill("compare these");
  await page
    .getByTestId("attach-input")
    .setInputFiles(
      ["a", "b", "c"].map((name) => ({ name: `${name}.png`, mimeType: "image/png", buffer: solidPng(32, 32) })),
    );
  await expect(page.getByTestId("attachment-thumbnail")).toHaveCount(2, { timeout: 20_000 });
  const alert = page.locator('[data-error-code~="count"]');
  await expect(alert).toHaveAttribute("role", "alert");
  await expect(alert).toContainText(t("chat.attach.count", { model: VL2, max: 2 }));
  await expect(chat.input).toHaveValue("compare these");
  // The two that fit can still be sent.
  await expect(chat.send).toBeEnabled();
});
