import { describe, expect, it } from "vitest";
import { bestColumns } from "@/lib/compare/best";
import {
  type CompareState,
  compareSettled,
  createCompare,
  type ModelRef,
  planCompare,
  reduceCompare,
} from "@/lib/compare/scheduler";
import { describeModel } from "@/lib/providers/catalog";

const FLASH: ModelRef = { provider: "glm", id: "glm-4v-flash" };
const V3: ModelRef = { provider: "siliconflow", id: "deepseek-ai/DeepSeek-V3" };
const R1: ModelRef = { provider: "siliconflow", id: "deepseek-ai/DeepSeek-R1" };
// The catalog's own limits: GLM-4V-Flash serves 10 at once (upstream-contract.md).
const concurrencyOf = (m: ModelRef) => describeModel(m.provider, m.id).concurrency;

const startAll = (state: CompareState, now = 0) => {
  const plan = planCompare(state, { now, concurrencyOf });
  return { plan, state: plan.start.reduce((s, id) => reduceCompare(s, { type: "started", id }), state) };
};

describe("compare scheduler", () => {
  it("takes 2 to 4 models", () => {
    expect(() => createCompare([V3])).toThrow(RangeError);
    expect(() => createCompare([V3, R1, V3, R1, V3])).toThrow(RangeError);
    expect(createCompare([V3, R1]).columns.map((c) => c.status)).toEqual(["idle", "idle"]);
  });

  it("starts every column at once when no limit applies", () => {
    const { plan } = startAll(reduceCompare(createCompare([V3, R1, FLASH]), { type: "send" }));
    expect(plan).toEqual({ start: ["column-1", "column-2", "column-3"], wakeAt: null });
  });

  it("holds a column back while its model is at the provider's concurrency limit, then starts it", () => {
    expect(concurrencyOf(FLASH)).toBe(10);
    let state = reduceCompare(createCompare([FLASH, FLASH, V3]), { type: "send" });
    // Nine GLM-4V-Flash requests already run elsewhere in the tab: one slot is left.
    const elsewhere = { "glm:glm-4v-flash": 9 };
    const first = planCompare(state, { now: 0, concurrencyOf, inFlightElsewhere: elsewhere });
    expect(first.start).toEqual(["column-1", "column-3"]);
    state = first.start.reduce((s, id) => reduceCompare(s, { type: "started", id }), state);
    expect(planCompare(state, { now: 0, concurrencyOf, inFlightElsewhere: elsewhere }).start).toEqual([]);
    state = reduceCompare(state, { type: "finished", id: "column-1" });
    expect(planCompare(state, { now: 0, concurrencyOf, inFlightElsewhere: elsewhere }).start).toEqual(["column-2"]);
  });

  it("a provider's 429 fails its own column and leaves the others running", () => {
    let { state } = startAll(reduceCompare(createCompare([V3, R1]), { type: "send" }));
    state = reduceCompare(state, {
      type: "failed",
      id: "column-1",
      at: 1000,
      error: { code: "rate_limited", provider: "siliconflow", retryAfterMs: 5000 },
    });
    expect(state.columns.map((c) => c.status)).toEqual(["failed", "running"]);
    expect(state.columns[0]?.error?.code).toBe("rate_limited");
    expect(state.appBlockedUntil).toBe(0);
    state = reduceCompare(state, { type: "finished", id: "column-2" });
    expect(state.columns[1]?.status).toBe("done");
    expect(compareSettled(state)).toBe(true);
  });

  it("this app's own 429 holds back the columns not yet started until Retry-After, not the running ones", () => {
    let state = reduceCompare(createCompare([V3, R1, FLASH, V3]), { type: "send" });
    // Only the first two got out before this app's limiter answered 429 to the third.
    state = reduceCompare(reduceCompare(state, { type: "started", id: "column-1" }), {
      type: "started",
      id: "column-2",
    });
    state = reduceCompare(state, { type: "started", id: "column-3" });
    state = reduceCompare(state, {
      type: "failed",
      id: "column-3",
      at: 10_000,
      error: { code: "rate_limited", retryAfterMs: 4000 },
    });
    expect(state.appBlockedUntil).toBe(14_000);
    expect(state.columns.map((c) => c.status)).toEqual(["running", "running", "failed", "queued"]);
    expect(planCompare(state, { now: 12_000, concurrencyOf })).toEqual({ start: [], wakeAt: 14_000 });
    expect(planCompare(state, { now: 14_000, concurrencyOf }).start).toEqual(["column-4"]);
    // Retry queues the failed column again.
    state = reduceCompare(state, { type: "retry", id: "column-3" });
    expect(planCompare(state, { now: 14_000, concurrencyOf }).start).toEqual(["column-3", "column-4"]);
  });

  it("Stop ends one column; a follow-up send queues every column that is not running", () => {
    let { state } = startAll(reduceCompare(createCompare([V3, R1]), { type: "send" }));
    state = reduceCompare(state, { type: "stopped", id: "column-2" });
    expect(state.columns.map((c) => c.status)).toEqual(["running", "stopped"]);
    expect(compareSettled(state)).toBe(false);
    state = reduceCompare(state, { type: "send" });
    expect(state.columns.map((c) => c.status)).toEqual(["running", "queued"]);
    // Events for a column in the wrong state change nothing.
    expect(reduceCompare(state, { type: "finished", id: "column-2" })).toEqual(state);
  });
});

describe("fastest and cheapest marks", () => {
  it("marks the shortest finished column and the cheapest priced one", () => {
    expect(
      bestColumns([
        { id: "a", totalMs: 3000, cost: 0.02 },
        { id: "b", totalMs: 1200, cost: 0.05 },
        { id: "c", totalMs: null, cost: 0 },
        { id: "d", totalMs: 2000, cost: null },
      ]),
    ).toEqual({ fastest: "b", cheapest: "a" });
  });

  it("marks nothing with fewer than two finished columns, and no cheapest without two prices", () => {
    expect(bestColumns([{ id: "a", totalMs: 10, cost: 0 }])).toEqual({ fastest: null, cheapest: null });
    expect(
      bestColumns([
        { id: "a", totalMs: 10, cost: null },
        { id: "b", totalMs: 20, cost: 0.1 },
      ]),
    ).toEqual({ fastest: "a", cheapest: null });
  });
});
