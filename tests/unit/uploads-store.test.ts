import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "@/lib/chat/contract";
import { AppError } from "@/lib/errors";
import { encodePng } from "@/lib/simulator/png";
import { isUploadUrl, publishInlineImages, tokenOfName, verifyInlineImage } from "@/lib/uploads/publish";
import { isToken, MemoryUploadStore, RedisUploadStore } from "@/lib/uploads/store";

// Images published for GLM-4V-Flash: what may be stored, how long it lives, and where.

const PNG = encodePng(4, 3, Buffer.alloc(36, 120));
// A minimal JPEG header: SOI, then a baseline SOF0 of 5×7 pixels.
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x07, 0x00, 0x05, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03,
  0x11, 0x01, 0xff, 0xd9,
]);
const dataUrl = (type: string, bytes: Uint8Array) => `data:${type};base64,${Buffer.from(bytes).toString("base64")}`;

describe("MemoryUploadStore", () => {
  it("answers a fresh token's bytes until the TTL, then nothing", async () => {
    let now = 1_000;
    const store = new MemoryUploadStore(1024 * 1024, () => now);
    const token = await store.put({ bytes: PNG, mediaType: "image/png" }, 10_000);
    expect(isToken(token)).toBe(true);
    expect((await store.get(token))?.bytes).toEqual(PNG);
    now += 9_999;
    expect(await store.get(token)).not.toBeNull();
    now += 1;
    expect(await store.get(token)).toBeNull();
    expect(store.size).toBe(0);
  });

  it("gives every upload its own unguessable token and refuses malformed ones", async () => {
    const store = new MemoryUploadStore();
    const tokens = new Set(
      await Promise.all([1, 2, 3].map(() => store.put({ bytes: PNG, mediaType: "image/png" }, 60_000))),
    );
    expect(tokens.size).toBe(3);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const bad of ["", "x", "../../etc/passwd", `${[...tokens][0]}x`, "A".repeat(43)]) {
      expect(await store.get(bad)).toBeNull();
    }
  });

  it("stays within its byte bound: expired entries first, then the oldest", async () => {
    let now = 0;
    const store = new MemoryUploadStore(3 * PNG.length, () => now);
    const a = await store.put({ bytes: PNG, mediaType: "image/png" }, 100);
    const b = await store.put({ bytes: PNG, mediaType: "image/png" }, 10_000);
    const c = await store.put({ bytes: PNG, mediaType: "image/png" }, 10_000);
    now = 200;
    const d = await store.put({ bytes: PNG, mediaType: "image/png" }, 10_000);
    expect(await store.get(a)).toBeNull();
    expect(await store.get(b)).not.toBeNull();
    const e = await store.put({ bytes: PNG, mediaType: "image/png" }, 10_000);
    expect(await store.get(b)).toBeNull();
    for (const t of [c, d, e]) expect(await store.get(t)).not.toBeNull();
    expect(store.size).toBe(3 * PNG.length);
  });
});

describe("verifyInlineImage", () => {
  it("takes JPEG and PNG by their bytes, whatever the data: URL claims", () => {
    expect(verifyInlineImage(dataUrl("image/png", PNG)).mediaType).toBe("image/png");
    expect(verifyInlineImage(dataUrl("text/plain", JPEG)).mediaType).toBe("image/jpeg");
  });

  it.each([
    ["HTML dressed as an image", dataUrl("image/png", Buffer.from("<html><script>alert(1)</script></html>"))],
    ["SVG", dataUrl("image/svg+xml", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))],
    ["GIF", dataUrl("image/gif", Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00", "latin1"))],
    ["not base64", "data:image/png,hello"],
    ["over 5 MB", dataUrl("image/jpeg", Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]))],
    ["over 6000 px", dataUrl("image/png", encodePngHeader(6001, 10))],
  ])("refuses %s with a 400", (_name, url) => {
    let thrown: unknown;
    try {
      verifyInlineImage(url);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(400);
    expect((thrown as AppError).messages.zh).toBeTruthy();
  });
});

/** Only the header of a PNG: enough for the size check, which comes before anything reads pixels. */
function encodePngHeader(width: number, height: number): Buffer {
  const header = Buffer.from(encodePng(1, 1, Buffer.alloc(3)));
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

describe("publishInlineImages", () => {
  it("turns every inline image into a link under PUBLIC_BASE_URL, once per distinct image", async () => {
    const store = new MemoryUploadStore();
    const image = { type: "file" as const, mediaType: "image/png", url: dataUrl("image/png", PNG) };
    const messages = [
      { id: "u1", role: "user", parts: [{ type: "text", text: "first" }, image] },
      { id: "a1", role: "assistant", parts: [{ type: "text", text: "ok" }] },
      {
        id: "u2",
        role: "user",
        parts: [image, { type: "file", mediaType: "image/jpeg", url: "https://x.test/a.jpg" }],
      },
    ] as ChatMessage[];
    const out = await publishInlineImages(messages, { publicBaseUrl: "https://play.test", ttlMs: 60_000, store });
    const urls = out.flatMap((m) => m.parts.flatMap((p) => (p.type === "file" ? [p.url] : [])));
    expect(urls[0]).toMatch(/^https:\/\/play\.test\/api\/uploads\/[A-Za-z0-9_-]{43}\.png$/);
    expect(urls[1]).toBe(urls[0]);
    expect(urls[2]).toBe("https://x.test/a.jpg");
    expect(isUploadUrl(urls[0] as string, "https://play.test")).toBe(true);
    expect(isUploadUrl(urls[0] as string, undefined)).toBe(false);
    expect(store.size).toBe(PNG.length);
    const name = (urls[0] as string).split("/").at(-1) as string;
    expect((await store.get(tokenOfName(name)))?.mediaType).toBe("image/png");
    expect(out[1]).toBe(messages[1]);
  });
});

// Several instances share published images through Redis; runs where redis-server is installed.
const hasRedis = (() => {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe.runIf(hasRedis)("RedisUploadStore", () => {
  let redis: ChildProcess;
  let url = "";

  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    url = `redis://127.0.0.1:${port}`;
    const { RedisClient } = await import("@/lib/security/redis");
    for (let i = 0; ; i++) {
      const client = new RedisClient(url);
      try {
        await client.command(["PING"]);
        client.close();
        break;
      } catch (err) {
        client.close();
        if (i > 50) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  afterAll(() => {
    redis?.kill();
  });

  it("shares uploads between two stores (instances), bytes intact, and lets Redis expire them", async () => {
    const a = new RedisUploadStore(url);
    const b = new RedisUploadStore(url);
    const binary = Buffer.concat([JPEG, Buffer.from([0x00, 0xff, 0x80, 0x0d, 0x0a, 0xc3, 0x28])]);
    const token = await a.put({ bytes: binary, mediaType: "image/jpeg" }, 300);
    const got = await b.get(token);
    expect(got?.mediaType).toBe("image/jpeg");
    expect(Buffer.from(got?.bytes ?? [])).toEqual(binary);
    expect(await b.get("A".repeat(43))).toBeNull();
    await new Promise((r) => setTimeout(r, 400));
    expect(await b.get(token)).toBeNull();
  });
});
