import "server-only";

// GLM-4V models take only `user` and `assistant` turns, and a user turn's content is a list of parts
// (seed 000: "可能的消息类型包括 User message、Assistant message"; User message content is List<Object>).
// The AI SDK writes the system prompt as a `system` message and a text-only user turn as a plain
// string, so the request body is reshaped on its way out: the system prompt goes in front of the first
// user turn's text, and string content becomes one text part. Other models' bodies pass untouched.

type Json = Record<string, unknown>;

export function foldSystemIntoUser(body: string): string {
  let parsed: Json;
  try {
    parsed = JSON.parse(body) as Json;
  } catch {
    return body;
  }
  if (!Array.isArray(parsed.messages)) return body;
  const system: string[] = [];
  const rest: Json[] = [];
  for (const message of parsed.messages as Json[]) {
    if (message?.role === "system") {
      const text = textOf(message.content);
      if (text) system.push(text);
    } else rest.push(message);
  }
  for (const message of rest) {
    if (message.role === "user" && typeof message.content === "string") {
      message.content = [{ type: "text", text: message.content }];
    }
  }
  const first = rest.find((m) => m.role === "user");
  if (system.length > 0) {
    const prompt = system.join("\n\n");
    if (first && Array.isArray(first.content)) {
      const parts = first.content as Json[];
      const text = parts.find((p) => p?.type === "text");
      // The prompt leads the turn's text: images stay where they were (a video part must stay first).
      if (text && typeof text.text === "string") text.text = `${prompt}\n\n${text.text}`;
      else parts.push({ type: "text", text: prompt });
    } else {
      rest.unshift({ role: "user", content: [{ type: "text", text: prompt }] });
    }
  }
  parsed.messages = rest;
  return JSON.stringify(parsed);
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return (content as Json[])
    .filter((p) => p?.type === "text" && typeof p.text === "string")
    .map((p) => p.text as string)
    .join("\n");
}

/** A fetch that reshapes the body for models that need it (`reshape(model id)` says which). */
export function withGlmMessageShapes(fetchFn: typeof fetch, reshape: (model: string) => boolean): typeof fetch {
  return (input, init) => {
    const body = init?.body;
    if (typeof body !== "string") return fetchFn(input, init);
    const model = /"model"\s*:\s*"([^"]+)"/.exec(body)?.[1];
    if (!model || !reshape(model)) return fetchFn(input, init);
    return fetchFn(input, { ...init, body: foldSystemIntoUser(body) });
  };
}
