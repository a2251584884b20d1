import { afterEach, describe, expect, it } from "vitest";
import { nodeApiHandler } from "@/lib/http/node-handler";
import { type ServedRoute, serveRoute } from "./node-route";

// The Pages Router adapter (lib/http/node-handler.ts) over real HTTP: what an App Router route did for
// free (405, body caps, abort on disconnect, cookies, a broken body) it must do itself.

let served: ServedRoute | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

const post = (url: string, body: BodyInit, init: RequestInit = {}) =>
  fetch(`${url}/api/x`, { method: "POST", body, ...init, duplex: "half" } as RequestInit);

describe("nodeApiHandler", () => {
  it("answers another method with 405, Allow and the app's bilingual error body", async () => {
    served = await serveRoute(nodeApiHandler(async () => new Response("never"), { method: "POST" }));
    const res = await fetch(`${served.url}/api/x`);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    const { error } = (await res.json()) as { error: { code: string; message: { en: string; zh: string } } };
    expect(error.code).toBe("bad_request");
    expect(error.message.en).toContain("POST");
    expect(error.message.zh).toContain("POST");
  });

  it("hands the handler the body, the headers and the session, and writes its status, headers and cookies", async () => {
    served = await serveRoute(
      nodeApiHandler(
        async (request, { session }) => {
          const text = Buffer.from(await request.bytes(1024)).toString("utf8");
          const headers = new Headers({ "x-echo": request.headers.get("x-test") ?? "none" });
          headers.append("set-cookie", "a=1; Path=/");
          headers.append("set-cookie", "b=2; Path=/");
          return new Response(`${session.sid}:${text}`, { status: 201, headers });
        },
        { method: "POST" },
      ),
    );
    const res = await post(served.url, "héllo", { headers: { "x-test": "yes" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-echo")).toBe("yes");
    // The handler's own cookies, then the new visitor's anonymous session (no ACCESS_CODE here).
    const [a, b, anonymous] = res.headers.getSetCookie();
    expect([a, b]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(anonymous).toMatch(/^sp_anon=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    const [sid, text] = (await res.text()).split(":");
    expect(sid).toMatch(/^[\w-]{22}$/);
    expect(text).toBe("héllo");
  });

  it("refuses a body that streams past the cap with 413, and one declared past it before reading", async () => {
    let reads = 0;
    served = await serveRoute(
      nodeApiHandler(
        async (request) => {
          reads++;
          await request.bytes(1000);
          return new Response("read");
        },
        { method: "POST", maxBodyBytes: 1000 },
      ),
    );
    const declared = await post(served.url, "x".repeat(5000));
    expect(declared.status).toBe(413);
    expect(reads).toBe(0);
    const streamed = await post(served.url, new Blob(["x".repeat(200_000)]).stream());
    expect(streamed.status).toBe(413);
    expect(reads).toBe(1);
    expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });

  it("aborts the handler's signal when the client goes away mid-response, and not after a complete one", async () => {
    const signals: AbortSignal[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    served = await serveRoute(
      nodeApiHandler(
        async (request) => {
          signals.push(request.signal);
          const encoder = new TextEncoder();
          const short = request.headers.get("x-short") === "1";
          return new Response(
            new ReadableStream({
              async start(controller) {
                controller.enqueue(encoder.encode("first"));
                if (short) controller.close();
                else await released;
              },
            }),
          );
        },
        { method: "POST" },
      ),
    );
    const done = await post(served.url, "{}", { headers: { "x-short": "1" } });
    expect(await done.text()).toBe("first");

    const controller = new AbortController();
    const res = await post(served.url, "{}", { signal: controller.signal });
    const reader = res.body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe("first");
    controller.abort();
    for (let i = 0; i < 100 && !signals[1]?.aborted; i++) await new Promise((r) => setTimeout(r, 10));
    release();
    expect(signals[1]?.aborted).toBe(true);
    expect(signals[0]?.aborted).toBe(false);
  });

  it("cuts the connection when the body fails after its first chunk, so the client never sees a clean end", async () => {
    served = await serveRoute(
      nodeApiHandler(
        async () =>
          new Response(
            new ReadableStream({
              pull(controller) {
                controller.enqueue(new TextEncoder().encode("partial"));
                controller.error(new Error("source broke"));
              },
            }),
          ),
        { method: "POST" },
      ),
    );
    // Whether the headers got out before the cut is a race; a complete body never is.
    const read = post(served.url, "{}").then((res) => res.text());
    await expect(read).rejects.toThrow();
  });
});
