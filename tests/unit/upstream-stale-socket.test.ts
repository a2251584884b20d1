import type { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { upstreamJson } from "@/lib/upstream/client";
import { caught, json, local, withBase } from "./upstream-client-harness";

// A provider closes idle keep-alive sockets; a request that picks such a socket from the pool just
// then fails with ECONNRESET before any answer. Jobs that cost money run with retries off, so this
// one case must still be sent again, once, on a new connection (lib/upstream/transport.ts).
describe("a reset on a pooled keep-alive socket", () => {
  it("is sent again on a new connection, even with retries off", async () => {
    const sockets: Socket[] = [];
    local.handler = (req, res, index) => {
      sockets.push(req.socket);
      // The second request arrives on the first one's socket: drop it as an idle-closing server would.
      if (index === 1 && req.socket === sockets[0]) req.socket.destroy();
      else json(res, 200, { n: index });
    };
    await upstreamJson("siliconflow", "/images/generations", { ...withBase(), json: { n: 0 }, maxAttempts: 1 });
    const out = await upstreamJson<{ n: number }>("siliconflow", "/images/generations", {
      ...withBase(),
      json: { n: 1 },
      maxAttempts: 1,
    });
    expect(sockets[1]).toBe(sockets[0]);
    expect(out).toEqual({ n: 2 });
    expect(local.seen).toHaveLength(3);
    expect(sockets[2]).not.toBe(sockets[0]);
  });

  it("is sent again only once: a reset on the new connection is the user's network error", async () => {
    let resetting = false;
    local.handler = (req, res) => {
      if (resetting) req.socket.destroy();
      else json(res, 200, {});
    };
    await upstreamJson("siliconflow", "/images/generations", { ...withBase(), json: {}, maxAttempts: 1 });
    resetting = true;
    const err = await caught(
      upstreamJson("siliconflow", "/images/generations", { ...withBase(), json: {}, maxAttempts: 1 }),
    );
    expect(err.code).toBe("network");
    expect(err.detail).toMatch(/ECONNRESET/);
    // The warm-up, the try on the pooled socket, and one on a new connection: no more.
    expect(local.seen).toHaveLength(3);
  });
});
