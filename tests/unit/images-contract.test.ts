import { describe, expect, it } from "vitest";
import {
  imageCaps,
  MAX_REFERENCE_BYTES,
  MAX_SEED,
  modelKey,
  parseModelKey,
  randomSeed,
} from "@/lib/images/capabilities";
import { blocker, buildRequest, EMPTY_FORM, fitToModel } from "@/lib/images/client/form";
import { IMAGE_BODY_MAX_BYTES, imageRequestSchema } from "@/lib/images/contract";
import { sniffImage } from "@/lib/images/sniff";
import { dataUriBytes } from "@/lib/media/checks";
import { describeModel } from "@/lib/providers/catalog";

describe("imageCaps", () => {
  it("follows the catalog for SiliconFlow models", () => {
    const dev = imageCaps(describeModel("siliconflow", "black-forest-labs/FLUX.1-dev"));
    // batch_size and guidance_scale are Kolors-only (the image API reference).
    expect(dev).toMatchObject({ batchMax: 1, seed: true, negativePrompt: true, reference: "none" });
    expect(dev.steps).toEqual({ min: 1, max: 30, default: 20 });
    expect(dev.guidance).toBeUndefined();
    const kolors = imageCaps(describeModel("siliconflow", "Kwai-Kolors/Kolors"));
    expect(kolors).toMatchObject({ reference: "optional", batchMax: 4, guidanceField: "guidance_scale" });
    const edit = imageCaps(describeModel("siliconflow", "Qwen/Qwen-Image-Edit"));
    // The edit models take no size: the output follows the input image.
    expect(edit).toMatchObject({ reference: "required", guidanceField: "cfg", batchMax: 1, sizes: [] });
  });

  it("offers CogView without seed, negative prompt, steps or guidance", () => {
    const cog = imageCaps(describeModel("glm", "cogview-4"));
    expect(cog).toMatchObject({ seed: false, negativePrompt: false, reference: "none", batchMax: 1 });
    expect(cog.steps).toBeUndefined();
    expect(cog.guidance).toBeUndefined();
  });
});

describe("model keys and seeds", () => {
  it("round-trips provider and id", () => {
    const ref = { provider: "siliconflow" as const, id: "black-forest-labs/FLUX.1-dev" };
    expect(parseModelKey(modelKey(ref))).toEqual(ref);
    expect(parseModelKey("openai:gpt")).toBeNull();
    expect(parseModelKey("nocolon")).toBeNull();
  });

  it("draws seeds inside the provider's range", () => {
    for (let i = 0; i < 200; i++) {
      const s = randomSeed();
      expect(Number.isInteger(s) && s >= 0 && s <= MAX_SEED).toBe(true);
    }
  });
});

