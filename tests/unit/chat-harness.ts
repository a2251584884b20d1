import type { UIMessageChunk } from "ai";
import type { ChatMetadata } from "@/lib/chat/contract";
import type { AppErrorJSON } from "@/lib/errors";
import { type LogEntry, type RunningSimulator, type SimConfig, startSimulator } from "@/lib/simulator";
import { serveRoute } from "./node-route";

// Shared set-up for the /api/chat tests: a real simulator on a free port, the server configured with
// keys for both providers pointing at it (so no demo mode), and the route (pages/api/chat.ts) served by
// a plain Node server and called over real HTTP (see node-route.ts).

const ENV_KEYS = [
  "SILICONFLOW_API_KEY",
  "SILICONFLOW_BASE_URL",
  "GLM_API_KEY",
  "GLM_BASE_URL",
  "UPSTREAM_CONNECT_TIMEOUT_MS",
  "UPSTREAM_FIRST_BYTE_TIMEOUT_MS",
  "RATE_LIMIT_PER_MINUTE",
  "ACCESS_CODE",
  "PUBLIC_BASE_URL",
  "UPLOAD_URL_TTL_SECONDS",
] as const;

export interface Harness {
  sim: RunningSimulator;
  post(body: unknown, init?: { signal?: AbortSignal }): Promise<Response>;
  control(path: string, method?: string, body?: unknown): Promise<unknown>;
  log(): Promise<LogEntry[]>;
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    glm?: boolean;
    env?: Partial<Record<(typeof ENV_KEYS)[number], string>>;
    simConfig?: Partial<SimConfig>;
  } = {},
): Promise<Harness> {
  const sim = await startSimulator({ port: 0, config: { chatChunkDelayMs: 1, ...options.simConfig } });
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  process.env.SILICONFLOW_API_KEY = "sk-test-siliconflow";
  process.env.SILICONFLOW_BASE_URL = `${sim.url}/siliconflow/v1`;
  if (options.glm === false) {
    delete process.env.GLM_API_KEY;
    delete process.env.GLM_BASE_URL;
  } else {
    process.env.GLM_API_KEY = "test-glm";
    process.env.GLM_BASE_URL = `${sim.url}/glm/api/paas/v4`;
  }
  process.env.UPSTREAM_CONNECT_TIMEOUT_MS = "2000";
  process.env.UPSTREAM_FIRST_BYTE_TIMEOUT_MS = "5000";
  // The route is rate limited per address; a test file sends more than a minute's worth.
  process.env.RATE_LIMIT_PER_MINUTE = "100000";
  delete process.env.ACCESS_CODE;
  delete process.env.PUBLIC_BASE_URL;
  delete process.env.UPLOAD_URL_TTL_SECONDS;
  Object.assign(process.env, options.env);
  // Imported after the environment is set: lib/env caches what it reads first.
  const route = await serveRoute((await import("@/pages/api/chat")).default);

  const control = async (path: string, method = "GET", body?: unknown) => {
    const res = await fetch(`${sim.url}/__sim${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.json();
  };
  return {
    sim,
    post: (body, init = {}) =>
      route.fetch(
        new Request("http://localhost/api/chat", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
          signal: init.signal,
        }),
      ),
    control,
    log: async () => ((await control("/log")) as { entries: LogEntry[] }).entries,
    close: async () => {
      await route.close();
      for (const k of ENV_KEYS) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
      await sim.close();
    },
  };
}

/** Resets faults, log and pacing between tests. */
export async function resetSim(h: Harness): Promise<void> {
  await h.control("/reset", "POST");
  await h.control("/faults", "DELETE");
  await h.control("/log", "DELETE");
  await h.control("/config", "POST", { chatChunkDelayMs: 1 });
}

/** Reads the UI message stream (SSE) into its chunks. */
export async function readChunks(res: Response): Promise<UIMessageChunk[]> {
  const text = await res.text();
  return parseSse(text);
}

export function parseSse(text: string): UIMessageChunk[] {
  const out: UIMessageChunk[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("data: ")) continue;
    const data = line.slice(6);
    if (data === "[DONE]") continue;
    out.push(JSON.parse(data) as UIMessageChunk);
  }
  return out;
}

export function textOf(chunks: UIMessageChunk[]): string {
  return chunks.map((c) => (c.type === "text-delta" ? c.delta : "")).join("");
}

export function reasoningOf(chunks: UIMessageChunk[]): string {
  return chunks.map((c) => (c.type === "reasoning-delta" ? c.delta : "")).join("");
}

/** The metadata of the start and finish chunks, merged as useChat merges them. */
export function metadataOf(chunks: UIMessageChunk[]): ChatMetadata {
  let meta: ChatMetadata = {};
  for (const c of chunks) {
    if ((c.type === "start" || c.type === "finish" || c.type === "message-metadata") && c.messageMetadata) {
      meta = { ...meta, ...(c.messageMetadata as ChatMetadata) };
    }
  }
  return meta;
}

export function errorOf(chunks: UIMessageChunk[]): AppErrorJSON | undefined {
  const chunk = chunks.find((c) => c.type === "error");
  return chunk?.type === "error" ? (JSON.parse(chunk.errorText) as AppErrorJSON) : undefined;
}

export function userText(text: string, id = "u1") {
  return { id, role: "user" as const, parts: [{ type: "text" as const, text }] };
}

export const SF_PLAIN = { provider: "siliconflow", id: "Qwen/Qwen2.5-7B-Instruct" } as const;
export const SF_REASONING = { provider: "siliconflow", id: "deepseek-ai/DeepSeek-R1" } as const;
export const SF_HYBRID = { provider: "siliconflow", id: "Qwen/Qwen3-8B" } as const;
export const SF_DISTILL = { provider: "siliconflow", id: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B" } as const;
export const GLM_PLAIN = { provider: "glm", id: "glm-4-flash" } as const;
export const GLM_HYBRID = { provider: "glm", id: "glm-4.5" } as const;

/** Body fields every request needs. */
export function chatBody(model: { provider: string; id: string }, messages: unknown[], extra: object = {}) {
  return { id: "conv-1", messages, model, ...extra };
}
