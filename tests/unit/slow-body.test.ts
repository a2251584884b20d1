import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bodyBudget } from "@/lib/http/body";
import { type ServedRoute, serveRoute } from "./node-route";
import { serveWeb, type WebHandler, type WebServer } from "./web-route";

// Issue 17 finding 10: 300 sockets trickling a request body stayed open for minutes, and every
// client that gave up mid-upload was logged as an unexpected error with a stack. Bodies now have a
// deadline and an idle timeout (set short here), and a client abort is one quiet line.

let web: WebServer;
let chat: ServedRoute;

beforeAll(async () => {
  process.env.SILICONFLOW_API_KEY = "test-key-slow";
  process.env.SILICONFLOW_BASE_URL = "http://127.0.0.1:9/v1";
  process.env.RATE_LIMIT_PER_MINUTE = "100000";
  process.env.REQUEST_BODY_IDLE_TIMEOUT_MS = "300";
  process.env.REQUEST_BODY_TIMEOUT_MS = "1500";
  delete process.env.ACCESS_CODE;
  web = await serveWeb({
    "/api/transcriptions": (await import("@/app/api/transcriptions/route")).POST as WebHandler,
    "/api/speech": (await import("@/app/api/speech/route")).POST as WebHandler,
  });
  chat = await serveRoute((await import("@/pages/api/chat")).default);
});

afterAll(async () => {
  await web.close();
  await chat.close();
  delete process.env.REQUEST_BODY_IDLE_TIMEOUT_MS;
  delete process.env.REQUEST_BODY_TIMEOUT_MS;
});

interface Sender {
  socket: net.Socket;
  /** Everything the server wrote back. */
  received(): string;
  /** Resolves when the server closed the connection. */
  closed: Promise<void>;
}

/** A raw connection that sends a request head declaring `length` bytes of body, then `first` of them. */
function open(url: string, path: string, type: string, length: number, first: string): Sender {
  const { port } = new URL(url);
  const socket = net.connect(Number(port), "127.0.0.1");
  let text = "";
  socket.on("data", (d) => {
    text += d.toString();
  });
  socket.on("error", () => undefined);
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\n\r\n${first}`,
  );
  return { socket, received: () => text, closed };
}

const MULTIPART = "multipart/form-data; boundary=slow";
const START = '--slow\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\n\r\nRIFF';

describe("slow request bodies", () => {
  it("are cut after the idle timeout when the sender stops", async () => {
    const upload = open(web.url, "/api/transcriptions", MULTIPART, 1_000_000, START);
    const chatting = open(chat.url, "/api/chat", "application/json", 10_000, '{"id":"c1","messages":[');
    await Promise.all([upload.closed, chatting.closed]);
    // The Pages API route says why before it closes.
    expect(chatting.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(chatting.received()).toContain("too slowly");
  });

  it("are cut at the deadline when the sender trickles bytes under the idle timeout", async () => {
    const senders = Array.from({ length: 30 }, (_, i) =>
      i % 2 === 0
        ? open(web.url, "/api/transcriptions", MULTIPART, 1_000_000, START)
        : open(chat.url, "/api/chat", "application/json", 1_000_000, "{"),
    );
    const trickle = setInterval(() => {
      for (const s of senders) if (!s.socket.destroyed) s.socket.write(" ");
    }, 100);
    try {
      await Promise.all(senders.map((s) => s.closed));
    } finally {
      clearInterval(trickle);
    }
    // Nothing they sent is still held.
    expect(bodyBudget().inUse).toBe(0);
  }, 20_000);
});

describe("a client that goes away mid-upload", () => {
  it("is logged as one quiet line, without a stack, and nothing is counted as a server error", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    try {
      for (const [url, path, type, first] of [
        [web.url, "/api/transcriptions", MULTIPART, START],
        [web.url, "/api/speech", "application/json", '{"input":"'],
        [chat.url, "/api/chat", "application/json", '{"id":"c1"'],
      ] as const) {
        const sender = open(url, path, type, 100_000, first);
        await new Promise((r) => setTimeout(r, 50));
        sender.socket.destroy();
        await sender.closed;
      }
      // Let the server notice each disconnect.
      await vi.waitFor(() => expect(info.mock.calls.length).toBeGreaterThanOrEqual(2), { timeout: 5000 });
      expect(error).not.toHaveBeenCalled();
      for (const [line, ...rest] of info.mock.calls) {
        expect(rest).toEqual([]);
        expect(String(line)).toMatch(
          /^\[api\] POST \/api\/\w+: the client closed the connection before the request finished$/,
        );
      }
      expect(bodyBudget().inUse).toBe(0);
    } finally {
      error.mockRestore();
      info.mockRestore();
    }
  });
});
