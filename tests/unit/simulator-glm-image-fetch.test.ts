import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LogEntry, type RunningSimulator, simControl, startSimulator } from "@/lib/simulator";
import { encodePng } from "@/lib/simulator/png";

// The simulated GLM downloads image links before it answers, as GLM does, and logs what it got:
// end-to-end tests read that to prove the provider really retrieved an image from the app.

const GLM = "/glm/api/paas/v4";
const PNG = encodePng(2, 2, Buffer.alloc(12, 200));

let sim: RunningSimulator;
let images: Server;
let origin = "";

beforeAll(async () => {
  // The image server is on 127.0.0.1, which real GLM could not reach: these tests opt in.
  sim = await startSimulator({
    config: { chatChunkDelayMs: 0, imageFetchTimeoutMs: 500, imageFetchAllowPrivate: true },
  });
  images = createServer((req, res) => {
    if (req.url === "/cat.png") res.writeHead(200, { "content-type": "image/png" }).end(PNG);
    else if (req.url === "/page.png") res.writeHead(200, { "content-type": "text/html" }).end("<h1>hi</h1>");
    else if (req.url === "/slow.png") setTimeout(() => res.writeHead(200).end(PNG), 2_000);
    else res.writeHead(404, { "content-type": "application/json" }).end('{"error":"gone"}');
  });
  await new Promise<void>((resolve) => images.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
});
afterAll(async () => {
  images.closeAllConnections();
  await new Promise((resolve) => images.close(resolve));
  await sim.close();
});
beforeEach(() => simControl(sim.url).reset());

async function ask(model: string, url: string) {
  const res = await fetch(`${sim.url}${GLM}/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer k", "content-type": "application/json" },
    body: JSON.stringify({
      model,
      messages: [
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url } },
            { type: "text", text: "What is this?" },
          ],
        },
      ],
    }),
  });
  const body = (await res.json()) as { error?: { code: string; message: string }; choices?: unknown[] };
  const entries = await simControl(sim.url).log();
  return { status: res.status, body, entry: entries.at(-1) as LogEntry };
}

describe("GLM vision with image links", () => {
  it("downloads the image and answers; the log says what came back", async () => {
    const { status, body, entry } = await ask("glm-4v-flash", `${origin}/cat.png`);
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain("1 attached");
    expect(entry.imageFetches).toEqual([
      { url: `${origin}/cat.png`, ok: true, status: 200, bytes: PNG.length, contentType: "image/png" },
    ]);
  });

  it.each([
    ["a missing image", "/missing.png", 404],
    ["an HTML page", "/page.png", 200],
    ["a link that times out", "/slow.png", 0],
  ])("fails with GLM's error body on %s", async (_name, path, fetched) => {
    const { status, body, entry } = await ask("glm-4v-plus", `${origin}${path}`);
    expect(status).toBe(400);
    expect(body.error?.code).toBe("1214");
    expect(entry.imageFetches?.[0]).toMatchObject({ ok: false, status: fetched });
  });

  it("fetches only under the allowed prefixes when told to (the in-process demo simulator)", async () => {
    await simControl(sim.url).config({ imageFetchPrefixes: [`${origin}/allowed/`] });
    const { status, entry } = await ask("glm-4v-flash", `${origin}/cat.png`);
    expect(status).toBe(400);
    expect(entry.imageFetches?.[0]).toMatchObject({ ok: false, status: 0, bytes: 0 });
  });

  it("refuses private and loopback hosts by default, as GLM on the internet cannot reach them", async () => {
    await simControl(sim.url).config({ imageFetchAllowPrivate: false });
    for (const url of [
      `${origin}/cat.png`,
      "http://localhost:9/cat.png",
      "http://[::1]:9/cat.png",
      "http://10.1.2.3/x.png",
    ]) {
      const { status, body, entry } = await ask("glm-4v-flash", url);
      expect(status).toBe(400);
      expect(body.error?.code).toBe("1214");
      expect(entry.imageFetches?.[0]).toMatchObject({ ok: false, status: 0, bytes: 0 });
      expect(entry.imageFetches?.[0]?.error).toMatch(/private or loopback/);
    }
  });

  it("still refuses base64 on glm-4v-flash and takes it on glm-4v-plus", async () => {
    const inline = `data:image/png;base64,${PNG.toString("base64")}`;
    expect((await ask("glm-4v-flash", inline)).body.error?.code).toBe("1214");
    expect((await ask("glm-4v-plus", inline)).status).toBe(200);
  });
});
