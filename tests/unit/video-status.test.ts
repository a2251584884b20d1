import { describe, expect, it } from "vitest";
import { sizeForAspect } from "@/lib/video/client/choices";
import { nextPollAt, POLL_BASE_MS, pollIntervalMs } from "@/lib/video/client/schedule";
import {
  videoContentSchema as contentSchema,
  videoStatusSchema as statusSchema,
  videoSubmitSchema as submitSchema,
} from "@/lib/video/contract";
import { normaliseStatus, parseProviderStatus } from "@/lib/video/server/provider-status";

describe("parseProviderStatus", () => {
  it("reads the documented states and keeps the URL out of the reply", () => {
    expect(parseProviderStatus({ status: "InQueue", reason: "", position: 3, results: null })).toEqual({
      reply: { status: "InQueue", position: 3 },
    });
    expect(parseProviderStatus({ status: "InProgress", reason: "" }).reply).toEqual({ status: "InProgress" });
    const done = parseProviderStatus({
      status: "Succeed",
      results: { videos: [{ url: "https://x.aliyuncs.com/v.mp4?sig" }], timings: { inference: 91.5 }, seed: 42 },
    });
    expect(done.reply).toEqual({ status: "Succeed", seed: 42, inferenceSeconds: 91.5 });
    expect(JSON.stringify(done.reply)).not.toContain("aliyuncs");
    expect(done.videoUrl).toBe("https://x.aliyuncs.com/v.mp4?sig");
    expect(parseProviderStatus({ status: "Failed", reason: "unsafe prompt" }).reply).toEqual({
      status: "Failed",
      reason: "unsafe prompt",
    });
  });

  it("is tolerant: odd spellings, string numbers, a Succeed without a link", () => {
    expect(normaliseStatus("SUCCESS")).toBe("Succeed");
    expect(normaliseStatus("failed")).toBe("Failed");
    expect(normaliseStatus("Running")).toBe("InProgress");
    expect(normaliseStatus(undefined)).toBe("InQueue");
    expect(normaliseStatus("SomethingNew")).toBe("InQueue");
    expect(parseProviderStatus({ status: "InQueue", position: "5" }).reply.position).toBe(5);
    expect(parseProviderStatus("not an object").reply.status).toBe("InQueue");
    const broken = parseProviderStatus({ status: "Succeed", results: { videos: [] } });
    expect(broken.reply.status).toBe("Failed");
    expect(broken.videoUrl).toBeUndefined();
  });
});

describe("poll schedule", () => {
  it("starts at the base, grows ×1.5 and caps at 7.5× the base (2 s → 15 s)", () => {
    expect(pollIntervalMs(0)).toBe(2000);
    expect(pollIntervalMs(1)).toBe(3000);
    expect(pollIntervalMs(2)).toBe(4500);
    expect(pollIntervalMs(20)).toBe(15_000);
    expect(pollIntervalMs(3, 200)).toBe(675);
    expect(pollIntervalMs(50, 200)).toBe(1500);
  });

  it("continues from the stored row, so a reload or a new leader does not start a fresh burst", () => {
    expect(nextPollAt({ updatedAt: 10_000, polls: 0 })).toBe(10_000 + POLL_BASE_MS);
    expect(nextPollAt({ updatedAt: 10_000, polls: 2 })).toBe(14_500);
    expect(nextPollAt({ updatedAt: 10_000, polls: undefined }, 100)).toBe(10_100);
  });
});

describe("sizeForAspect", () => {
  it("matches the provider's I2V sizes by aspect ratio", () => {
    expect(sizeForAspect(1920, 1080)).toBe("1280x720");
    expect(sizeForAspect(1080, 1920)).toBe("720x1280");
    expect(sizeForAspect(512, 512)).toBe("960x960");
    expect(sizeForAspect(1100, 1000)).toBe("960x960");
    expect(sizeForAspect(0, 0)).toBe("1280x720");
  });
});

describe("route schemas", () => {
  const ok = { model: "Wan-AI/Wan2.2-T2V-A14B", prompt: "a fox", size: "1280x720" };

  it("accepts a plain submit (SiliconFlow when no provider is named) and data URI frames", () => {
    expect(submitSchema.parse(ok).provider).toBe("siliconflow");
    expect(submitSchema.safeParse({ ...ok, frames: ["data:image/png;base64,iVBORw0KGgo="] }).success).toBe(true);
    expect(submitSchema.safeParse({ ...ok, seed: 9_999_999_999 }).success).toBe(true);
  });

  it("refuses URLs, other data types, more than two frames, unknown fields (sizes and prompts: see media-request tests)", () => {
    expect(submitSchema.safeParse({ ...ok, frames: ["https://example.com/a.png"] }).success).toBe(false);
    expect(submitSchema.safeParse({ ...ok, frames: ["data:text/html;base64,PGgxPg=="] }).success).toBe(false);
    const png = "data:image/png;base64,iVBORw0KGgo=";
    expect(submitSchema.safeParse({ ...ok, frames: [png, png, png] }).success).toBe(false);
    expect(submitSchema.safeParse({ ...ok, seed: -1 }).success).toBe(false);
    expect(submitSchema.safeParse({ ...ok, image: png }).success).toBe(false);
    expect(submitSchema.safeParse({ ...ok, imageUrl: "https://example.com/a.png" }).success).toBe(false);
    expect(submitSchema.safeParse({ ...ok, provider: "openai" }).success).toBe(false);
  });

  it("status and content take a request id (and optionally a model), never a URL", () => {
    expect(statusSchema.safeParse({ requestId: "3f2a-bc_91" }).success).toBe(true);
    expect(contentSchema.safeParse({ requestId: "abc", model: "Wan-AI/Wan2.2-T2V-A14B" }).success).toBe(true);
    expect(contentSchema.safeParse({ requestId: "abc", url: "http://127.0.0.1/" }).success).toBe(false);
    expect(contentSchema.safeParse({ requestId: "../../etc" }).success).toBe(false);
    expect(contentSchema.safeParse({ requestId: "" }).success).toBe(false);
    expect(contentSchema.parse({ requestId: "abc" })).toEqual({
      provider: "siliconflow",
      requestId: "abc",
      part: "video",
    });
    expect(contentSchema.safeParse({ provider: "glm", requestId: "abc", part: "thumbnail" }).success).toBe(false);
  });
});
