import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { ImageRequest } from "@/lib/images/contract";
import { generateImages, readProviderResult } from "@/lib/images/server/generate";
import { withSimulatedProviders } from "./simulated-providers";

// generateImages against the real simulator over HTTP: the provider call, the immediate download
// through the SSRF-checked fetcher, and the error paths a user meets (expired link, refused host).

const { control } = withSimulatedProviders();

const request = (over: Partial<ImageRequest> = {}): ImageRequest => ({
  provider: "siliconflow",
  model: "black-forest-labs/FLUX.1-schnell",
  prompt: "a lighthouse at dusk",
  size: "768x512",
  ...over,
});

const PNG_1x1 =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("generateImages", () => {
  it("returns the bytes of every result with the seed, size and timings", async () => {
    const res = await generateImages(
      request({ model: "Kwai-Kolors/Kolors", size: "768x1024", batchSize: 4, seed: 42, steps: 4, jobId: "job-7" }),
    );
    expect(res.images).toHaveLength(4);
    expect(res.seed).toBe(42);
    expect(res).toMatchObject({ jobId: "job-7", references: 0 });
    expect(res.failed).toEqual([]);
    expect(res.timings.inferenceMs).toBeGreaterThan(0);
    // The provider's inference is part of the request: never longer than our call to it.
    expect(res.timings.inferenceMs).toBeLessThanOrEqual(res.timings.upstreamMs);
    for (const image of res.images) {
      expect(image).toMatchObject({ mime: "image/png", width: 768, height: 1024 });
      expect(Buffer.from(image.data, "base64").length).toBe(image.bytes);
    }
    const [call] = (await control.log()).filter((e) => e.path === "/images/generations");
    expect(call?.body).toEqual({
      model: "Kwai-Kolors/Kolors",
      prompt: "a lighthouse at dusk",
      image_size: "768x1024",
      batch_size: 4,
      seed: 42,
      num_inference_steps: 4,
    });
    // Each result was downloaded once, right away.
    expect((await control.log()).filter((e) => e.provider === "files")).toHaveLength(4);
  });

  it("sends a reference image inline and guidance as cfg for Qwen-Image-Edit, with no image_size", async () => {
    const res = await generateImages(
      request({ model: "Qwen/Qwen-Image-Edit", size: undefined, references: [PNG_1x1], guidance: 4 }),
    );
    expect(res.references).toBe(1);
    const [call] = (await control.log()).filter((e) => e.path === "/images/generations");
    expect(call?.body).toMatchObject({ image: PNG_1x1, cfg: 4 });
    expect(call?.body).not.toHaveProperty("image_size");
  });

  it("calls GLM CogView with `size` and no seed", async () => {
    const res = await generateImages(request({ provider: "glm", model: "cogview-3-flash", size: "1024x1024" }));
    expect(res.seed).toBeNull();
    expect(res.images[0]).toMatchObject({ width: 1024, height: 1024 });
    const [call] = (await control.log()).filter((e) => e.provider === "glm");
    expect(call?.body).toEqual({ model: "cogview-3-flash", prompt: "a lighthouse at dusk", size: "1024x1024" });
  });

  it("fails with `expired` when the link is dead before the download", async () => {
    await control.config({ imageUrlTtlMs: 0 });
    expect((await failure(generateImages(request()))).code).toBe("expired");
  });

  it("refuses a result URL outside the provider's media hosts without fetching it", async () => {
    await control.config({ resultUrlOverride: "http://169.254.169.254/latest/meta-data/" });
    expect((await failure(generateImages(request()))).code).toBe("unsafe_url");
    await control.config({ resultUrlOverride: "https://evil.example/x.png" });
    expect((await failure(generateImages(request()))).code).toBe("unsafe_url");
  });

  it("makes one paid call only: a rate limit is not retried", async () => {
    await control.fault({ fault: "rate-limit", path: "/images/generations", times: 3 });
    expect((await failure(generateImages(request()))).code).toBe("rate_limited");
    expect((await control.log()).filter((e) => e.path === "/images/generations")).toHaveLength(1);
  });

  it("reports moderation as content_blocked", async () => {
    await control.fault({ fault: "glm-1301", path: "/images/generations" });
    expect((await failure(generateImages(request()))).code).toBe("content_blocked");
  });

  it("refuses values the model does not take before calling the provider", async () => {
    const cases: Partial<ImageRequest>[] = [
      { size: "1328x1328" },
      { model: "Qwen/Qwen-Image", size: "1328x1328", batchSize: 2 },
      { batchSize: 2 },
      { steps: 50 },
      { guidance: 3 },
      { references: [PNG_1x1] },
      { model: "Qwen/Qwen-Image-Edit", size: undefined },
      { model: "Qwen/Qwen-Image-Edit", size: "1328x1328", references: [PNG_1x1] },
      { model: "Qwen/Qwen-Image-Edit", size: undefined, references: [PNG_1x1, PNG_1x1] },
      { provider: "glm", model: "cogview-4", size: "1024x1024", quality: "hd" },
      { provider: "glm", model: "cogview-4", size: "1024x1024", seed: 1 },
      { model: "Qwen/Qwen2.5-7B-Instruct" },
    ];
    for (const over of cases) {
      const err = await failure(generateImages(request(over)));
      expect(err.code, JSON.stringify(over)).toBe("bad_request");
    }
    expect(await control.log()).toEqual([]);
  });

  it("keeps the images that downloaded and reports the ones that did not", async () => {
    let n = 0;
    const res = await generateImages(request({ model: "Kwai-Kolors/Kolors", size: "1024x1024", batchSize: 3 }), {
      download: async () => {
        n += 1;
        if (n === 2) throw new AppError("expired");
        return { bytes: Buffer.from(PNG_1x1.split(",")[1] ?? "", "base64"), contentType: "image/png" };
      },
    });
    expect(res.images).toHaveLength(2);
    expect(res.failed.map((f) => f.code)).toEqual(["expired"]);
  });

  it("never stores a non-image answer as an image", async () => {
    const err = await failure(
      generateImages(request(), {
        download: async () => ({ bytes: Buffer.from("<html>hi</html>"), contentType: "image/png" }),
      }),
    );
    expect(err.code).toBe("upstream_error");
  });
});

describe("readProviderResult", () => {
  it("reads both providers' shapes and ignores junk", () => {
    expect(
      readProviderResult({ images: [{ url: "u1" }, { url: 3 }, {}], seed: 5, timings: { inference: 1.5 } }),
    ).toEqual({
      urls: ["u1"],
      seeds: [undefined],
      seed: 5,
      inferenceSeconds: 1.5,
    });
    // A provider that seeds each image separately: each image's own seed is kept.
    expect(
      readProviderResult({
        images: [
          { url: "a", seed: 11 },
          { url: "b", seed: 12 },
        ],
        seed: 11,
      }).seeds,
    ).toEqual([11, 12]);
    expect(readProviderResult({ created: 1, data: [{ url: "g" }] }).urls).toEqual(["g"]);
    expect(readProviderResult("nope").urls).toEqual([]);
    expect(readProviderResult({ images: Array(9).fill({ url: "x" }) }).urls).toHaveLength(4);
  });
});
