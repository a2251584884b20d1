// @vitest-environment jsdom
// Micro-benchmark of the incremental renderer in jsdom: stream a long reply in fixed-size chunks
// (100 KB in 500 chunks, then 200 KB in 1000) and measure every update.
//
// Asserted, because they do not depend on the machine: the work done, as characters handed to the
// parser and Block renders per update. Linear rendering parses each character a bounded number of
// times whatever the reply's length; re-parsing the message per update would grow with it.
// Reported only: wall-clock per update (early vs late medians) and 200 KB vs 100 KB totals, which
// on a shared machine are noise; `npm run bench render` measures time in Chromium.
import { act, cleanup, render } from "@testing-library/react";
import { afterAll, describe, expect, it, vi } from "vitest";
import { blockRenderProbe, Markdown } from "@/components/chat/markdown/markdown";
import { I18nProvider } from "@/lib/i18n/client";
import { longMarkdown } from "@/lib/simulator/longform";

const parsed = vi.hoisted(() => ({ chars: 0 }));
vi.mock("@/components/chat/markdown/parse", async (importOriginal) => {
  const mod = await importOriginal<typeof import("@/components/chat/markdown/parse")>();
  return {
    ...mod,
    parseBlock: (text: string, defs: string, final: boolean) => {
      parsed.chars += text.length;
      return mod.parseBlock(text, defs, final);
    },
  };
});

const CHUNKS_PER_100KB = 500;
const results: Record<string, unknown> = {};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function stream(kb: number, seed: number) {
  const text = longMarkdown(kb, seed);
  const chunks = Math.round((CHUNKS_PER_100KB * kb) / 100);
  const size = Math.ceil(text.length / chunks);
  const ui = (t: string, streaming: boolean) => (
    <I18nProvider initialLocale="en">
      <Markdown text={t} streaming={streaming} />
    </I18nProvider>
  );
  const view = render(ui("", true));
  let blockRenders = 0;
  blockRenderProbe.onRender = () => blockRenders++;
  parsed.chars = 0;
  const times: number[] = [];
  for (let at = size; at < text.length + size; at += size) {
    const t0 = performance.now();
    act(() => view.rerender(ui(text.slice(0, at), at < text.length)));
    times.push(performance.now() - t0);
  }
  blockRenderProbe.onRender = null;
  const root = view.container.firstElementChild!;
  const blocks = [...root.children].reduce((n, segment) => n + segment.childElementCount, 0);
  cleanup();
  // Skip the first tenth (JIT warm-up) for the early figure, and the final update for the late one.
  const tenth = Math.max(1, Math.floor(times.length / 10));
  const early = median(times.slice(tenth, 2 * tenth));
  const late = median(times.slice(-tenth - 1, -1));
  return {
    kb,
    chunks: times.length,
    blocks,
    parseAmplification: +(parsed.chars / text.length).toFixed(2),
    blockRendersPerUpdate: +(blockRenders / times.length).toFixed(2),
    totalMs: Math.round(times.reduce((a, b) => a + b, 0)),
    earlyMedianMs: +early.toFixed(2),
    lateMedianMs: +late.toFixed(2),
    lateOverEarly: +(late / early).toFixed(2),
  };
}

describe("incremental render cost (jsdom)", () => {
  afterAll(() => {
    console.log(`[markdown bench] ${JSON.stringify(results)}`);
  });

  it("does work per update that does not grow with the reply", { timeout: 300_000 }, () => {
    stream(10, 1); // warm-up: module init and JIT
    const r100 = stream(100, 42);
    const r200 = stream(200, 42);
    Object.assign(results, { r100, r200, time200over100: +(r200.totalMs / r100.totalMs).toFixed(2) });
    // Each character is parsed a few times (once per update while its block is the tail, once
    // when final), independent of length; a whole-message re-parse per update would be ~250×
    // at 100 KB and ~500× at 200 KB.
    expect(r100.parseAmplification).toBeLessThan(12);
    expect(r200.parseAmplification / r100.parseAmplification).toBeLessThan(1.25);
    // Only the tail and the blocks that just finished render on an update.
    expect(r100.blockRendersPerUpdate).toBeLessThan(3);
    expect(r200.blockRendersPerUpdate).toBeLessThan(3);
  });
});
