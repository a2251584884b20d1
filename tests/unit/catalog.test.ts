import { describe, expect, it } from "vitest";
import { catalogIds, describeModel, VISION_FALLBACKS } from "@/lib/providers/catalog";
import { SILICONFLOW_MODELS } from "@/lib/providers/catalog-siliconflow";
import { GLM_CHAT_MODELS, SF_CHAT_MODELS } from "@/lib/simulator/chat-models";

// The model tables: every entry dated and sourced, thinking controls as the providers document them,
// safe defaults for ids the tables do not know, and the simulator agreeing with the catalog.

describe("catalog entries", () => {
  it("has a reviewed date and a source on every entry of both providers", () => {
    for (const provider of ["siliconflow", "glm"] as const) {
      const ids = provider === "glm" ? catalogIds("glm") : Object.keys(SILICONFLOW_MODELS);
      for (const id of ids) {
        const info = describeModel(provider, id);
        expect(info.reviewed, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(info.source, id).toBeTruthy();
      }
    }
  });

  it("gives enable_thinking only to the models SiliconFlow's API reference lists", () => {
    const kind = (id: string) => describeModel("siliconflow", id).thinking.kind;
    expect(kind("deepseek-ai/DeepSeek-V3.1")).toBe("none");
    expect(kind("deepseek-ai/DeepSeek-V3.1-Terminus")).toBe("switch");
    expect(kind("deepseek-ai/DeepSeek-V3.2")).toBe("switch");
    expect(kind("Qwen/Qwen3.5-27B")).toBe("switch");
    expect(kind("zai-org/GLM-4.5")).toBe("always");
    expect(kind("deepseek-ai/DeepSeek-R1")).toBe("always");
    expect(describeModel("siliconflow", "deepseek-ai/DeepSeek-V4-Flash").thinking).toEqual({
      kind: "effort",
      levels: ["high", "max"],
      default: "high",
      switchable: false,
    });
  });

  it("switches GLM thinking with thinking.type, and GLM-5.2 also takes an effort", () => {
    expect(describeModel("glm", "glm-4.7").thinking.kind).toBe("switch");
    expect(describeModel("glm", "glm-z1-flash").thinking.kind).toBe("always");
    expect(describeModel("glm", "glm-4-flash").thinking.kind).toBe("none");
    expect(describeModel("glm", "glm-5.2").thinking).toMatchObject({
      kind: "effort",
      switchable: true,
      default: "max",
    });
  });

  it("marks GLM-4V models for the user/assistant-only shape, not the newer vision models", () => {
    expect(describeModel("glm", "glm-4v-flash").systemInUser).toBe(true);
    expect(describeModel("glm", "glm-4v-plus").systemInUser).toBe(true);
    expect(describeModel("glm", "glm-4.6v-flash").systemInUser).toBe(false);
    expect(describeModel("glm", "glm-4.6v-flash")).toMatchObject({ vision: true, free: true, visionUrlOnly: false });
  });

  it("keeps media entries' fields working", () => {
    expect(describeModel("siliconflow", "Kwai-Kolors/Kolors")).toMatchObject({ type: "image", batchMax: 4 });
    expect(describeModel("siliconflow", "Qwen/Qwen-Image-Edit-2509")).toMatchObject({
      type: "image",
      imageRequired: true,
    });
    expect(describeModel("siliconflow", "Tongyi-MAI/Z-Image-Turbo").imageSizes).toEqual(["1024x1024"]);
    expect(describeModel("siliconflow", "Wan-AI/Wan2.2-I2V-A14B")).toMatchObject({ type: "video", imageToVideo: true });
    expect(describeModel("siliconflow", "fnlp/MOSS-TTSD-v0.5").type).toBe("speech");
    expect(describeModel("siliconflow", "TeleAI/TeleSpeechASR")).toMatchObject({ type: "transcription", free: true });
  });

  it("reads a Pro/ id as the paid variant of the same model", () => {
    const pro = describeModel("siliconflow", "Pro/Qwen/Qwen3-8B");
    expect(pro.thinking.kind).toBe("switch");
    expect(pro.free).toBe(false);
    expect(describeModel("siliconflow", "Qwen/Qwen3-8B").free).toBe(true);
  });

  it("gives unknown ids safe defaults that never send a thinking switch", () => {
    const chat = describeModel("siliconflow", "acme/Brand-New-Chat");
    expect(chat).toMatchObject({ type: "chat", reasoning: false, maxTokensCap: 4096, contextWindow: 32768 });
    expect(chat.thinking.kind).toBe("none");
    expect(chat.reviewed).toBeUndefined();
    expect(describeModel("siliconflow", "acme/New-Reasoner-R1").thinking.kind).toBe("always");
    expect(describeModel("glm", "glm-9-unknown").temperatureMax).toBe(1);
  });

  it("offers current vision models first when images are attached", () => {
    const first = VISION_FALLBACKS[0];
    expect(first && describeModel(first.provider, first.id)).toMatchObject({ vision: true, free: true });
    for (const ref of VISION_FALLBACKS) expect(describeModel(ref.provider, ref.id).vision, ref.id).toBe(true);
  });
});

describe("simulator and catalog", () => {
  it("agree on each simulated chat model's window and thinking control", () => {
    const simKind = { none: "none", always: "always", inline: "always", switch: "switch", effort: "effort" } as const;
    for (const [provider, models] of [
      ["siliconflow", SF_CHAT_MODELS],
      ["glm", GLM_CHAT_MODELS],
    ] as const) {
      for (const model of models) {
        const info = describeModel(provider, model.id);
        if (!info.reviewed) continue; // simulated only (older GLM ids): the app gives it defaults
        expect(info.contextWindow, model.id).toBeLessThanOrEqual(model.context);
        expect(info.maxTokensCap, model.id).toBeLessThanOrEqual(model.maxTokens);
        expect(info.thinking.kind, model.id).toBe(simKind[model.thinking]);
        expect(info.vision, model.id).toBe(model.vision ?? false);
      }
    }
  });

  it("simulates every GLM chat model the catalog lists (GLM has no list endpoint)", () => {
    const simulated = new Set(GLM_CHAT_MODELS.map((m) => m.id));
    for (const id of catalogIds("glm")) {
      if (describeModel("glm", id).type === "chat") expect(simulated.has(id), id).toBe(true);
    }
  });
});
