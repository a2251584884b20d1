import { randomUUID } from "node:crypto";
import { SF_60000, writeSse } from "./chat";
import { sfChatModel } from "./chat-models";
import { type Ctx, isNum, record, sendJson, sfBadRequest, sfModelNotFound, sleep } from "./http";
import { countTokens, readDirectives, splitChunks, takeTokens, tokenWeight } from "./text";

// POST /completions with `prompt` + `suffix`: fill-in-the-middle (seed 003 "FIM 补全" §2.2 and seed 004,
// docs.siliconflow.cn "Completions 接口"). The models its FIM guide lists take it (chat-models.ts,
// SF-FIM). The documented client is OpenAI's `client.completions.create(...)`, reading
// `chunk.choices[0].text` (seed 003 §4.2), so the body is OpenAI's legacy completion shape:
// `{id, object: "text_completion", created, model, choices: [{index, text, finish_reason, logprobs}],
// usage}`. As in SiliconFlow's chat streams, each chunk repeats the running usage (assumed for this
// endpoint). Cues in the prompt: `[[finish:length]]`, `[[chunk:N]]`, `[[rate:N]]`, `[[error:60000]]`.

function validate(body: Record<string, unknown>): string | "model" | null {
  if (typeof body.model !== "string" || body.model === "") return "model is required";
  const spec = sfChatModel(body.model);
  if (!spec) return "model";
  // Not documented: the wording of the parameter-error form is assumed.
  if (!spec.fim) return `Value error, the model ${spec.id} does not support completions with a suffix (FIM).`;
  if (typeof body.prompt !== "string" || body.prompt === "") return "prompt is required";
  if (body.suffix !== undefined && typeof body.suffix !== "string") return "suffix must be a string";
  if (body.max_tokens !== undefined) {
    if (!isNum(body.max_tokens) || !Number.isInteger(body.max_tokens) || body.max_tokens < 1) {
      return "max_tokens must be a positive integer";
    }
    if (body.max_tokens > spec.maxTokens)
      return `max_tokens is too large: the maximum for ${spec.id} is ${spec.maxTokens}`;
  }
  if (body.temperature !== undefined && (!isNum(body.temperature) || body.temperature < 0 || body.temperature > 2)) {
    return "temperature must be between 0 and 2";
  }
  return null;
}

/** The middle between `prompt` and `suffix`: code-shaped after a line that opens a block. */
function fimMiddle(prompt: string, suffix: string): string {
  const before = [...prompt].length;
  const after = [...suffix].length;
  const lines = prompt.split("\n");
  const last = [...lines].reverse().find((line) => line.trim() !== "") ?? "";
  const indent = /^\s*/.exec(last)?.[0] ?? "";
  const note = `filled in between a ${before}-character prefix and a ${after}-character suffix`;
  const lead = prompt.endsWith("\n") ? "" : "\n";
  if (/:\s*$/.test(last)) return `${lead}${indent}    # ${note}\n${indent}    return None\n`;
  if (/[{(]\s*$/.test(last)) return `${lead}${indent}  // ${note}\n${indent}  return undefined;\n`;
  return `${/\s$/.test(prompt) ? "" : " "}(${note})${/^\s/.test(suffix) ? "" : " "}`;
}

export async function siliconflowCompletions(ctx: Ctx): Promise<void> {
  const body = record(ctx.json);
  const problem = validate(body);
  if (problem === "model") return sfModelNotFound(ctx);
  if (problem) return sfBadRequest(ctx, problem);
  const model = String(body.model);
  const prompt = String(body.prompt);
  const suffix = typeof body.suffix === "string" ? body.suffix : "";
  const directives = readDirectives(prompt);
  let text = fimMiddle(prompt, suffix);
  let finishReason = directives.finish ?? "stop";
  // OpenAI documents 16 for a completion without max_tokens; SiliconFlow's default is not documented.
  const maxTokens = isNum(body.max_tokens) ? body.max_tokens : 16;
  if (tokenWeight(text) > maxTokens) {
    text = takeTokens(text, maxTokens);
    finishReason = "length";
  }
  const promptTokens = countTokens(prompt) + countTokens(suffix);
  const meta = {
    id: `cmpl-${randomUUID().replace(/-/g, "")}`,
    object: "text_completion",
    created: Math.floor(Date.now() / 1000),
    model,
  };
  const usage = (completion: number) => ({
    prompt_tokens: promptTokens,
    completion_tokens: completion,
    total_tokens: promptTokens + completion,
  });
  const delayMs = directives.rate ? 1000 / directives.rate : ctx.state.config.chatChunkDelayMs;
  if (body.stream === true) {
    const pieces = splitChunks(text, directives.chunk);
    let done = 0;
    const payloads: unknown[] = pieces.map((piece) => {
      done += tokenWeight(piece);
      return {
        ...meta,
        choices: [{ index: 0, text: piece, finish_reason: null, logprobs: null }],
        usage: usage(Math.ceil(done)),
      };
    });
    payloads.push({
      ...meta,
      choices: [{ index: 0, text: "", finish_reason: finishReason, logprobs: null }],
      usage: usage(countTokens(text)),
    });
    await writeSse(ctx, "siliconflow", payloads, delayMs, {
      errorLine: /\[\[error:60000\]\]/.test(prompt) ? JSON.stringify(SF_60000) : undefined,
    });
    return;
  }
  await sleep(ctx, Math.min(pieceCount(text) * delayMs, 2000));
  sendJson(ctx, 200, {
    ...meta,
    choices: [{ index: 0, text, finish_reason: finishReason, logprobs: null }],
    usage: usage(countTokens(text)),
  });
}

function pieceCount(text: string): number {
  return splitChunks(text).length;
}
