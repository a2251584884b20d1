import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A Pages Router API route (pages/api/*.ts) served by a plain Node server on a free port, as Next
// serves it: Node's request and response, over real HTTP. `fetch` turns a web Request into a real
// request to it, so tests written for App Router handlers (Request in, Response out) call it alike.

export interface ServedRoute {
  url: string;
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

export async function serveRoute(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void,
): Promise<ServedRoute> {
  const server = http.createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      // A handler must never throw: it answers errors itself. Make a throw loud in the test.
      console.error("[serveRoute] handler threw", err);
      res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    fetch: (request) => {
      const target = new URL(request.url);
      return fetch(`${url}${target.pathname}${target.search}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
        duplex: "half",
      } as RequestInit);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
