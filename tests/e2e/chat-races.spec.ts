import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

// Races a user can hit with a reply: reloading at the very moment it finishes.

const LAST_WORDS = "Ask the same question again and you get the same answer.";

test("a reload as the last token arrives, with the CPU busy, keeps the complete reply", async ({ page, t, sim }) => {
  // Watches the reply's stream as it reaches the page (the real response, passed on untouched) and,
  // once armed, reloads the page the moment the chunk with the answer's last words has arrived.
  await page.addInitScript((last) => {
    const realFetch = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const res = await realFetch(input, init);
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (!url.endsWith("/api/chat") || sessionStorage.getItem("reloadAtLastToken") !== "armed" || !res.body) {
        return res;
      }
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let text = "";
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) return controller.close();
          controller.enqueue(value);
          for (const m of decoder
            .decode(value, { stream: true })
            .matchAll(/"type":"text-delta"[^\n]*?"delta":("(?:[^"\\]|\\.)*")/g)) {
            text += JSON.parse(m[1] ?? '""') as string;
          }
          if (text.endsWith(last) && sessionStorage.getItem("reloadAtLastToken") === "armed") {
            sessionStorage.setItem("reloadAtLastToken", "done");
            location.reload();
          }
        },
      });
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    };
  }, LAST_WORDS);

  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  // The whole answer, from asking once undisturbed: the simulator answers a question the same way every time.
  const question = "Tell me about harbours and their lighthouses, and how ships found their way at night.";
  await sim.configure({ chatChunkDelayMs: 0 });
  await chat.ask(question);
  await chat.waitForStatus(chat.lastReply(), "complete");
  const full = await chat.answer(chat.lastReply());
  expect(full.endsWith(LAST_WORDS)).toBe(true);

  await chat.newChat();
  await sim.configure({ chatChunkDelayMs: 15 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
  await page.evaluate(() => sessionStorage.setItem("reloadAtLastToken", "armed"));
  await chat.input.fill(question);
  await chat.input.press("Enter");

  await expect
    .poll(() => page.evaluate(() => sessionStorage.getItem("reloadAtLastToken")).catch(() => null), {
      timeout: 60_000,
    })
    .toBe("done");
  // The session is the page target's, which a reload keeps: the throttle held across it and is lifted
  // here (a failure means the throttle never applied to the reloaded page either).
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await cdp.detach();
  await chat.ready();
  const reply = chat.lastReply();
  await expect(reply).not.toHaveAttribute("data-status", "streaming", { timeout: 20_000 });
  // Everything that had arrived is still there after the reload.
  await expect(chat.content(reply)).toHaveText(full);
});
