import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type RunningSimulator, simControl, startSimulator } from "@/lib/simulator";

// One simulator and an official openai client per provider, shared by the chat protocol tests.
// Importing this module registers its hooks in the importing test file.

export let sim: RunningSimulator;
export let sf: OpenAI;
export let glm: OpenAI;

beforeAll(async () => {
  sim = await startSimulator({ config: { chatChunkDelayMs: 0 } });
  sf = new OpenAI({ apiKey: "sk-test", baseURL: `${sim.url}/siliconflow/v1`, maxRetries: 0 });
  glm = new OpenAI({ apiKey: "glm-test", baseURL: `${sim.url}/glm/api/paas/v4`, maxRetries: 0 });
});
afterAll(() => sim.close());
beforeEach(() => simControl(sim.url).reset());

export type Delta = {
  role?: string;
  content?: string | null;
  reasoning_content?: string | null;
  tool_calls?: { index: number; id?: string | null; type?: string; function?: { name?: string; arguments?: string } }[];
};
export type Usage = {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  completion_tokens_details?: { reasoning_tokens: number };
};
export type Chunk = { choices: { delta: Delta; finish_reason: string | null }[]; usage?: Usage };

/** Raw SSE over fetch, to check the wire format itself (the SDK hides [DONE] and extra fields). */
export async function rawStream(base: string, body: Record<string, unknown>) {
  const res = await fetch(`${sim.url}${base}/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer k", "content-type": "application/json" },
    body: JSON.stringify({ ...body, stream: true }),
  });
  const text = await res.text();
  const events = text.split("\n\n").filter(Boolean);
  // Comment events (": keep-alive") carry no data: SSE clients skip them, and so does this reader.
  const comments = events.filter((e) => e.startsWith(":"));
  const lines = events.filter((e) => !e.startsWith(":"));
  const chunks = lines.filter((l) => l !== "data: [DONE]").map((l) => JSON.parse(l.slice(6)) as Chunk);
  return { res, text, lines, comments, chunks };
}

export const SF = "/siliconflow/v1";
export const GLM = "/glm/api/paas/v4";
export const ask = (content: string) => [{ role: "user" as const, content }];
