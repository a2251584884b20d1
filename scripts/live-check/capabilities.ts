import { isProviderMediaHost } from "@/lib/media/hosts";
import { parseStreamErrorEvent, readSse } from "@/lib/upstream";
import type { Exchange, RequestSpec, Verdict } from "./types";

// Each capability the live check runs once: the request the app sends, and a judgement of what came
// back that works on recorded bytes as well (the replay tests use the same `verify`). Costs are
// estimates from the providers' price pages (¥, free models 0) as known when this was written: the
// check prints them before it starts so they can be compared with today's prices.

export interface Capability {
  id: string;
  title: string;
  provider: "siliconflow" | "glm";
  costYuan: number;
  /** Runs only when asked for (`--with-video`). */
  optIn?: "video";
  request(): RequestSpec;
  verify(exchanges: Exchange[]): Promise<Verdict>;
  /** The transcription sends the speech step's audio when there is some. */
  needsAudio?: boolean;
  /** Poll this request until `done` (video jobs). */
  poll?: { request(first: Exchange): RequestSpec; done(last: Exchange): boolean; everyMs: number; timeoutMs: number };
}

/** A public sample picture from SiliconFlow's vision docs, so GLM-4V-Flash can fetch it by URL. */
export const SAMPLE_IMAGE_URL = "https://sf-maas-uat-prod.oss-cn-shanghai.aliyuncs.com/dog.png";

