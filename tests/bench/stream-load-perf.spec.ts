import { ChatPage } from "../e2e/pages/chat-page";
import { expect, test } from "../e2e/support/fixtures";
import { seed } from "./support/seed-long";

// Benchmark, not a test of timings (`npm run bench history -- stream-load-perf` prints the figures):
// issue 25's targets 4 and 5. Only behaviour is asserted (the replies complete, the typed text
// arrives, the thread stays virtualized).
//   4. Typing into the composer while a 100 KB reply streams into a conversation that already holds
//      2,000 messages: keystroke-to-paint (Event Timing) p95, target ≤ 50 ms.
//   5. Ten 100 KB replies streamed into one conversation: the tab's JS heap and DOM node count after
//      a forced GC, targets ≤ 150 MB and ≤ 5,000 nodes.

/** Event Timing for key and input events; entries under 16 ms are not reported by the browser. */
const WATCH_KEYS = `(() => {
  const w = window;
  w.__keys = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (/^key|^input|^beforeinput/.test(e.name)) w.__keys.push({ name: e.name, duration: e.duration });
  }).observe({ type: "event", durationThreshold: 16, buffered: false });
})()`;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

test("typing while a 100 KB reply streams into a 2,000-message conversation", async ({ page, t }) => {
  test.setTimeout(180_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  const longId = await seed(page, 200, 2_000);
  await chat.goto(`/chat/${longId}`);
  await expect(chat.log).toHaveAttribute("data-count", "2000");
  // A 1M-token context and output cap: the 2,000 messages fit with room for a 100 KB answer (a 32K model's
  // window, filled by the history, would leave the reply about 4,000 tokens).
  await chat.pickModel("deepseek-ai/DeepSeek-V4-Flash");
  await page.evaluate(WATCH_KEYS);
  await chat.ask("[[long:100]] [[rate:200]] [[chunk:23]] A very long reply, please.");
  await expect(chat.content(chat.lastReply())).not.toBeEmpty();
  // One keystroke every 50 ms for as long as the reply streams (a fast typist), counted.
  const phrase = "typing while it streams ";
  let typed = "";
  while ((await chat.lastReply().getAttribute("data-status")) === "streaming" && typed.length < 2_000) {
    await chat.input.pressSequentially(phrase, { delay: 50 });
    typed += phrase;
  }
  await expect(chat.input).toHaveValue(typed);
  await chat.waitForStatus(chat.lastReply(), "complete", 90_000);
  const keys = (await page.evaluate(() => (window as unknown as { __keys: { duration: number }[] }).__keys)).map(
    (k) => k.duration,
  );
  // Each character is a keydown, keypress, beforeinput, input and keyup: five events.
  const events = typed.length * 5;
  // Unreported events took under 16 ms: count them as 16 (an upper bound) for the percentile.
  const all = [...keys, ...Array.from({ length: Math.max(0, events - keys.length) }, () => 16)];
  const p95 = percentile(all, 95);
  const figures = {
    characters: typed.length,
    reportedOver16ms: keys.length,
    p50: percentile(all, 50),
    p95,
    max: Math.max(0, ...keys),
  };
  console.log(`typing in a 2,000-message conversation while streaming: ${JSON.stringify(figures)}`);
  test.info().annotations.push({ type: "bench", description: JSON.stringify(figures) });
});

test("ten 100 KB replies in one conversation: heap and DOM after GC", async ({ page, t }) => {
  test.setTimeout(300_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  // A model whose output cap holds 100 KB: with a 4K-token cap (Qwen2.5-7B, the earlier choice) each
  // "100 KB" reply stopped at ~15 KB, cut by max tokens.
  await chat.pickModel("deepseek-ai/DeepSeek-V4-Flash");
  for (let i = 0; i < 10; i++) {
    await chat.ask(`[[long:100]] [[rate:1000]] Long reply number ${i + 1}, please.`);
    await chat.waitForStatus(chat.lastReply(), "complete", 90_000);
    // Not cut short: no "stopped at the token limit" notice.
    await expect(chat.lastReply().getByTestId("finish-notice")).toHaveCount(0);
  }
  await expect(chat.log).toHaveAttribute("data-count", "20");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
  // Where the elements are: the thread, each rendered row, and segments kept as empty boxes.
  const where = await page.evaluate(() => {
    const log = document.querySelector('[role="log"]');
    return {
      inThread: log?.getElementsByTagName("*").length ?? 0,
      perRow: [...(log?.querySelectorAll("[data-row-id]") ?? [])].map((r) => r.getElementsByTagName("*").length),
      segmentsOut: document.querySelectorAll('[data-segment="out"]').length,
      textNodes: document.createTreeWalker(document, NodeFilter.SHOW_TEXT).nextNode()
        ? (() => {
            const w = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
            let n = 0;
            while (w.nextNode()) n++;
            return n;
          })()
        : 0,
    };
  });
  // Nodes the Nodes metric counts that are not in the document: detached subtrees something still
  // holds after GC (a cache, a closure, an observer), each named by its root's tag and test id.
  await cdp.send("DOM.enable");
  await cdp.send("DOM.getDocument", { depth: 0 });
  const { detachedNodes } = await cdp.send("DOM.getDetachedDomNodes");
  const detachedRoots = detachedNodes.map((d) => {
    const attrs = d.treeNode.attributes ?? [];
    const attr = (name: string) => {
      const k = attrs.indexOf(name);
      return k >= 0 && k % 2 === 0 ? attrs[k + 1] : undefined;
    };
    const name = attr("data-testid") ?? attr("data-segment") ?? attr("class")?.slice(0, 30) ?? "";
    return `${d.treeNode.nodeName.toLowerCase()}${name ? `[${name}]` : ""}×${d.retainedNodeIds.length}`;
  });
  const figures = {
    heapUsedMB: Math.round((heap.usedSize / 1024 / 1024) * 10) / 10,
    jsHeapUsedMB: Math.round((metric("JSHeapUsedSize") / 1024 / 1024) * 10) / 10,
    domElements: domNodes,
    domNodes: metric("Nodes"),
    ...where,
    detachedRetained: detachedNodes.reduce((n, d) => n + d.retainedNodeIds.length, 0),
    detachedRoots: detachedRoots.slice(0, 12),
  };
  console.log(`ten 100 KB replies, after GC: ${JSON.stringify(figures)}`);
  test.info().annotations.push({ type: "bench", description: JSON.stringify(figures) });
  // The thread is virtualized: far fewer rows on the page than messages in it.
  expect(await chat.assistantMessages.count()).toBeLessThan(10);
});
