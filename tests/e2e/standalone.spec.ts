import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";
import { startStandalone } from "./support/standalone-server";

// A fresh clone, as the README tells a self-hoster: `npm install && npm run build`, then plain
// `node .next/standalone/server.js`. The build is the one the suite already made; nothing else is
// copied or prepared here, so the folder must run as the build left it.

test("after npm run build, plain `node .next/standalone/server.js` serves a working app", async ({ page, t }) => {
  const server = await startStandalone();
  try {
    // public/ is served by server.js itself…
    const icon = await fetch(`${server.url}/icons/icon-192.png`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/png");
    // …and so are the browser's static files: the page hydrates, and a message gets its reply.
    const chat = new ChatPage(page, t);
    await page.goto(`${server.url}/chat`);
    await chat.ready();
    await chat.ask("Hello from a fresh clone");
    await chat.waitForStatus(chat.lastReply(), "complete");
    await expect(chat.content(chat.lastReply())).toContainText("Hello from a fresh clone");
  } finally {
    await server.stop();
  }
  expect(server.output()).not.toContain('"next start" does not work');
});
