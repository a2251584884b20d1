import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildImageRequest, checkImageRequest, imageProviderCall } from "@/lib/images/request";
import { describeModel } from "@/lib/providers/catalog";
import { type ImageSpec, mediaIds, mediaSpec, type VideoSpec } from "@/lib/providers/media";
import { type RunningSimulator, startSimulator } from "@/lib/simulator";
import { buildVideoRequest, checkVideoRequest, videoProviderCall } from "@/lib/video/request";

// The per-model request builder, table-driven: every image and video model in the media tables is
// built with its own defaults, must pass our checks, and is then sent as the provider's body to the
// simulator, which applies the provider's rules independently (lib/simulator/image-rules.ts,
// glm-video.ts, video.ts). A field the model does not take is refused by both.

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

const BASE = { siliconflow: "/siliconflow/v1", glm: "/glm/api/paas/v4" } as const;
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const JPEG =
  "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AVN//2Q==";

async function send(provider: "siliconflow" | "glm", path: string, body: Record<string, unknown>) {
  const res = await fetch(`${sim.url}${BASE[provider]}${path}`, {
    method: "POST",
    headers: { authorization: "Bearer table-key", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

type Row = { provider: "siliconflow" | "glm"; id: string };
/** The media table's rows that the catalog lists as models of `kind`. */
const rows = (kind: "image" | "video"): Row[] =>
  (["siliconflow", "glm"] as const).flatMap((provider) =>
    mediaIds(provider)
      .filter((id) => describeModel(provider, id).type === kind)
      .map((id) => ({ provider, id })),
  );

describe("every image model: built from its spec, accepted by the simulator", () => {
  const images = rows("image");
  it("covers the edit, Kolors, Qwen and CogView models", () => {
    const ids = images.map((r) => r.id);
    for (const id of ["Qwen/Qwen-Image-Edit-2509", "Kwai-Kolors/Kolors", "Qwen/Qwen-Image", "cogview-4-250304"]) {
      expect(ids).toContain(id);
    }
  });

  it.each(images)("$provider $id", async ({ provider, id }) => {
    const spec = mediaSpec(provider, id, "image") as ImageSpec;
    const refs = spec.references ? Array.from({ length: spec.references.max }, () => PNG) : undefined;
    const req = buildImageRequest({ provider, id }, spec, {
      prompt: "a lighthouse",
      negativePrompt: "blur",
      seed: spec.seed ? 42 : undefined,
      steps: spec.steps?.default,
      guidance: spec.guidance?.default,
      batchSize: spec.batch ? 2 : undefined,
      quality: spec.quality?.default,
      references: refs,
    });
    expect(checkImageRequest(req, spec)).toEqual([]);
    const call = imageProviderCall(req, spec);
    const ok = await send(provider, call.path, call.body);
    expect(ok.status, ok.text).toBe(200);

    // One field the model does not take: our check names it, and the provider refuses it too.
    if (!spec.sizes) {
      expect(checkImageRequest({ ...req, size: "1024x1024" }, spec)[0]?.field).toBe("size");
      expect((await send(provider, call.path, { ...call.body, image_size: "1024x1024" })).status).toBe(400);
    } else if (!spec.batch && provider === "siliconflow") {
      expect(checkImageRequest({ ...req, batchSize: 2 }, spec)[0]?.field).toBe("batchSize");
      expect((await send(provider, call.path, { ...call.body, batch_size: 2 })).status).toBe(400);
    } else if (!spec.quality && provider === "glm") {
      expect(checkImageRequest({ ...req, quality: "hd" }, spec)[0]?.field).toBe("quality");
      expect((await send(provider, call.path, { ...call.body, quality: "hd" })).status).toBe(400);
    }
  });
});

describe("every video model: built from its spec, accepted by the simulator", () => {
  const videos = rows("video");
  it("covers Wan2.2 and CogVideoX", () => {
    const ids = videos.map((r) => r.id);
    for (const id of ["Wan-AI/Wan2.2-T2V-A14B", "Wan-AI/Wan2.2-I2V-A14B", "cogvideox-3", "cogvideox-flash"]) {
      expect(ids).toContain(id);
    }
  });

  it.each(videos)("$provider $id", async ({ provider, id }) => {
    const spec = mediaSpec(provider, id, "video") as VideoSpec;
    const frames = spec.frames ? Array.from({ length: spec.frames.max }, () => JPEG) : undefined;
    const req = buildVideoRequest({ provider, id }, spec, {
      prompt: "waves on a beach",
      negativePrompt: "blur",
      seed: spec.seed ? 7 : undefined,
      size: spec.sizes.options.at(-1),
      frames,
      quality: spec.twoFramesQuality ?? spec.quality?.default,
      withAudio: spec.audio ? true : undefined,
      fps: spec.fps?.options.at(-1),
      duration: spec.duration?.options.at(-1),
    });
    expect(checkVideoRequest(req, spec)).toEqual([]);
    const call = videoProviderCall(req);
    const ok = await send(provider, call.path, call.body);
    expect(ok.status, ok.text).toBe(200);

    // A field of the other provider's models: refused by our check and by the provider.
    if (provider === "glm") {
      expect(checkVideoRequest({ ...req, seed: 1 }, spec)[0]?.field).toBe("seed");
      expect((await send(provider, call.path, { ...call.body, seed: 1 })).status).toBe(400);
    } else {
      expect(checkVideoRequest({ ...req, fps: 30 }, spec)[0]?.field).toBe("fps");
    }
  });
});
