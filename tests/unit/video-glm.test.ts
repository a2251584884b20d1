import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseGlmStatus } from "@/lib/video/server/provider-status";
import { withSimulatedProviders } from "./simulated-providers";

// GLM CogVideoX and Wan2.2 image-to-video through the same three video routes the browser's durable
// job pipeline uses, against the simulator over HTTP: submit answers {provider, requestId}, status
// and content take the same pair.

let routes: Record<"submit" | "status" | "content", (r: Request) => Promise<Response>>;

const { control } = withSimulatedProviders({ key: "unit-key", env: { GLM_API_KEY: "unit-glm-key" }, reset: false });
beforeAll(async () => {
  routes = {
    submit: (await import("@/app/api/video/submit/route")).POST,
    status: (await import("@/app/api/video/status/route")).POST,
    content: (await import("@/app/api/video/content/route")).POST,
  };
});
beforeEach(async () => {
  await control.reset();
  await control.config({ videoQueueMs: 150, videoRunMs: 150 });
});

const req = (body: unknown) =>
  new Request("http://app.test/api/video", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const JPEG =
  "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AVN//2Q==";

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

async function waitFor(provider: string, requestId: string, status: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const body = await json(await routes.status(req({ provider, requestId })));
    if (body.status === status) return body;
    if (body.status === "Failed" || body.status === "Succeed") throw new Error(`ended as ${String(body.status)}`);
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`never reached ${status}`);
}

