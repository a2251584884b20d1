import type { CatalogEntry } from "./catalog-types";

// Zhipu GLM's models as its docs describe them. GLM has no model list endpoint: these rows are the
// list. Every row was checked on REVIEWED against:
// - THINK: docs.bigmodel.cn/cn/guide/capabilities/thinking-mode (docs.z.ai/guides/capabilities/
//   thinking-mode): `thinking: {type: "enabled" | "disabled"}` from GLM-4.5 on; GLM-4.7 and the
//   GLM-5 series think by default and turn it off with type "disabled" (turn-level thinking).
// - 5.2: docs.bigmodel.cn/cn/guide/start/migrate-to-glm-new: GLM-5.2 1M context, 128K output,
//   `reasoning_effort` "high" | "max" (default max); only GLM-5.2 and later take it.
// - SEED: seed 000 (GLM-4V-Flash: URL images only, user/assistant roles only, list content, free).
// - CONTRACT: /work/shared/upstream-contract.md (temperature and top_p in [0, 1]; glm-4v* cap max_tokens
//   at 1024; GLM-4.6V and GLM-4.6V-Flash (free) 128K; the flash vision models take base64).
// - CARD: the model card or model page for context and output figures.
// The app sends at most 32768 output tokens (lib/chat/bounds.ts) even where a model allows more.
//
// CONTRACT says GLM-4.7 and GLM-4.5V "always think"; THINK (and SiliconFlow's enable_thinking list)
// documents a working off switch for both, so they get the switch here.

const REVIEWED = "2026-12-03";
const APP_OUTPUT_MAX = 32_768;
const SWITCH = { kind: "switch" } as const;

const row = (source: string, entry: CatalogEntry): CatalogEntry => ({
  reviewed: REVIEWED,
  source,
  temperatureMax: 1,
  ...entry,
});

export const GLM_MODELS: Record<string, CatalogEntry> = {
  "glm-4-flash": row("CONTRACT; CARD 128K", { tools: true, jsonMode: true, free: true, contextWindow: 131072 }),
  "glm-4.5-flash": row("THINK; CARD 128K", {
    thinking: SWITCH,
    tools: true,
    free: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  "glm-4.5": row("THINK; CARD 128K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  "glm-4.5-air": row("THINK; CARD 128K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  "glm-4.6": row("THINK; CARD 200K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 204800,
  }),
  "glm-4.7": row("THINK; CARD 200K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 204800,
  }),
  "glm-5": row("THINK; CARD 200K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 204800,
  }),
  "glm-5.1": row("THINK; CARD 200K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 204800,
  }),
  "glm-5.2": row("THINK; 5.2", {
    thinking: { kind: "effort", levels: ["high", "max"], default: "max", switchable: true },
    tools: true,
    jsonMode: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 1_048_576,
  }),
  "glm-z1-flash": row("CONTRACT", { thinking: { kind: "always" }, free: true, maxTokensCap: 16384 }),
  // CONTRACT: "GLM-4V-Flash allows 10 concurrent requests"; more are refused with code 1302.
  "glm-4v-flash": row("SEED; CONTRACT", {
    concurrency: 10,
    vision: true,
    visionUrlOnly: true,
    systemInUser: true,
    free: true,
    maxTokensCap: 1024,
    contextWindow: 16384,
  }),
  "glm-4v-plus": row("SEED; CONTRACT", {
    vision: true,
    systemInUser: true,
    maxImages: 5,
    maxTokensCap: 1024,
    contextWindow: 16384,
  }),
  "glm-4.5v": row("THINK (glm-4.5v takes thinking.type); CARD 64K", {
    thinking: SWITCH,
    vision: true,
    maxTokensCap: 16384,
    contextWindow: 65536,
  }),
  "glm-4.6v": row("THINK; CONTRACT 128K", {
    thinking: SWITCH,
    vision: true,
    tools: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  "glm-4.6v-flash": row("THINK; CONTRACT (free, 128K, base64 accepted)", {
    thinking: SWITCH,
    vision: true,
    tools: true,
    free: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  // Media: what each model takes (sizes, quality, frames, fps …) is in media-glm.ts.
  "cogview-3-flash": row("CONTRACT", { type: "image", free: true }),
  "cogview-4": row("CONTRACT", { type: "image" }),
  "cogview-4-250304": row("docs.bigmodel.cn image API", { type: "image" }),
  "cogvideox-3": row("CONTRACT", { type: "video" }),
  "cogvideox-flash": row("docs.bigmodel.cn video API (free)", { type: "video", free: true }),
};