const clip = (text: string, max = 40) => {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

function json(ex: Exchange | undefined): Record<string, unknown> | undefined {
  if (!ex?.response.text) return undefined;
  try {
    const value: unknown = JSON.parse(ex.response.text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The common failure line: the provider's status and the app's reading of it. */
function failed(ex: Exchange | undefined): Verdict | undefined {
  if (!ex) return { ok: false, got: "no answer" };
  const r = ex.response;
  if (r.error)
    return {
      ok: false,
      got: `${r.status || "no answer"} ${r.error.code}${r.error.detail ? `: ${clip(r.error.detail, 80)}` : ""}`,
    };
  if (r.status < 200 || r.status >= 300) return { ok: false, got: `HTTP ${r.status}` };
  return undefined;
}

const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
    value,
  );

function modelList(ex: Exchange): Verdict {
  const data = at(json(ex), "data");
  const ids = Array.isArray(data) ? data.map((m) => at(m, "id")).filter((id) => typeof id === "string") : [];
  return { ok: ids.length > 0, got: `${ids.length} models${ids[0] ? `, e.g. ${ids[0]}` : ""}` };
}

/** Reads an event stream with the app's own SSE reader and stream-error parser. */
export async function readStream(provider: "siliconflow" | "glm", text: string) {
  const out = { chunks: 0, comments: 0, content: "", reasoning: "", finish: "", done: false, error: "" };
  out.comments = text.split(/\r?\n/).filter((l) => l.startsWith(":")).length;
  for await (const event of readSse(new Blob([text]).stream())) {
    if (event.data === "[DONE]") {
      out.done = true;
      continue;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(event.data);
    } catch {
      out.error = `not JSON: ${clip(event.data)}`;
      continue;
    }
    const err = parseStreamErrorEvent(provider, chunk);
    if (err) out.error = `${err.code}: ${err.detail ?? ""}`;
    out.chunks += 1;
    const choice = at(chunk, "choices", 0);
    const content = at(choice, "delta", "content");
    const reasoning = at(choice, "delta", "reasoning_content");
    if (typeof content === "string") out.content += content;
    if (typeof reasoning === "string") out.reasoning += reasoning;
    const finish = at(choice, "finish_reason");
    if (typeof finish === "string" && finish !== "") out.finish = finish;
  }
  // Distilled models think inside <think>…</think> at the start of the content.
  const inline = /^\s*<think>([\s\S]*?)<\/think>/.exec(out.content);
  if (inline?.[1]) {
    out.reasoning += inline[1];
    out.content = out.content.slice(inline[0].length);
  }
  return out;
}

async function streamVerdict(ex: Exchange, needReasoning: boolean): Promise<Verdict> {
  const s = await readStream(ex.request.provider, ex.response.text ?? "");
  const ok =
    !s.error &&
    s.done &&
    s.chunks > 0 &&
    ["stop", "length"].includes(s.finish) &&
    (s.content !== "" || s.finish === "length");
  const parts = [`${s.chunks} chunks`];
  if (s.comments) parts.push(`${s.comments} comment lines`);
  if (needReasoning) parts.push(`reasoning ${s.reasoning.length} chars`);
  parts.push(`finish=${s.finish || "none"}`, `"${clip(s.content)}"`);
  if (s.error) parts.push(`error ${s.error}`);
  return { ok: ok && (!needReasoning || s.reasoning.trim() !== ""), got: parts.join(", ") };
}

function mediaVerdict(urls: unknown[], what: string): Verdict {
  const links = urls.filter((u): u is string => typeof u === "string");
  const bad = links.find((u) => {
    try {
      const url = new URL(u);
      return url.protocol !== "https:" || !isProviderMediaHost(url.hostname);
    } catch {
      return true;
    }
  });
  const host = links[0] ? new URL(links[0]).hostname : "none";
  if (links.length === 0) return { ok: false, got: `no ${what} link` };
  if (bad) return { ok: false, got: `${what} link on a host the app refuses: ${clip(bad, 80)}` };
  return { ok: true, got: `${links.length} ${what} on ${host}`, mediaUrls: links };
}

const chat = (model: string, content: unknown, extra: Record<string, unknown> = {}): RequestSpec => ({
  provider: model.startsWith("glm") ? "glm" : "siliconflow",
  method: "POST",
  path: "/chat/completions",
  json: { model, messages: [{ role: "user", content }], ...extra },
});

export const CAPABILITIES: Capability[] = [
  {
    id: "sf-models",
    title: "SiliconFlow model list",
    provider: "siliconflow",
    costYuan: 0,
    request: () => ({ provider: "siliconflow", method: "GET", path: "/models?type=text&sub_type=chat" }),
    verify: async ([ex]) => failed(ex) ?? modelList(ex as Exchange),
  },
  {
    id: "glm-models",
    title: "GLM model list",
    provider: "glm",
    costYuan: 0,
    request: () => ({ provider: "glm", method: "GET", path: "/models" }),
    verify: async ([ex]) => failed(ex) ?? modelList(ex as Exchange),
  },
  {
    id: "sf-stream",
    title: "Short stream on a free model",
    provider: "siliconflow",
    costYuan: 0,
    request: () => chat("Qwen/Qwen2.5-7B-Instruct", "Reply with one short sentence.", { stream: true, max_tokens: 32 }),
    verify: async ([ex]) => failed(ex) ?? streamVerdict(ex as Exchange, false),
  },
  {
    id: "sf-reasoning",
    title: "Reasoning stream",
    provider: "siliconflow",
    costYuan: 0,
    request: () =>
      chat("Qwen/Qwen3-8B", "What is 17 × 23? Answer with the number.", {
        stream: true,
        max_tokens: 1024,
        enable_thinking: true,
        thinking_budget: 256,
      }),
    verify: async ([ex]) => failed(ex) ?? streamVerdict(ex as Exchange, true),
  },
  {
    id: "glm-vision",
    title: "Vision on GLM-4V-Flash (free)",
    provider: "glm",
    costYuan: 0,
    request: () =>
      chat("glm-4v-flash", [
        { type: "image_url", image_url: { url: SAMPLE_IMAGE_URL } },
        { type: "text", text: "What animal is in the picture? One word." },
      ]),
    verify: async ([ex]) => {
      const fail = failed(ex);
      if (fail) return fail;
      const content = at(json(ex), "choices", 0, "message", "content");
      return { ok: typeof content === "string" && content.trim() !== "", got: `"${clip(String(content ?? ""))}"` };
    },
  },
  {
    id: "sf-image",
    title: "Cheapest SiliconFlow image (Kolors)",
    provider: "siliconflow",
    costYuan: 0,
    request: () => ({
      provider: "siliconflow",
      method: "POST",
      path: "/images/generations",
      json: {
        model: "Kwai-Kolors/Kolors",
        prompt: "a small red apple on a white table",
        image_size: "1024x1024",
        batch_size: 1,
      },
    }),
    verify: async ([ex]) => {
      const images = at(json(ex), "images");
      return failed(ex) ?? mediaVerdict(Array.isArray(images) ? images.map((i) => at(i, "url")) : [], "image");
    },
  },
  {
    id: "glm-image",
    title: "Cheapest GLM image (CogView-3-Flash, free)",
    provider: "glm",
    costYuan: 0,
    request: () => ({
      provider: "glm",
      method: "POST",
      path: "/images/generations",
      json: { model: "cogview-3-flash", prompt: "a small red apple on a white table", size: "1024x1024" },
    }),
    verify: async ([ex]) => {
      const data = at(json(ex), "data");
      return failed(ex) ?? mediaVerdict(Array.isArray(data) ? data.map((i) => at(i, "url")) : [], "image");
    },
  },
  {
    id: "sf-tts",
    title: "Short text to speech (CosyVoice2)",
    provider: "siliconflow",
    costYuan: 0.001,
    request: () => ({
      provider: "siliconflow",
      method: "POST",
      path: "/audio/speech",
      json: {
        model: "FunAudioLLM/CosyVoice2-0.5B",
        input: "你好，这是一次连通性检查。",
        voice: "FunAudioLLM/CosyVoice2-0.5B:alex",
        response_format: "mp3",
      },
    }),
    verify: async ([ex]) => {
      const fail = failed(ex);
      if (fail) return fail;
      const r = (ex as Exchange).response;
      const head = r.head ?? "";
      // MP3: an ID3 tag or a frame sync (0xFFE…).
      const mp3 = head.startsWith("494433") || /^ff[ef]/i.test(head);
      return {
        ok: r.contentType.startsWith("audio/") && mp3 && r.bytes > 500,
        got: `${r.contentType} ${r.bytes} bytes`,
      };
    },
  },
  {
    id: "sf-transcription",
    title: "Transcription (SenseVoiceSmall, free)",
    provider: "siliconflow",
    costYuan: 0,
    needsAudio: true,
    request: () => ({
      provider: "siliconflow",
      method: "POST",
      path: "/audio/transcriptions",
      form: {
        fields: { model: "FunAudioLLM/SenseVoiceSmall" },
        file: { field: "file", filename: "speech.mp3", contentType: "audio/mpeg" },
      },
    }),
    verify: async ([ex]) => {
      const text = at(json(ex), "text");
      return failed(ex) ?? { ok: typeof text === "string", got: `"${clip(String(text ?? ""))}"` };
    },
  },
  {
    id: "sf-video",
    title: "Text to video (Wan2.2-T2V-A14B)",
    provider: "siliconflow",
    costYuan: 2,
    optIn: "video",
    request: () => ({
      provider: "siliconflow",
      method: "POST",
      path: "/video/submit",
      json: { model: "Wan-AI/Wan2.2-T2V-A14B", prompt: "a paper boat drifting on a calm pond", image_size: "1280x720" },
    }),
    poll: {
      request: (first) => ({
        provider: "siliconflow",
        method: "POST",
        path: "/video/status",
        json: { requestId: at(json(first), "requestId") },
      }),
      done: (last) => last.response.status !== 200 || ["Succeed", "Failed"].includes(String(at(json(last), "status"))),
      everyMs: 5_000,
      timeoutMs: 15 * 60_000,
    },
    verify: async (exchanges) => {
      const [submit] = exchanges;
      const last = exchanges.at(-1);
      const fail = failed(submit) ?? failed(last);
      if (fail) return fail;
      const status = String(at(json(last), "status"));
      if (status !== "Succeed")
        return { ok: false, got: `job ${status}: ${clip(String(at(json(last), "reason") ?? ""), 80)}` };
      const videos = at(json(last), "results", "videos");
      return mediaVerdict(Array.isArray(videos) ? videos.map((v) => at(v, "url")) : [], "video");
    },
  },
];
