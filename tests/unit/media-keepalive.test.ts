import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadToBuffer } from "@/lib/media/safe-fetch";

describe("downloadProviderMedia on a kept-alive socket", () => {
  let server: http.Server;
  let origin: string;
  const sockets = new Map<object, number>();

  beforeAll(async () => {
    // The second request on a connection finds it closed, as when a server drops an idle socket
    // just as the client reuses it. A new connection is served.
    server = http.createServer((req, res) => {
      const n = (sockets.get(req.socket) ?? 0) + 1;
      sockets.set(req.socket, n);
      if (n > 1) return req.socket.destroy();
      res.writeHead(200, { "content-type": "image/png", "content-length": "4" });
      res.end(Buffer.from([137, 80, 78, 71]));
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The configured "provider" is this local server, as the simulator is in tests.
    process.env.SILICONFLOW_API_KEY = "test-key";
    process.env.SILICONFLOW_BASE_URL = `${origin}/siliconflow/v1`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it("sends a GET again on a new socket when the reused one was closed", async () => {
    const first = await downloadToBuffer(`${origin}/a.png`, { maxBytes: 1024 });
    const second = await downloadToBuffer(`${origin}/b.png`, { maxBytes: 1024 });
    expect(first.bytes.length).toBe(4);
    expect(second.bytes.length).toBe(4);
    // Two connections: the first (its second request dropped) and the retry's.
    expect(sockets.size).toBe(2);
  });
});
