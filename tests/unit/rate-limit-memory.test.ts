import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { boundedKey, MemoryStore } from "@/lib/security/rate-limit";

// Issue 17 finding 2: 6,000 logins with unique 15 KB forwarded headers grew the server by 250 MB and
// kept 107 MB two minutes later, because entries were swept only past 50,000 keys. The store now
// bounds each key, sweeps by time, and caps its bytes.

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("MemoryStore", () => {
  it("sweeps expired windows by time, with far fewer than 50,000 keys", async () => {
    let now = 1_000_000;
    const store = new MemoryStore({ now: () => now, sweepEveryMs: 10_000 });
    for (let i = 0; i < 1000; i++) await store.hit(`ip:10.0.${i >> 8}.${i & 255}`, 60_000);
    expect(store.size).toBe(1000);
    now += 61_000;
    await store.hit("ip:203.0.113.1", 60_000);
    expect(store.size).toBe(1);
  });

  it("keeps its bytes under the cap however many keys arrive, dropping the oldest windows first", async () => {
    const store = new MemoryStore({ maxBytes: 256 * 1024 });
    for (let i = 0; i < 50_000; i++) await store.hit(`ip:${i}`, 60_000);
    expect(store.bytes).toBeLessThanOrEqual(256 * 1024);
    expect(store.size).toBeGreaterThan(1000);
    // The newest key still counts; the oldest was dropped to make room.
    expect((await store.hit("ip:49999", 60_000)).count).toBe(2);
    expect((await store.hit("ip:0", 60_000)).count).toBe(1);
  });

  it("stores a long key as a fixed-size digest, so one request cannot make an entry large", () => {
    const long = `login:${"9".repeat(15_000)}`;
    expect(boundedKey(long).length).toBeLessThanOrEqual(96);
    expect(boundedKey(long)).toBe(boundedKey(long));
    expect(boundedKey(`${long}0`)).not.toBe(boundedKey(long));
    expect(boundedKey("ip:203.0.113.1")).toBe("ip:203.0.113.1");
  });

  it("does not grow the heap without bound under many unique 15 KB keys", async () => {
    const store = new MemoryStore();
    const before = heapUsed();
    // 6,000 unique 15 KB keys: ~90 MB of key text if the keys were kept as they came.
    for (let i = 0; i < 6000; i++) await store.hit(`login:${String(i).padStart(15_000, "-")}`, 60_000);
    const grown = heapUsed() - before;
    expect(store.size).toBe(6000);
    expect(grown).toBeLessThan(8 * 1024 * 1024);
  });
});
