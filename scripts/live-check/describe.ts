import type { RequestSpec } from "./types";

/** "POST /chat/completions model=… stream max_tokens=32": what the app sent, without the prompt. */
export function describeRequest(spec: RequestSpec, fileBytes?: number): string {
  const parts = [spec.method, spec.path];
  const body = (spec.json ?? {}) as Record<string, unknown>;
  for (const key of [
    "model",
    "max_tokens",
    "enable_thinking",
    "thinking_budget",
    "image_size",
    "size",
    "voice",
    "response_format",
  ]) {
    const value = body[key];
    if (value !== undefined) parts.push(`${key}=${String(value)}`);
  }
  if (body.stream === true) parts.push("stream");
  if (spec.form) {
    for (const [k, v] of Object.entries(spec.form.fields)) parts.push(`${k}=${v}`);
    const size = fileBytes === undefined ? "" : `(${fileBytes} bytes)`;
    parts.push(`${spec.form.file.field}=${spec.form.file.filename}${size}`);
  }
  return parts.join(" ");
}