describe("imageRequestSchema", () => {
  const base = {
    provider: "siliconflow",
    model: "black-forest-labs/FLUX.1-schnell",
    prompt: "a cat",
    size: "1024x1024",
  };

  it("accepts a plain request and inline references", () => {
    expect(imageRequestSchema.safeParse({ ...base, batchSize: 2 }).success).toBe(true);
    const png = "data:image/png;base64,iVBORw0=";
    expect(imageRequestSchema.safeParse({ ...base, references: [png] }).success).toBe(true);
    expect(imageRequestSchema.safeParse({ ...base, references: [png, png, png], jobId: "job-1" }).success).toBe(true);
  });

  it("refuses URLs, other data types, blank prompts, unknown fields and out-of-range values", () => {
    const png = "data:image/png;base64,iVBORw0=";
    const bad = [
      { ...base, references: ["https://example.com/a.png"] },
      { ...base, references: ["data:text/html;base64,PGgxPg=="] },
      { ...base, references: ["data:image/svg+xml;base64,PHN2Zz4="] },
      { ...base, references: [png, png, png, png] },
      { ...base, references: [] },
      { ...base, image: png },
      { ...base, jobId: "../x" },
      { ...base, batchSize: 1, prompt: "   " },
      { ...base, batchSize: 5 },
      { ...base, batchSize: 1, seed: MAX_SEED + 1 },
      { ...base, batchSize: 1, baseUrl: "http://evil" },
      { ...base, batchSize: 1, provider: "openai" },
    ];
    for (const body of bad) expect(imageRequestSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
  });

  it("caps the reference so the whole body fits the proxy's 10 MB buffer", () => {
    const uri = (n: number) => `data:image/png;base64,${Buffer.alloc(n).toString("base64")}`;
    const ok = { ...base, references: [uri(MAX_REFERENCE_BYTES)] };
    expect(imageRequestSchema.safeParse(ok).success).toBe(true);
    expect(imageRequestSchema.safeParse({ ...ok, references: [uri(MAX_REFERENCE_BYTES + 1)] }).success).toBe(false);
    // Three references share the one budget.
    const third = uri(Math.floor(MAX_REFERENCE_BYTES / 3));
    expect(imageRequestSchema.safeParse({ ...base, references: [third, third, third] }).success).toBe(true);
    expect(imageRequestSchema.safeParse({ ...base, references: [third, third, third, uri(1)] }).success).toBe(false);
    expect(IMAGE_BODY_MAX_BYTES).toBeLessThan(10 * 1024 * 1024);
  });

  it("counts decoded bytes of a data URI", () => {
    expect(dataUriBytes(`data:image/png;base64,${Buffer.alloc(10).toString("base64")}`)).toBe(10);
    expect(dataUriBytes(`data:image/png;base64,${Buffer.alloc(11).toString("base64")}`)).toBe(11);
    expect(dataUriBytes(`data:image/png;base64,${Buffer.alloc(12).toString("base64")}`)).toBe(12);
  });
});

describe("sniffImage", () => {
  it("reads PNG, JPEG, GIF and WebP headers", () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    expect(sniffImage(png)).toEqual({ mime: "image/png", width: 1, height: 1 });
    // SOI, APP0 (length 16), SOF0 with height 200 and width 300.
    const jpeg = Buffer.from(`ffd8ffe00010${"00".repeat(14)}ffc000110800c8012c03${"00".repeat(12)}`, "hex");
    expect(sniffImage(jpeg)).toEqual({ mime: "image/jpeg", width: 300, height: 200 });
    const gif = Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x20, 0x00, 0x10, 0x00, 0, 0]);
    expect(sniffImage(gif)).toEqual({ mime: "image/gif", width: 32, height: 16 });
    const webp = Buffer.alloc(30);
    webp.write("RIFF", 0, "ascii");
    webp.write("WEBPVP8X", 8, "ascii");
    webp.writeUIntLE(639, 24, 3);
    webp.writeUIntLE(479, 27, 3);
    expect(sniffImage(webp)).toEqual({ mime: "image/webp", width: 640, height: 480 });
  });

  it("refuses anything else", () => {
    expect(sniffImage(Buffer.from("<!doctype html><html></html>"))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});

describe("form", () => {
  const schnell = describeModel("siliconflow", "black-forest-labs/FLUX.1-schnell");
  const qwen = describeModel("siliconflow", "Qwen/Qwen-Image");
  const cog = describeModel("glm", "cogview-4");

  it("fits values to a new model and keeps them when reusing settings", () => {
    const form = { ...EMPTY_FORM, size: "768x512", batchSize: 4, steps: 9, guidance: 30 };
    expect(fitToModel(form, qwen)).toMatchObject({ size: "1328x1328", batchSize: 1, steps: 50, guidance: 4 });
    expect(fitToModel(form, schnell, true)).toMatchObject({ size: "768x512", batchSize: 1, steps: 9, guidance: null });
    const kolors = describeModel("siliconflow", "Kwai-Kolors/Kolors");
    expect(fitToModel(form, kolors, true)).toMatchObject({ size: "1024x1024", batchSize: 4, guidance: 20 });
    expect(fitToModel({ ...form, steps: 99 }, schnell, true).steps).toBe(10);
  });

  it("builds only the fields the model takes", () => {
    const form = { ...EMPTY_FORM, modelKey: "glm:cogview-4", prompt: " a cat ", negativePrompt: "dog", steps: 4 };
    expect(buildRequest(form, imageCaps(cog), 5, ["data:image/png;base64,AA=="])).toEqual({
      provider: "glm",
      model: "cogview-4",
      prompt: "a cat",
      size: "1024x1024",
    });
    const sf = { ...form, modelKey: "siliconflow:black-forest-labs/FLUX.1-schnell" };
    expect(buildRequest(sf, imageCaps(schnell), 5)).toMatchObject({ negativePrompt: "dog", seed: 5, steps: 4 });
  });

  it("tells why Generate cannot run", () => {
    const caps = imageCaps(describeModel("siliconflow", "Qwen/Qwen-Image-Edit"));
    expect(blocker({ ...EMPTY_FORM, modelKey: "x:y" }, null, 0)).toBe("model");
    expect(blocker({ ...EMPTY_FORM, modelKey: "siliconflow:Qwen/Qwen-Image-Edit" }, caps, 0)).toBe("prompt");
    expect(blocker({ ...EMPTY_FORM, modelKey: "siliconflow:Qwen/Qwen-Image-Edit", prompt: "p" }, caps, 0)).toBe(
      "reference",
    );
    expect(blocker({ ...EMPTY_FORM, modelKey: "siliconflow:Qwen/Qwen-Image-Edit", prompt: "p" }, caps, 1)).toBeNull();
  });
});
