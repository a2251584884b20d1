import { ImagesPage } from "./pages/images-page";
import { expect, test } from "./support/fixtures";
import { solidPng } from "./support/images";

// Image editing (Qwen-Image-Edit-2509: up to three references as image, image2, image3, no
// image_size), "Edit again" chaining with lineage, and CogView-4-250304's quality — through the
// studio page against the simulator, which applies the provider's own field rules.

const GENERATIONS = "/images/generations";
const EDIT = "Qwen/Qwen-Image-Edit-2509";

const uri = (png: Buffer) => `data:image/png;base64,${png.toString("base64")}`;

test("edit with two references: the exact body carries image and image2, and no size", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await images.goto();
  await images.model.selectOption(EDIT);
  // Only what the edit model takes: no Size (it follows the input), no Batch size, no Guidance.
  await expect(images.field("images.field.size")).toHaveCount(0);
  await expect(images.field("images.field.batchSize")).toHaveCount(0);
  await expect(images.field("images.field.guidance")).toHaveCount(0);

  const red = solidPng(8, 8, [220, 20, 20]);
  const blue = solidPng(8, 8, [20, 20, 220]);
  await images.referenceInput.setInputFiles([
    { name: "red.png", mimeType: "image/png", buffer: red },
    { name: "blue.png", mimeType: "image/png", buffer: blue },
  ]);
  await expect(images.references).toHaveCount(2);
  await images.field("images.field.seed").fill("77");
  await images.generate("put the red one on the left of the blue one");
  await expect(images.results.locator("img")).toBeVisible();

  const calls = await sim.log({ path: GENERATIONS });
  expect(calls).toHaveLength(1);
  expect(calls[0]?.status).toBe(200);
  expect(calls[0]?.body).toEqual({
    model: EDIT,
    prompt: "put the red one on the left of the blue one",
    seed: 77,
    num_inference_steps: 50,
    image: uri(red),
    image2: uri(blue),
  });
});

test("Edit again chains edits from the result, and the viewer shows where an edit came from", async ({
  page,
  t,
  sim,
}) => {
  const images = new ImagesPage(page, t);
  await images.goto();
  await images.generate("a plain teapot");
  const first = images.galleryItems.first();
  await expect(first.locator("img")).toBeVisible();
  const firstId = await first.getAttribute("data-image-id");

  // A generated image: "Edit" switches to the edit model with this image as the one reference.
  await first.getByRole("button", { name: t("images.action.edit"), exact: true }).click();
  await expect(images.selectedModel()).toHaveText(EDIT);
  await expect(images.references).toHaveCount(1);
  await images.generate("paint it blue");
  await expect(images.galleryItems).toHaveCount(2);

  const edited = images.galleryItems.first();
  const editedId = await edited.getAttribute("data-image-id");
  expect(editedId).not.toBe(firstId);
  // An edit's result offers "Edit again"; its viewer names its source.
  await edited.getByRole("button", { name: t("images.action.open") }).click();
  const lineage = page.getByTestId("image-lineage");
  await expect(lineage.getByRole("heading", { name: t("images.lineage.title") })).toBeVisible();
  await expect(lineage.locator("img")).toHaveCount(1);
  await page
    .getByRole("dialog")
    .getByRole("button", { name: t("images.action.editAgain"), exact: true })
    .click();
  await images.generate("add a gold rim");
  await expect(images.galleryItems).toHaveCount(3);

  const calls = await sim.log({ path: GENERATIONS });
  expect(calls).toHaveLength(3);
  expect(calls[1]?.body).toMatchObject({ model: EDIT, prompt: "paint it blue" });
  expect(calls[2]?.body).toMatchObject({ model: EDIT, prompt: "add a gold rim" });
  // The second edit started from the first edit's picture (the simulator's URL of call 2), not the teapot.
  const second = calls[1]?.body as { image: string };
  const third = calls[2]?.body as { image: string };
  expect(third.image).toMatch(/^data:image\/png;base64,/);
  expect(third.image).not.toBe(second.image);
  for (const call of calls.slice(1)) expect(call.body).not.toHaveProperty("image_size");
});

test("CogView-4-250304 offers Quality and sends it; CogView-4 does not", async ({ page, t, sim }) => {
  const images = new ImagesPage(page, t);
  await images.goto();
  await images.model.selectOption("cogview-4");
  await expect(images.field("images.field.quality")).toHaveCount(0);
  await images.model.selectOption("cogview-4-250304");
  await images.field("images.field.quality").selectOption("hd");
  await images.field("images.field.size").selectOption("1344x768");
  await images.generate("一盏写着“福”字的红灯笼");
  await expect(images.results.locator("img")).toBeVisible();
  const [call] = await sim.log({ path: GENERATIONS, provider: "glm" });
  expect(call?.body).toEqual({
    model: "cogview-4-250304",
    prompt: "一盏写着“福”字的红灯笼",
    size: "1344x768",
    quality: "hd",
  });
});
