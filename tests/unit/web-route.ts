import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { installPeerStamp } from "@/lib/http/peer";

// App Router route handlers (Request in, Response out) served over real HTTP the way Next serves
// them: the socket address stamped by the same diagnostics-channel hook instrumentation.ts installs,
// a web Request built from Node's request (headers, the body as a stream, a signal that aborts when
// the client goes away), and the Response written back. Tests that need a real socket (the client's
// address, a proxy in front, slow or aborted bodies) use it; the rest call handlers directly.

export type WebHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[] | undefined>> },
) => Promise<Response>;

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export async function serveWeb(routes: Record<string, WebHandler>, host = "127.0.0.1"): Promise<WebServer> {
  installPeerStamp();
  const server = http.createServer((req, res) => {
    handle(routes, req, res).catch((err: unknown) => {
      console.error("[serveWeb] handler threw", err);
      res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handle(routes: Record<string, WebHandler>, req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const handler = routes[path];
  if (!handler) {
    res.statusCode = 404;
    res.end();
    return;
  }
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const bodyless = req.method === "GET" || req.method === "HEAD";
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers,
    body: bodyless ? undefined : (req as unknown as AsyncIterable<Uint8Array>),
    duplex: "half",
    signal: controller.signal,
  } as RequestInit);
  const response = await handler(request, { params: Promise.resolve({}) });
  res.statusCode = response.status;
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  if (cookies.length) res.setHeader("set-cookie", cookies);
  if (!response.body) {
    res.end();
    return;
  }
  try {
    for await (const chunk of Readable.fromWeb(response.body as import("node:stream/web").ReadableStream)) {
      if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
    }
    res.end();
  } catch {
    res.destroy();
  }
}

/** One HTTP request from a chosen local address (any of 127.0.0.0/8), answered with status, headers and body. */
export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: init.headers, localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}
