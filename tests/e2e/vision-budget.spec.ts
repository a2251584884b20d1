import { CHAT_BODY_MAX_BYTES } from "../../lib/chat/bounds";
import { OMITTED_IMAGE_TEXT, REDUCED_LONG_SIDE, REDUCED_MAX_BYTES } from "../../lib/vision/budget";
import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";
import { jpegSize, noisePng } from "./support/images";

// Every turn re-sends the thread's images. Six turns with a full-size picture each would be about
// 12 MB of base64, past the 8 MB request cap from the fourth turn on; older images must go smaller
// (or be left out, with a notice) so the conversation keeps working.

const VISION = "Qwen/Qwen2.5-VL-72B-Instruct";
const TURNS = 6;

type Part = { type: string; text?: string; image_url?: { url: string } };
type Body = { messages: { role: string; content: string | Part[] }[] };

test("a conversation with six large images still sends its sixth turn", async ({ page, t, sim }) => {
  test.setTimeout(240_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(VISION);
  for (let turn = 1; turn <= TURNS; turn++) {
    await page
      .getByTestId("attach-input")
      .setInputFiles({ name: `photo-${turn}.png`, mimeType: "image/png", buffer: noisePng(2048, 1536) });
    await expect(page.getByTestId("attachment-thumbnail")).toHaveCount(1, { timeout: 30_000 });
    // Not chat.ask: the virtualized list does not keep every tall image message mounted to count.
    const question = `Photo ${turn}: what do you see?`;
    await chat.input.fill(question);
    await expect(chat.send).toBeEnabled();
    await chat.input.press("Enter");
    await expect
      .poll(async () => (await sim.log({ path: "/chat/completions" })).length, { timeout: 60_000 })
      .toBe(turn);
    await expect(chat.content(chat.lastReply())).toContainText(question, { timeout: 60_000 });
    await chat.waitForStatus(chat.lastReply(), "complete", 60_000);
  }

  const calls = await sim.log({ path: "/chat/completions" });
  expect(calls.map((c) => c.status)).toEqual(Array(TURNS).fill(200));
  const last = calls.at(-1)?.body as Body;
  expect(JSON.stringify(last).length).toBeLessThan(CHAT_BODY_MAX_BYTES);
  const users = last.messages.filter((m) => m.role === "user").map((m) => m.content as Part[]);
  expect(users).toHaveLength(TURNS);

  const bytesOf = (p: Part) => Buffer.from(p.image_url?.url.split(",")[1] ?? "", "base64");
  // The turn being asked about goes at its prepared size.
  const newest = users.at(-1)?.find((p) => p.type === "image_url");
  expect(newest).toBeDefined();
  expect(bytesOf(newest as Part).length).toBeGreaterThan(REDUCED_MAX_BYTES);
  expect(jpegSize(bytesOf(newest as Part)).width).toBeGreaterThan(REDUCED_LONG_SIDE);

  // Earlier ones: re-sent smaller, or replaced by a note the model reads.
  let reduced = 0;
  let omitted = 0;
  for (const content of users.slice(0, -1)) {
    const image = content.find((p) => p.type === "image_url");
    if (image) {
      const bytes = bytesOf(image);
      if (bytes.length <= REDUCED_MAX_BYTES) {
        reduced++;
        const { width, height } = jpegSize(bytes);
        expect(Math.max(width, height)).toBeLessThanOrEqual(REDUCED_LONG_SIDE);
      }
    } else {
      expect(content.some((p) => p.type === "text" && p.text === OMITTED_IMAGE_TEXT)).toBe(true);
      omitted++;
    }
  }
  expect(reduced + omitted).toBeGreaterThan(0);

  // The user is told, in their language.
  const notice = page.getByTestId("image-budget-notice");
  await expect(notice).toHaveAttribute("role", "status");
  await expect(notice).toHaveAttribute("data-reduced", String(reduced));
  await expect(notice).toHaveAttribute("data-omitted", String(omitted));
  if (reduced > 0) await expect(notice).toContainText(t("chat.attach.budget.reduced", { count: reduced }));
  if (omitted > 0) await expect(notice).toContainText(t("chat.attach.budget.omitted", { count: omitted }));
  await notice.getByRole("button", { name: t("common.dismiss") }).click();
  await expect(notice).toBeHidden();
});
