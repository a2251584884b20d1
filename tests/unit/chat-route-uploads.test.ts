import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encodePng } from "@/lib/simulator/png";
import { chatBody, type Harness, readChunks, resetSim, startHarness, textOf } from "./chat-harness";

// GLM-4V-Flash with PUBLIC_BASE_URL: /api/chat publishes each inline image under the app's public
// address and the (simulated) provider downloads it from there, as GLM does from the internet.

const FLASH = { provider: "glm", id: "glm-4v-flash" } as const;
const PNG = encodePng(8, 6, Buffer.alloc(8 * 6 * 3, 90));
const TTL_SECONDS = 2;

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let h: Harness;
let app: Server;
let origin = "";
let GET: RouteHandler;

beforeAll(async () => {
  // The app's public origin: a plain HTTP server in front of the uploads route.
  app = createServer(async (req, res) => {
    const name = decodeURIComponent((req.url ?? "").replace(/^\/api\/uploads\//, ""));
    const response = await GET(new Request(`${origin}${req.url}`, { method: req.method }), {
      params: Promise.resolve({ name }),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(req.method === "HEAD" ? undefined : Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  // The app publishes on 127.0.0.1, which real GLM could not reach: the simulated one is told it may.
  h = await startHarness({
    env: { PUBLIC_BASE_URL: origin, UPLOAD_URL_TTL_SECONDS: String(TTL_SECONDS) },
    simConfig: { imageFetchAllowPrivate: true },
  });
  ({ GET } = (await import("@/app/api/uploads/[name]/route")) as unknown as { GET: RouteHandler });
});
afterAll(async () => {
  app.closeAllConnections();
  await new Promise((resolve) => app.close(resolve));
  await h.close();
});
beforeEach(() => resetSim(h));

const withImage = (url: string) => ({
  id: "u1",
  role: "user",
  parts: [
    { type: "text", text: "What is this?" },
    { type: "file", mediaType: "image/png", url },
  ],
});

async function chatCalls() {
  return (await h.log()).filter((e) => e.provider === "glm" && e.path === "/chat/completions");
}

describe("GLM-4V-Flash through a published link", () => {
  it("sends a link under PUBLIC_BASE_URL that the provider fetches; it expires after the TTL", async () => {
    const dataUrl = `data:image/png;base64,${PNG.toString("base64")}`;
    const chunks = await readChunks(await h.post(chatBody(FLASH, [withImage(dataUrl)])));
    expect(textOf(chunks)).toContain("1 attached");

    const [call] = await chatCalls();
    const body = call?.body as { messages: { content: { type: string; image_url?: { url: string } }[] }[] };
    const url = body.messages[0]?.content.find((p) => p.type === "image_url")?.image_url?.url ?? "";
    expect(url).toMatch(new RegExp(`^${origin}/api/uploads/[A-Za-z0-9_-]{43}\\.png$`));
    expect(JSON.stringify(body)).not.toContain("base64");
    expect(call?.imageFetches).toEqual([{ url, ok: true, status: 200, bytes: PNG.length, contentType: "image/png" }]);

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-disposition")).toBe("inline");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(PNG.length));

    await new Promise((r) => setTimeout(r, TTL_SECONDS * 1000 + 100));
    const gone = await fetch(url);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("answers 404 with the app's error body for unknown tokens and odd names", async () => {
    for (const name of ["A".repeat(43), "x", "..%2F..%2Fetc%2Fpasswd", `${"B".repeat(43)}.html`]) {
      const res = await fetch(`${origin}/api/uploads/${name}`);
      expect(res.status, name).toBe(404);
      const json = (await res.json()) as { error: { code: string; message: { en: string; zh: string } } };
      expect(json.error.code).toBe("not_found");
      expect(json.error.message.zh).toBeTruthy();
    }
  });

  it("refuses an inline file that is not a JPEG or PNG before anything goes upstream", async () => {
    const html = `data:image/png;base64,${Buffer.from("<html><script>alert(1)</script>").toString("base64")}`;
    const res = await h.post(chatBody(FLASH, [withImage(html)]));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    expect(await chatCalls()).toHaveLength(0);
  });
});
