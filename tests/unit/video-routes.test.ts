import { beforeAll, describe, expect, it } from "vitest";
import { withSimulatedProviders } from "./simulated-providers";

// The three video routes against the real simulator over HTTP (the production code path).

let routes: {
  submit: (r: Request) => Promise<Response>;
  status: (r: Request) => Promise<Response>;
  content: (r: Request) => Promise<Response>;
};

const { control } = withSimulatedProviders({ key: "unit-key" });
beforeAll(async () => {
  // Read once by getEnv(), so set before the routes are imported and first called.
  routes = {
    submit: (await import("@/app/api/video/submit/route")).POST,
    status: (await import("@/app/api/video/status/route")).POST,
    content: (await import("@/app/api/video/content/route")).POST,
  };
});

const req = (body: unknown) =>
  new Request("http://app.test/api/video", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const T2V = "Wan-AI/Wan2.2-T2V-A14B";

async function submit(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await routes.submit(req({ model: T2V, prompt: "a fox in snow", size: "1280x720", ...extra }));
  expect(res.status).toBe(200);
  return ((await res.json()) as { requestId: string }).requestId;
}

async function waitFor(requestId: string, status: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const body = (await (await routes.status(req({ requestId }))).json()) as Record<string, unknown>;
    if (body.status === status) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never reached ${status}`);
}

describe("video routes", () => {
  it("submit maps the fields and is tried once, even on a retryable 503", async () => {
    await control.config({ videoQueueMs: 200, videoRunMs: 200 });
    await submit({ negativePrompt: "blur", seed: 5 });
    const [entry] = (await control.log()).filter((e) => e.path === "/video/submit");
    expect(entry?.body).toEqual({
      model: T2V,
      prompt: "a fox in snow",
      image_size: "1280x720",
      negative_prompt: "blur",
      seed: 5,
    });
    expect(entry?.headers.authorization).toBe("Bearer unit-key");

    await control.reset();
    await control.fault({ fault: "overloaded", path: "/video/submit", times: 3 });
    const res = await routes.submit(req({ model: T2V, prompt: "x", size: "1280x720" }));
    expect(res.status).toBe(503);
    expect((await control.log()).filter((e) => e.path === "/video/submit")).toHaveLength(1);
  });

  it("status reports the queue position and never the result URL; content streams the MP4", async () => {
    await control.config({ videoQueueMs: 1500, videoRunMs: 100 });
    const requestId = await submit();
    const queued = (await (await routes.status(req({ requestId }))).json()) as Record<string, unknown>;
    expect(queued).toMatchObject({ status: "InQueue" });
    expect(queued.position).toBeGreaterThanOrEqual(1);
    const done = await waitFor(requestId, "Succeed");
    expect(JSON.stringify(done)).not.toMatch(/https?:/);
    const res = await routes.content(req({ requestId }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(4, 8))).toBe("ftyp");
  });

  it("content answers 409 before the job ends, 422 with the reason when it failed", async () => {
    await control.config({ videoQueueMs: 300, videoRunMs: 100 });
    const requestId = await submit();
    expect((await routes.content(req({ requestId }))).status).toBe(409);
    const failing = await submit({ prompt: "bad [[fail]]" });
    await waitFor(failing, "Failed");
    const res = await routes.content(req({ requestId: failing }));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { detail: string } }).error.detail).toContain("safety");
  });

  it("an expired link is `expired` (410); a link to a private address is refused", async () => {
    await control.config({ videoQueueMs: 0, videoRunMs: 0, videoUrlTtlMs: 0 });
    const expired = await submit();
    const res = await routes.content(req({ requestId: expired }));
    expect(res.status).toBe(410);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("expired");

    await control.config({ videoUrlTtlMs: 600_000, resultUrlOverride: "http://169.254.169.254/latest/meta-data" });
    const ssrf = await submit();
    const refused = await routes.content(req({ requestId: ssrf }));
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unsafe_url");
  });

  it("refuses a non-video model and an I2V model without an image, before calling the provider", async () => {
    const chat = await routes.submit(req({ model: "Qwen/Qwen3-8B", prompt: "x", size: "1280x720" }));
    expect(chat.status).toBe(400);
    const i2v = await routes.submit(req({ model: "Wan-AI/Wan2.2-I2V-A14B", prompt: "x", size: "1280x720" }));
    expect(i2v.status).toBe(400);
    expect((await control.log()).filter((e) => e.path.startsWith("/video"))).toHaveLength(0);
  });
});
