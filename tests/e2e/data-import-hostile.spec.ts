import { readFile, writeFile } from "node:fs/promises";
import { restoreSentence } from "../../lib/db/backup-summary";
import { DB_NAME } from "../../lib/db/name";
import { en } from "../../lib/i18n/messages/markdown";
import { zh } from "../../lib/i18n/messages/zh/markdown";
import { encodePng } from "../../lib/simulator/png";
import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";
import { openTrap, TRAP_HOST } from "./support/trap";

// Issue 17 finding 6: a backup is a file anyone can hand a user. Its "images" ran script on this
// origin once opened in a tab, and its remote file parts loaded with no click.

type Row = Record<string, unknown>;
const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");
const HTML = "<!doctype html><script>document.title = 'pwned:' + document.cookie</script>";
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" onload="document.title=\'pwned\'"><rect width="9" height="9"/></svg>';
const PNG = encodePng(3, 2, Buffer.alloc(18, 120));

test("an imported backup can neither run script nor load remote files unasked", async ({
  page,
  browser,
  t,
  locale,
}) => {
  test.setTimeout(120_000);
  const md = locale === "zh" ? zh : en;
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.ask("Import check: a question with a picture");
  await chat.waitForStatus(chat.lastReply(), "complete");
  await page.goto("/settings");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: t("data.export"), exact: true }).click();
  const backup = JSON.parse(await readFile((await (await download).path())!, "utf8")) as Record<string, Row[]>;

  // The same conversation, rewritten the way an attacker would.
  const fresh = await browser.newContext({ locale: locale === "zh" ? "zh-CN" : "en-US" });
  const trap = await openTrap(fresh);
  const messages = backup.messages!;
  const user = messages.find((m) => m.role === "user")!;
  const reply = messages.find((m) => m.role === "assistant")!;
  const file = (url: string, mediaType = "image/png") => ({ type: "file", mediaType, filename: "x.png", url });
  user.parts = [
    ...(user.parts as Row[]),
    file(`https://${TRAP_HOST}/part.png`),
    file(`${trap.httpOrigin}/part.png`),
    file(`data:image/png;base64,${b64(HTML)}`),
    file(`data:image/svg+xml;base64,${b64(SVG)}`, "image/svg+xml"),
  ];
  const text = `${reply.text as string}\n\n![chart](https://${TRAP_HOST}/reply.png)`;
  reply.text = text;
  reply.parts = (reply.parts as Row[]).map((p) => (p.type === "text" ? { ...p, text } : p));
  const image = (blob: string, mime = "image/png") => ({
    id: crypto.randomUUID(),
    createdAt: Date.now(),
    prompt: "imported",
    model: { provider: "siliconflow", id: "Kwai-Kolors/Kolors" },
    params: {},
    mime,
    blob,
  });
  backup.images = [
    image(`data:image/png;base64,${b64(HTML)}`),
    image(`data:image/svg+xml;base64,${b64(SVG)}`, "image/svg+xml"),
    image(`data:text/html;base64,${b64(PNG)}`, "text/html"),
  ];
  backup.attachments = [
    {
      id: crypto.randomUUID(),
      messageId: user.id,
      conversationId: user.conversationId,
      createdAt: Date.now(),
      name: "cat.png",
      mime: "image/png",
      size: SVG.length,
      blob: `data:image/png;base64,${b64(SVG)}`,
    },
  ];

  const other = await fresh.newPage();
  const dialogs: string[] = [];
  other.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await other.goto("/settings");
  const path = test.info().outputPath("hostile-backup.json");
  await writeFile(path, JSON.stringify(backup));
  await other.getByTestId("import-input").setInputFiles(path);
  // A conversation, its two messages and the one real image; two images and the attachment are not.
  await expect(other.getByTestId("data-status")).toContainText(
    restoreSentence(t, locale, { conversations: 1, messages: 2, images: 1 }, { images: 2, attachments: 1 }),
  );

  const chat2 = new ChatPage(other, t);
  await chat2.goto();
  await chat2.conversations.getByRole("link").first().click();
  await expect(chat2.userMessages).toHaveCount(1);
  const load = (host: string) => md["markdown.image.load"].replace("{host}", host);
  const question = chat2.userMessages.first();
  await expect(question.getByRole("button", { name: load(TRAP_HOST) })).toBeVisible();
  await expect(question.getByRole("button", { name: load(new URL(trap.httpOrigin).host) })).toBeVisible();
  // The HTML and SVG "images" are gone: no element shows them.
  await expect(question.locator("img")).toHaveCount(0);
  await expect(chat2.content(chat2.lastReply()).getByRole("button", { name: load(TRAP_HOST) })).toBeVisible();

  // The one real image is stored as what its bytes are.
  await other.goto("/images");
  const gallery = other.getByTestId("gallery").getByTestId("gallery-item");
  await expect(gallery).toHaveCount(1);
  await expect(gallery.locator("img")).toHaveJSProperty("naturalWidth", 3);
  const stored = await other.evaluate(
    (name) =>
      new Promise<string[][]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          // The row names its bytes (schema v5): the Blob is a row of mediaBlobs.
          const tx = open.result.transaction(["images", "mediaBlobs"]);
          const rows = tx.objectStore("images").getAll();
          const blobs = tx.objectStore("mediaBlobs").getAll();
          tx.oncomplete = () => {
            const byId = new Map(blobs.result.map((b: { id: string; blob: Blob }) => [b.id, b.blob]));
            resolve(rows.result.map((r: { mime: string; blobId: string }) => [r.mime, byId.get(r.blobId)?.type ?? ""]));
          };
        };
      }),
    DB_NAME,
  );
  // Labelled text/html in the file, it is the PNG its bytes say.
  expect(stored).toEqual([["image/png", "image/png"]]);
  expect(trap.hits).toEqual([]);

  // Asked for, a remote image loads (once, in its frame).
  await chat2.goto();
  await chat2.conversations.getByRole("link").first().click();
  await chat2.userMessages
    .first()
    .getByRole("button", { name: load(TRAP_HOST) })
    .click();
  await expect.poll(() => trap.hits).toEqual(["https /part.png"]);
  expect(dialogs).toEqual([]);
  await trap.close();
  await fresh.close();
});
