import "server-only";
import { getEnv, type ServerEnv } from "@/lib/env";
import { AppError, type Provider } from "@/lib/errors";
import { PROMPT_MAX_CHARS } from "@/lib/images/capabilities";
import { upstreamJson } from "@/lib/upstream";
import { HELPER_MAX_TOKENS, HELPER_MODELS, type ImproveRequest, type ImproveResponse } from "../contract";

// "Improve prompt": one non-streamed chat completion (OpenAI-compatible /chat/completions on both
// providers, upstream-contract.md "Chat") with a free model, asked to answer with the rewritten prompt
// only. The suggestion is returned for the user to review; nothing is generated here.

// The simulator recognises the phrase "text-to-image prompt" / "text-to-video prompt" in this system
// message and answers with a fixed rewrite (lib/simulator/prompt-rewrite.ts).
const SYSTEM: Record<ImproveRequest["kind"], string> = {
  image:
    "You turn a short idea into one detailed text-to-image prompt: subject, setting, composition, lighting, " +
    "colours, style and camera or medium. Keep every element the user asked for and add nothing that " +
    "contradicts it. Answer in the language of the idea, with the prompt only: no title, no quotes, no notes.",
  video:
    "You turn a short idea into one detailed text-to-video prompt: subject, action, setting, camera movement, " +
    "lighting and style. Keep every element the user asked for and add nothing that contradicts it. " +
    "Answer in the language of the idea, with the prompt only: no title, no quotes, no notes.",
};

// For a model that reads English best (contract.ts prefersEnglish), in place of the last sentence.
const IN_ENGLISH =
  "Answer in English, translating the idea if it is written in another language, with the prompt only: " +
  "no title, no quotes, no notes.";
const LAST_SENTENCE = "Answer in the language of the idea, with the prompt only: no title, no quotes, no notes.";

interface ChatAnswer {
  choices?: { message?: { content?: unknown } }[];
}

/** The provider that answers: SiliconFlow when it has a key (or in demo mode), else GLM. */
export function helperProvider(env: Pick<ServerEnv, "demo" | "siliconflow" | "glm"> = getEnv()): Provider {
  if (env.demo || env.siliconflow.apiKey) return "siliconflow";
  return env.glm.apiKey ? "glm" : "siliconflow";
}

/** Models sometimes wrap the answer in quotes or a code fence, or think aloud first: keep the prompt. */
export function cleanSuggestion(text: string): string {
  let s = text.replace(/<think>[\s\S]*?<\/think>/g, "").trim();
  s = s.replace(/^```[a-z]*\n?|\n?```$/g, "").trim();
  if (/^(["“「『]).*(["”」』])$/s.test(s)) s = s.slice(1, -1).trim();
  return s.slice(0, PROMPT_MAX_CHARS);
}

export async function improvePrompt(body: ImproveRequest, signal: AbortSignal): Promise<ImproveResponse> {
  const provider = helperProvider();
  const model = HELPER_MODELS[provider];
  const answer = await upstreamJson<ChatAnswer>(provider, "/chat/completions", {
    method: "POST",
    json: {
      model,
      messages: [
        {
          role: "system",
          content: body.english ? SYSTEM[body.kind].replace(LAST_SENTENCE, IN_ENGLISH) : SYSTEM[body.kind],
        },
        { role: "user", content: body.prompt },
      ],
      max_tokens: HELPER_MAX_TOKENS,
      temperature: 0.7,
      stream: false,
    },
    signal,
  });
  const content = answer.choices?.[0]?.message?.content;
  const suggestion = typeof content === "string" ? cleanSuggestion(content) : "";
  if (!suggestion) {
    throw new AppError("upstream_error", {
      provider,
      detail: "empty rewrite",
      key: "error.prompt.noRewrite",
    });
  }
  return { suggestion, model };
}
