import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSimulator, startSimulator } from "@/lib/simulator";
import { type ServedRoute, serveRoute } from "./node-route";
import { requestFrom, serveWeb, type WebHandler, type WebServer } from "./web-route";

// The README's nginx advice for issue 17 finding 1: `proxy_set_header X-Forwarded-For
// $proxy_add_x_forwarded_for` and TRUSTED_PROXY_HOPS=1. The proxy below does what that nginx line
// does: it appends the address it accepted the connection from to whatever X-Forwarded-For the
// client sent. The app must then count that address, the real client, and nothing the client wrote.

let sim: RunningSimulator;
let web: WebServer;
let chat: ServedRoute;
let proxy: http.Server;
let proxyUrl: string;
const LIMIT = 2;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, config: { chatChunkDelayMs: 0 } });
  process.env.SILICONFLOW_API_KEY = "test-key-proxy";
  process.env.SILICONFLOW_BASE_URL = `${sim.url}/siliconflow/v1`;
  process.env.RATE_LIMIT_PER_MINUTE = String(LIMIT);
  process.env.TRUSTED_PROXY_HOPS = "1";
  delete process.env.ACCESS_CODE;
  web = await serveWeb({ "/api/speech": (await import("@/app/api/speech/route")).POST as WebHandler });
  chat = await serveRoute((await import("@/pages/api/chat")).default);
  proxy = http.createServer((req, res) => {
    const target = new URL(req.url ?? "/", req.url?.startsWith("/api/chat") ? chat.url : web.url);
    const prior = req.headers["x-forwarded-for"];
    const peer = req.socket.remoteAddress ?? "";
    const headers = { ...req.headers, "x-forwarded-for": prior ? `${prior}, ${peer}` : peer };
    const upstream = http.request(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((r) => proxy.close(r));
  await web.close();
  await chat.close();
  await sim.close();
  delete process.env.TRUSTED_PROXY_HOPS;
});

const post = (from: string, path: string, extra: Record<string, string> = {}) =>
  requestFrom(from, `${proxyUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...extra },
    body: "{}",
  });

describe("behind one trusted proxy (TRUSTED_PROXY_HOPS=1)", () => {
  it("counts the real client, whatever X-Forwarded-For it sends, on both kinds of route", async () => {
    for (const [path, client, neighbour] of [
      ["/api/speech", "127.0.0.31", "127.0.0.33"],
      ["/api/chat", "127.0.0.32", "127.0.0.34"],
    ] as const) {
      const statuses: number[] = [];
      for (let i = 1; i <= LIMIT + 2; i++) {
        statuses.push(
          (await post(client, path, { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `198.51.100.${i}` })).status,
        );
      }
      expect(statuses, path).toEqual([400, 400, 429, 429]);
      // Through the same proxy, another client keeps its own count, even when it claims to be the first.
      expect((await post(neighbour, path, { "x-forwarded-for": client })).status, path).toBe(400);
    }
  });
});
