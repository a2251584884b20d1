import { ChatPage } from "../e2e/pages/chat-page";
import { expect, test } from "../e2e/support/fixtures";
import { seed } from "./support/seed-long";
import { readSidebarTiming, recordSidebarTiming } from "./support/sidebar-timing";

// Benchmark, not a test of timings: `npm run bench history` runs it and prints the figures (the
// issue's budgets: a 2,000-message conversation opens in under 300 ms, the sidebar with 10,000
// conversations shows in under 300 ms, a 100 KB reply at 200 chunks/s leaves the main thread free).
// Only behaviour is asserted (virtualized rows, the reply completes, typing still works).

test("a 2,000-message conversation and a 10,000-conversation sidebar open within budget", async ({ page, t }) => {
  test.setTimeout(120_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  const longId = await seed(page, 10_000, 2_000);

  // Sidebar: from the app being interactive (hydrated) to the list on screen.
  await recordSidebarTiming(page, 'nav a[href^="/chat/perf-"]');
  await page.reload();
  await chat.ready();
  // 9999 is in "Folder 19"; 9996 in the main list.
  await expect(
    chat.conversations
      .getByRole("group", { name: "Folder 19" })
      .getByRole("link", { name: "Seeded conversation 9999" }),
  ).toBeVisible();
  await expect(chat.conversationLink("Seeded conversation 9996")).toBeVisible();
  const at = await readSidebarTiming(page);
  const sidebarMs = Math.max(0, (at.list ?? Number.POSITIVE_INFINITY) - (at.ready ?? 0));
  await expect(chat.conversationLink("Seeded long conversation")).toBeVisible();

  // Opening the long conversation: click → its last answer on screen.
  const openMs = await page.evaluate(async (id) => {
    const link = document.querySelector<HTMLAnchorElement>(`a[href="/chat/${id}"]`);
    if (!link) throw new Error("no link");
    const t0 = performance.now();
    link.click();
    const done = () =>
      [...document.querySelectorAll('[data-testid="message-assistant"]')].some((el) =>
        el.textContent?.includes("Done with 1999."),
      );
    while (!done()) await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - t0;
  }, longId);
  await expect(chat.content(chat.lastReply())).toContainText("Done with 1999.");
  console.log(`sidebar ${Math.round(sidebarMs)} ms, open ${Math.round(openMs)} ms`);
  test.info().annotations.push({ type: "bench", description: JSON.stringify({ sidebarMs, openMs }) });

  // Only what is near the viewport is in the DOM, and scrolling up reaches the start.
  expect(await chat.assistantMessages.count()).toBeLessThan(60);
  await page.getByRole("log", { name: t("chat.log.label") }).evaluate((el) => {
    el.scrollTop = 0;
  });
  await expect(chat.userMessages.first()).toContainText("Question 0:");
});

test("a 100 KB reply at 200 chunks/s leaves the main thread free", async ({ page, t }) => {
  test.setTimeout(120_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel("Qwen/Qwen2.5-7B-Instruct");
  const phrase = "typing while it streams";
  // The same typing with nothing streaming, as the yardstick for this machine.
  let t0 = Date.now();
  await chat.input.pressSequentially(phrase, { delay: 20 });
  const idleTypingMs = Date.now() - t0;
  await chat.input.fill("");

  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __events: number[] };
    w.__long = [];
    w.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: "longtask", buffered: false });
    // Event Timing: from the key press to the next frame painted after it (what INP measures).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (/^key|input/.test(e.name)) w.__events.push(e.duration);
    }).observe({ type: "event", durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
  await chat.ask("[[long:100]] [[rate:200]] A very long reply, please.");
  // While it streams, the page takes input at once.
  await expect(chat.content(chat.lastReply())).not.toBeEmpty();
  t0 = Date.now();
  await chat.input.pressSequentially(phrase, { delay: 20 });
  const typingMs = Date.now() - t0;
  await expect(chat.input).toHaveValue(phrase);
  await chat.waitForStatus(chat.lastReply(), "complete", 60_000);
  await expect.poll(async () => (await chat.answer(chat.lastReply())).length).toBeGreaterThan(80_000);
  const { long, events } = await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __events: number[] };
    return { long: w.__long, events: w.__events };
  });
  const worst = Math.max(0, ...long);
  const slowestKey = Math.max(0, ...events);
  console.log(
    `long tasks: ${long.length}, worst ${Math.round(worst)} ms, slowest key ${Math.round(slowestKey)} ms, typing ${typingMs} ms (idle ${idleTypingMs} ms)`,
  );
  test.info().annotations.push({
    type: "bench",
    description: JSON.stringify({ longTasks: long.length, worstTaskMs: worst, slowestKeyMs: slowestKey, typingMs }),
  });
});
