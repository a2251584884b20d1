import { describe, expect, it } from "vitest";
import { moveImageDetail } from "@/lib/vision/detail";
import { checkFile, imageTypeOf, targetSize } from "@/lib/vision/size";
import { deepseekImageTokens, estimateImageTokens, qwenImageTokens } from "@/lib/vision/tokens";

// Examples from SiliconFlow's vision docs (seed 003); the docs write sizes as height × width.
describe("image token estimate", () => {
  it("Qwen: low is 256 tokens at any size; high counts 28-pixel tiles", () => {
    expect(qwenImageTokens(3172, 4096, "low")).toBe(256);
    expect(qwenImageTokens(448, 224, "high")).toBe(128);
    expect(qwenImageTokens(1024, 1024, "high")).toBe(1369);
    expect(qwenImageTokens(3172, 4096, "high")).toBe(16240);
    expect(qwenImageTokens(1024, 1024, "auto")).toBe(256);
  });
  it("DeepSeek-VL2: 384-pixel tiles", () => {
    expect(deepseekImageTokens(448, 224, "low")).toBe(421);
    expect(deepseekImageTokens(768, 384, "high")).toBe(631);
    expect(deepseekImageTokens(1024, 1024, "high")).toBe(2017);
    expect(deepseekImageTokens(4096, 2048, "high")).toBe(1835);
    expect(deepseekImageTokens(1024, 1024, "high", 3)).toBe(421);
  });
  it("picks the rule by model; none for GLM's own API", () => {
    expect(estimateImageTokens({ provider: "siliconflow", id: "deepseek-ai/deepseek-vl2" }, 1024, 1024, "high")).toBe(
      2017,
    );
    expect(
      estimateImageTokens({ provider: "siliconflow", id: "Qwen/Qwen2.5-VL-72B-Instruct" }, 1024, 1024, "high"),
    ).toBe(1369);
    expect(estimateImageTokens({ provider: "glm", id: "glm-4.5v" }, 1024, 1024, "high")).toBeNull();
  });
});

describe("target size and checks", () => {
  const limits = { longSide: 2048, maxSide: 6000 };
  it("downscales the long side to 2048, keeps the aspect, never upscales", () => {
    expect(targetSize(4000, 3000, limits)).toEqual({ width: 2048, height: 1536 });
    expect(targetSize(3000, 4000, limits)).toEqual({ width: 1536, height: 2048 });
    expect(targetSize(800, 600, limits)).toEqual({ width: 800, height: 600 });
    expect(targetSize(9000, 100, { longSide: 8000, maxSide: 6000 })).toEqual({ width: 6000, height: 67 });
  });
  it("accepts jpg, png, webp and gif only, by type or by extension", () => {
    expect(imageTypeOf({ type: "image/png", name: "a" })).toBe("image/png");
    expect(imageTypeOf({ type: "", name: "a.JPG" })).toBe("image/jpeg");
    expect(imageTypeOf({ type: "text/plain", name: "a.png" })).toBeNull();
    expect(imageTypeOf({ type: "image/svg+xml", name: "a.svg" })).toBeNull();
  });
  it("refuses too many, wrong type and over 20 MB", () => {
    expect(checkFile({ type: "image/png", name: "a.png", size: 10 }, 2, 2)).toBe("count");
    expect(checkFile({ type: "text/plain", name: "a.txt", size: 10 }, 0, 2)).toBe("type");
    expect(checkFile({ type: "image/png", name: "a.png", size: 21 * 1024 * 1024 }, 0, 2)).toBe("size");
    expect(checkFile({ type: "image/png", name: "a.png", size: 10 }, 1, 2)).toBeNull();
  });
});

describe("image detail on the wire", () => {
  const body = JSON.stringify({
    messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "data:x" }, detail: "low" }] }],
  });
  it("moves detail inside image_url for SiliconFlow, drops it for GLM", () => {
    expect(JSON.parse(moveImageDetail(body, true)).messages[0].content[0]).toEqual({
      type: "image_url",
      image_url: { url: "data:x", detail: "low" },
    });
    expect(JSON.parse(moveImageDetail(body, false)).messages[0].content[0]).toEqual({
      type: "image_url",
      image_url: { url: "data:x" },
    });
  });
});
