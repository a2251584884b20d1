import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningSimulator, type SimControl, simControl, startSimulator } from "@/lib/simulator";

let sim: RunningSimulator;
let control: SimControl;

beforeAll(async () => {
  sim = await startSimulator();
  control = simControl(sim.url);
});
afterAll(() => sim.close());
beforeEach(() => control.reset());

const SF = "/siliconflow/v1";

async function post<T = Record<string, unknown>>(base: string, route: string, body: unknown) {
  const res = await fetch(`${sim.url}${base}${route}`, {
    method: "POST",
    headers: { authorization: "Bearer sk-test", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

type ImageResult = { images: { url: string }[]; timings: { inference: number }; seed: number };

const generate = (body: Record<string, unknown>) =>
  post<ImageResult>(SF, "/images/generations", { model: "black-forest-labs/FLUX.1-schnell", ...body });

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("images", () => {
  it("returns batch_size real PNGs of the requested size, with timings and the seed", async () => {
    const { status, body } = await generate({
      model: "Kwai-Kolors/Kolors",
      prompt: "a lighthouse",
      image_size: "320x200",
      batch_size: 3,
      seed: 7,
    });
    expect(status).toBe(200);
    expect(body.seed).toBe(7);
    expect(body.timings.inference).toBeGreaterThan(0);
    expect(body.images).toHaveLength(3);
    for (const { url } of body.images) {
      expect(url).toMatch(new RegExp(`^${sim.url}/files/images/\\w+\\.png\\?.*Expires=`));
      const png = await download(url);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.toString("ascii", 12, 16)).toBe("IHDR");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([320, 200]);
    }
  });

  it("differs by prompt and by seed, and repeats for the same prompt and seed", async () => {
    const first = async (prompt: string, seed: number) =>
      download((await generate({ prompt, seed, image_size: "128x128" })).body.images[0]?.url ?? "");
    const base = await first("a cat", 1);
    expect((await first("a cat", 1)).equals(base)).toBe(true);
    expect((await first("a dog", 1)).equals(base)).toBe(false);
    expect((await first("a cat", 2)).equals(base)).toBe(false);
  });

  it("picks a random seed when none is given", async () => {
    const { body } = await generate({ prompt: "x", image_size: "64x64" });
    expect(Number.isInteger(body.seed)).toBe(true);
  });

  it("stops serving an image after imageUrlTtlMs with an OSS-style 403", async () => {
    await control.config({ imageUrlTtlMs: 150 });
    const url = (await generate({ prompt: "short-lived", image_size: "64x64" })).body.images[0]?.url ?? "";
    expect((await fetch(url)).status).toBe(200);
    await sleep(200);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/<Code>AccessDenied<\/Code>[\s\S]*Request has expired/);
    expect((await fetch(`${sim.url}/files/images/unknown.png`)).status).toBe(404);
  });

  it("points results at resultUrlOverride when set", async () => {
    await control.config({ resultUrlOverride: "http://169.254.169.254/latest/meta-data" });
    const { body } = await generate({ model: "Kwai-Kolors/Kolors", prompt: "x", image_size: "64x64", batch_size: 2 });
    expect(body.images.map((i) => i.url)).toEqual(Array(2).fill("http://169.254.169.254/latest/meta-data"));
  });

  it("validates the request", async () => {
    const code = async (body: Record<string, unknown>) => {
      const res = await generate(body);
      return [res.status, (res.body as unknown as { code: number }).code];
    };
    expect(await code({ prompt: "x", model: "nope" })).toEqual([400, 20012]);
    expect(await code({})).toEqual([400, 20015]);
    expect(await code({ prompt: "x" })).toEqual([400, 20015]); // image_size is required
    expect(await code({ prompt: "x", image_size: "64x64", model: "Kwai-Kolors/Kolors", batch_size: 5 })).toEqual([
      400, 20015,
    ]);
    expect(await code({ prompt: "x", image_size: "big" })).toEqual([400, 20015]);
    expect(await code({ prompt: "x", image_size: "64x64", seed: 99_999_999_999 })).toEqual([400, 20015]);
    expect(await code({ prompt: "x", image_size: "64x64", model: "Kwai-Kolors/Kolors", image: "/etc/passwd" })).toEqual(
      [400, 20015],
    );
    expect(await code({ prompt: "x", model: "Qwen/Qwen-Image-Edit" })).toEqual([400, 20015]);
    const edit = await generate({
      prompt: "x",
      model: "Qwen/Qwen-Image-Edit",
      image: "data:image/png;base64,iVBORw0KGgo=",
    });
    expect(edit.status).toBe(200);
  });

  it("serves CogView images in GLM's shape", async () => {
    const { status, body } = await post<{ created: number; data: { url: string }[] }>(
      "/glm/api/paas/v4",
      "/images/generations",
      { model: "cogview-3-flash", prompt: "a kite", size: "512x512" },
    );
    expect(status).toBe(200);
    expect(body.created).toBeGreaterThan(0);
    const png = await download(body.data[0]?.url ?? "");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

type Status = {
  status: string;
  reason: string;
  position?: number;
  results: { videos: { url: string }[]; timings: { inference: number }; seed: number } | null;
};

async function pollUntilDone(requestId: string): Promise<Status[]> {
  const seen: Status[] = [];
  for (let i = 0; i < 200; i++) {
    const { body } = await post<Status>(SF, "/video/status", { requestId });
    seen.push(body);
    if (body.status === "Succeed" || body.status === "Failed") return seen;
    await sleep(25);
  }
  throw new Error("video never finished");
}

describe("video", () => {
  it("moves InQueue → InProgress → Succeed and serves a real MP4", async () => {
    await control.config({ videoQueueMs: 300, videoRunMs: 300 });
    const submit = await post<{ requestId: string }>(SF, "/video/submit", {
      model: "Wan-AI/Wan2.2-T2V-A14B",
      prompt: "waves at dusk",
      image_size: "1280x720",
      seed: 5,
    });
    expect(submit.status).toBe(200);
    const seen = await pollUntilDone(submit.body.requestId);
    const order = [...new Set(seen.map((s) => s.status))];
    expect(order).toEqual(["InQueue", "InProgress", "Succeed"]);
    expect(seen[0]?.position).toBeGreaterThanOrEqual(1);
    const done = seen.at(-1);
    expect(done?.results?.seed).toBe(5);
    const mp4 = await download(done?.results?.videos[0]?.url ?? "");
    expect(mp4.toString("ascii", 4, 8)).toBe("ftyp");
    expect(mp4.length).toBeGreaterThan(1000);

    const partial = await fetch(done?.results?.videos[0]?.url ?? "", { headers: { range: "bytes=0-99" } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 0-99/${mp4.length}`);
    expect((await partial.arrayBuffer()).byteLength).toBe(100);
  });

  it("counts the queue position down", async () => {
    await control.config({ videoQueueMs: 2500, videoRunMs: 100 });
    const { body } = await post<{ requestId: string }>(SF, "/video/submit", {
      model: "Wan-AI/Wan2.2-T2V-A14B",
      prompt: "x",
      image_size: "1280x720",
    });
    const first = (await post<Status>(SF, "/video/status", body)).body;
    await sleep(1100);
    const later = (await post<Status>(SF, "/video/status", body)).body;
    expect(first.status).toBe("InQueue");
    expect(later.status).toBe("InQueue");
    expect(later.position).toBeLessThan(first.position ?? 0);
  });

  it("fails a [[fail]] prompt with a reason after the queue phase", async () => {
    await control.config({ videoQueueMs: 100, videoRunMs: 100 });
    const { body } = await post<{ requestId: string }>(SF, "/video/submit", {
      model: "Wan-AI/Wan2.2-T2V-A14B",
      prompt: "[[fail]] a storm",
      image_size: "1280x720",
    });
    const seen = await pollUntilDone(body.requestId);
    expect(seen.at(-1)?.status).toBe("Failed");
    expect(seen.at(-1)?.reason).toMatch(/\w+/);
    expect(seen.at(-1)?.results).toBeNull();
  });

  it("expires the video link after videoUrlTtlMs", async () => {
    await control.config({ videoQueueMs: 0, videoRunMs: 0, videoUrlTtlMs: 150 });
    const { body } = await post<{ requestId: string }>(SF, "/video/submit", {
      model: "Wan-AI/Wan2.2-T2V-A14B",
      prompt: "x",
      image_size: "1280x720",
    });
    const url = (await pollUntilDone(body.requestId)).at(-1)?.results?.videos[0]?.url ?? "";
    expect((await fetch(url)).status).toBe(200);
    await sleep(200);
    expect((await fetch(url)).status).toBe(403);
  });

  it("validates submissions and request ids", async () => {
    const i2v = await post(SF, "/video/submit", {
      model: "Wan-AI/Wan2.2-I2V-A14B",
      prompt: "x",
      image_size: "960x960",
    });
    expect(i2v.status).toBe(400);
    const ok = await post(SF, "/video/submit", {
      model: "Wan-AI/Wan2.2-I2V-A14B",
      prompt: "x",
      image_size: "960x960",
      image: "data:image/png;base64,iVBORw0KGgo=",
    });
    expect(ok.status).toBe(200);
    expect(
      (await post(SF, "/video/submit", { model: "Wan-AI/Wan2.2-T2V-A14B", prompt: "x", image_size: "1x1" })).status,
    ).toBe(400);
    expect((await post(SF, "/video/submit", { model: "Wan-AI/Wan2.2-T2V-A14B" })).status).toBe(400);
    expect((await post(SF, "/video/submit", { model: "nope", prompt: "x" })).body).toMatchObject({ code: 20012 });
    const unknown = await post(SF, "/video/status", { requestId: "does-not-exist" });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 20015 });
  });
});