describe("GLM CogVideoX through the video routes", () => {
  it("submits a first-and-last-frame job with sound, polls it to Succeed, and serves the clip and its cover", async () => {
    // Long enough that the first status read still finds the job running on a busy machine.
    await control.config({ videoQueueMs: 1000, videoRunMs: 1000 });
    const res = await routes.submit(
      req({
        provider: "glm",
        model: "cogvideox-3",
        prompt: "a paper boat drifts across the pond",
        frames: [PNG, JPEG],
        withAudio: true,
        size: "1920x1080",
        fps: 60,
        duration: 10,
        jobId: "job-42",
      }),
    );
    expect(res.status).toBe(200);
    const { provider, requestId } = (await res.json()) as { provider: string; requestId: string };
    expect(provider).toBe("glm");
    const [submitted] = (await control.log()).filter((e) => e.path === "/videos/generations");
    // The exact body GLM's video API takes: the frames as a list of two, the job row's id as request_id.
    expect(submitted?.body).toEqual({
      model: "cogvideox-3",
      prompt: "a paper boat drifts across the pond",
      with_audio: true,
      image_url: [PNG, JPEG],
      size: "1920x1080",
      fps: 60,
      duration: 10,
      request_id: "job-42",
    });
    expect(submitted?.headers.authorization).toBe("Bearer unit-glm-key");

    // GLM reports PROCESSING with no queue position: the app's InProgress.
    const first = await json(await routes.status(req({ provider: "glm", requestId })));
    expect(first).toEqual({ status: "InProgress" });
    expect((await routes.content(req({ provider: "glm", requestId }))).status).toBe(409);

    const done = await waitFor("glm", requestId, "Succeed");
    expect(done).toEqual({ status: "Succeed", cover: true });
    const polled = (await control.log()).filter((e) => e.provider === "glm" && e.path.startsWith("/async-result/"));
    expect(polled[0]?.method).toBe("GET");
    expect(polled[0]?.path).toBe(`/async-result/${requestId}`);

    const clip = await routes.content(req({ provider: "glm", requestId }));
    expect(clip.status).toBe(200);
    expect(clip.headers.get("content-type")).toBe("video/mp4");
    expect(new TextDecoder().decode(new Uint8Array(await clip.arrayBuffer()).slice(4, 8))).toBe("ftyp");
    const cover = await routes.content(req({ provider: "glm", requestId, part: "cover" }));
    expect(cover.status).toBe(200);
    expect(cover.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await cover.arrayBuffer()).slice(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
  });

  it("takes a start image alone (no prompt) and sends one image as a string", async () => {
    const res = await routes.submit(req({ provider: "glm", model: "cogvideox-3", prompt: "", frames: [PNG] }));
    expect(res.status).toBe(200);
    const [submitted] = (await control.log()).filter((e) => e.path === "/videos/generations");
    // No size: GLM then keeps the image's proportions with a 1080 short side (its video API reference).
    expect(submitted?.body).toEqual({ model: "cogvideox-3", image_url: PNG });
  });

  it("reports a failed task as Failed, and content as 422", async () => {
    const res = await routes.submit(req({ provider: "glm", model: "cogvideox-flash", prompt: "[[fail]] a storm" }));
    const { requestId } = (await res.json()) as { requestId: string };
    let status: Record<string, unknown> = {};
    for (let i = 0; i < 100 && status.status !== "Failed"; i++) {
      status = await json(await routes.status(req({ provider: "glm", requestId })));
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(status.status).toBe("Failed");
    expect((await routes.content(req({ provider: "glm", requestId }))).status).toBe(422);
  });

  it("refuses what CogVideoX does not take before calling GLM", async () => {
    const cases: Record<string, unknown>[] = [
      // First and last frame work in speed mode only.
      { model: "cogvideox-3", prompt: "x", frames: [PNG, PNG], quality: "quality" },
      // The free model takes one image.
      { model: "cogvideox-flash", prompt: "x", frames: [PNG, PNG] },
      { model: "cogvideox-3", prompt: "x", fps: 24 },
      { model: "cogvideox-3", prompt: "x", duration: 7 },
      { model: "cogvideox-3", prompt: "x", size: "1280x1280" },
      { model: "cogvideox-3", prompt: "x", seed: 3 },
      { model: "cogvideox-3", prompt: "x", negativePrompt: "blur" },
      { model: "cogvideox-3", prompt: "x".repeat(513) },
      { model: "cogvideox-3", prompt: "" },
      // GLM takes png and jpeg only.
      { model: "cogvideox-3", prompt: "x", frames: ["data:image/webp;base64,UklGRg=="] },
    ];
    for (const body of cases) {
      const res = await routes.submit(req({ provider: "glm", ...body }));
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(400);
    }
    expect((await control.log()).filter((e) => e.provider === "glm")).toHaveLength(0);
  });

  it("a task GLM does not know ends the job as a bad request", async () => {
    const res = await routes.status(req({ provider: "glm", requestId: "123456" }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });
});

describe("Wan2.2 image-to-video", () => {
  it("sends the start image and the size the model requires", async () => {
    const res = await routes.submit(
      req({ model: "Wan-AI/Wan2.2-I2V-A14B", prompt: "the boat sails off", size: "960x960", frames: [PNG] }),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { provider: string }).provider).toBe("siliconflow");
    const [submitted] = (await control.log()).filter((e) => e.path === "/video/submit");
    expect(submitted?.body).toEqual({
      model: "Wan-AI/Wan2.2-I2V-A14B",
      prompt: "the boat sails off",
      image_size: "960x960",
      image: PNG,
    });
  });

  it("refuses GLM-only fields, a last frame and a CogVideoX size for Wan", async () => {
    for (const extra of [{ fps: 30 }, { withAudio: true }, { frames: [PNG, PNG] }, { size: "1920x1080" }]) {
      const res = await routes.submit(
        req({ model: "Wan-AI/Wan2.2-I2V-A14B", prompt: "x", size: "960x960", frames: [PNG], ...extra }),
      );
      expect(res.status, JSON.stringify(extra)).toBe(400);
    }
    expect((await control.log()).filter((e) => e.path === "/video/submit")).toHaveLength(0);
  });
});

describe("parseGlmStatus", () => {
  it("reads the three states, keeps links on the server, and is tolerant", () => {
    expect(parseGlmStatus({ task_status: "PROCESSING" })).toEqual({ reply: { status: "InProgress" } });
    const done = parseGlmStatus({
      task_status: "SUCCESS",
      video_result: [{ url: "https://x.ufileos.com/v.mp4", cover_image_url: "https://x.ufileos.com/c.png" }],
    });
    expect(done).toEqual({
      reply: { status: "Succeed", cover: true },
      videoUrl: "https://x.ufileos.com/v.mp4",
      coverUrl: "https://x.ufileos.com/c.png",
    });
    expect(parseGlmStatus({ task_status: "FAIL" }).reply).toEqual({ status: "Failed" });
    expect(parseGlmStatus({ task_status: "FAIL", error: { message: "unsafe" } }).reply.reason).toBe("unsafe");
    expect(parseGlmStatus({ task_status: "SUCCESS", video_result: [] }).reply.status).toBe("Failed");
    expect(parseGlmStatus("junk").reply.status).toBe("InProgress");
  });
});
