import { afterEach, describe, expect, it, vi } from "vitest";
import type { HighlightRequest } from "@/components/chat/markdown/highlight-types";

// The page side of the highlighter against a stand-in Worker (Node has no DOM Worker): what is
// checked is how many requests reach the worker, which a real worker would not change.
class CountingWorker {
  static posted: HighlightRequest[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  postMessage(request: HighlightRequest) {
    CountingWorker.posted.push(request);
    setTimeout(() => this.onmessage?.({ data: { id: request.id, tokens: [[[request.code, "#111", "#eee", 0]]] } }), 5);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
  CountingWorker.posted = [];
});

describe("highlight", () => {
  it("sends a block that several columns finish at once to the worker once", async () => {
    vi.stubGlobal("Worker", CountingWorker);
    const { highlight } = await import("@/components/chat/markdown/highlight");
    const results = await Promise.all([1, 2, 3, 4].map(() => highlight("print(1)", "python")));
    expect(CountingWorker.posted).toHaveLength(1);
    for (const tokens of results) expect(tokens).toEqual([[["print(1)", "#111", "#eee", 0]]]);
    // Settled: later asks are answered from the cache, and other code is still sent.
    await highlight("print(1)", "python");
    await highlight("print(2)", "python");
    expect(CountingWorker.posted.map((r) => r.code)).toEqual(["print(1)", "print(2)"]);
  });
});
