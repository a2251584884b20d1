import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";
import { jpegSize, solidPng as png } from "./support/images";

// Vision: images attached in the message box, prepared in the browser, sent inline and kept.

const VISION = "Qwen/Qwen2.5-VL-72B-Instruct";

type Part = { type: string; image_url?: { url: string; detail?: string } };

test("an attached 4000×3000 image goes inline, downscaled, and stays in the history", async ({ page, t, sim }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(VISION);
  await page
    .getByTestId("attach-input")
    .setInputFiles({ name: "big.png", mimeType: "image/png", buffer: png(4000, 3000) });
  const thumb = page.getByTestId("attachment-thumbnail");
  await expect(thumb).toHaveCount(1, { timeout: 20_000 });
  await expect(page.getByTestId("image-tokens")).toBeVisible();
  await expect(page.getByRole("button", { name: t("chat.attach.button"), exact: true })).toBeVisible();
  await chat.ask("What colour is this?");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await expect(thumb).toHaveCount(0);

  const calls = await sim.log({ path: "/chat/completions" });
  const body = calls.at(-1)?.body as { model: string; messages: { role: string; content: unknown }[] };
  expect(body.model).toBe(VISION);
  const content = body.messages.at(-1)?.content as Part[];
  const image = content.find((p) => p.type === "image_url");
  expect(image?.image_url?.url).toMatch(/^data:image\/jpeg;base64,/);
  expect(image?.image_url?.detail).toBe("auto");
  const bytes = Buffer.from(image?.image_url?.url.split(",")[1] ?? "", "base64");
  expect(jpegSize(bytes)).toEqual({ width: 2048, height: 1536 });

  await page.reload();
  await chat.ready();
  const shown = chat.userMessages.first().getByTestId("message-image");
  await expect(shown).toHaveAttribute("src", /^blob:/);
  await expect
    .poll(() => shown.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 })
    .toBe(2048);
});

test("an image pasted into the box is attached", async ({ page, t }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(VISION);
  await chat.input.fill("kept text");
  await chat.input.evaluate(async (el) => {
    const canvas = new OffscreenCanvas(64, 48);
    const ctx = canvas.getContext("2d");
    if (ctx) {
      ctx.fillStyle = "#3a6";
      ctx.fillRect(0, 0, 64, 48);
    }
    const blob = await canvas.convertToBlob({ type: "image/png" });
    const data = new DataTransfer();
    data.items.add(new File([blob], "pasted.png", { type: "image/png" }));
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId("attachment-thumbnail")).toHaveCount(1, { timeout: 20_000 });
  await expect(chat.input).toHaveValue("kept text");
  await page.getByRole("button", { name: t("chat.attach.remove", { name: "pasted.png" }) }).click();
  await expect(page.getByTestId("attachment-thumbnail")).toHaveCount(0);
});

test("a text file is refused with an alert and the typed text stays", async ({ page, t }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(VISION);
  await chat.input.fill("my question");
  await page
    .getByTestId("attach-input")
    .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(page.getByTestId("attach-alert")).toHaveAttribute("role", "alert");
  await expect(page.getByTestId("attach-alert")).toContainText(t("chat.attach.type", { name: "notes.txt" }));
  await expect(page.getByTestId("attachment-thumbnail")).toHaveCount(0);
  await expect(chat.input).toHaveValue("my question");
});

test("a model that cannot see warns before sending and offers a vision model", async ({ page, t }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  await chat.input.fill("what is this?");
  await page.getByTestId("attach-input").setInputFiles({ name: "a.png", mimeType: "image/png", buffer: png(32, 32) });
  await expect(page.getByTestId("attachment-thumbnail")).toHaveCount(1, { timeout: 20_000 });
  const alert = page.getByTestId("attach-alert");
  await expect(alert).toHaveAttribute("role", "alert");
  await expect(alert).toContainText(t("chat.attach.noVision", { model: "Qwen/Qwen2.5-7B-Instruct" }));
  await expect(chat.send).toBeDisabled();
  // A current vision model of the same provider (the catalog's VISION_FALLBACKS), not the first in the list.
  await expect(alert.getByRole("button")).toHaveText(t("chat.attach.switchTo", { model: "zai-org/GLM-4.6V" }));
  await alert.getByRole("button").click();
  await expect(chat.modelPicker).toHaveAttribute("data-model", "siliconflow:zai-org/GLM-4.6V");
  await expect(alert).toBeHidden();
  await expect(chat.send).toBeEnabled();
  await expect(chat.input).toHaveValue("what is this?");
});
