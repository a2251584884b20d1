import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { sleep } from "@/lib/upstream/abort";

// A local HTTP server standing in for the provider, shared by the upstream client tests.
// Importing this module registers its hooks in the importing test file.

type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => void;

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  closedEarly: boolean;
}

let server: http.Server;

/** The local upstream: tests set `handler` and read what it saw. */
export const local = {
  base: "",
  handler: ((_req, res) => json(res, 200, { ok: true })) as Handler,
  seen: [] as Seen[],
  closeEvents: 0,
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const entry: Seen = {
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body: "",
      closedEarly: false,
    };
    const index = local.seen.length;
    local.seen.push(entry);
    res.on("close", () => {
      if (!res.writableFinished) {
        entry.closedEarly = true;
        local.closeEvents++;
      }
    });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      entry.body = Buffer.concat(chunks).toString("utf8");
      local.handler(req, res, index);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  local.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  local.seen = [];
  local.closeEvents = 0;
  local.handler = (_req, res) => json(res, 200, { ok: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

export const opts = { apiKey: "test-key", connectTimeoutMs: 2000, firstByteTimeoutMs: 2000 } as const;
export const withBase = () => ({ ...opts, baseUrl: local.base });

export async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected the promise to reject");
}

export async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(10);
  }
}

/** No backoff wait in tests that are not about timing. */
export const noJitter = () => vi.spyOn(Math, "random").mockReturnValue(0);
