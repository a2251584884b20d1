import { AppError, isAppErrorJSON } from "@/lib/errors";

// For the chat UI: useChat hands over an Error whose message is either the error chunk's text (the
// route writes AppErrorJSON there) or, for a refused request (4xx), the response body
// `{ error: AppErrorJSON }`. This turns either back into the typed AppError.

export function chatErrorFrom(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isAppErrorJSON(error)) return AppError.fromJSON(error);
  const text = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  if (text.startsWith("{")) {
    try {
      const json: unknown = JSON.parse(text);
      if (isAppErrorJSON(json)) return AppError.fromJSON(json);
      const inner = (json as { error?: unknown } | null)?.error;
      if (isAppErrorJSON(inner)) return AppError.fromJSON(inner);
    } catch {
      // not one of ours
    }
  }
  if (error instanceof Error && error.name === "AbortError") return AppError.from(error);
  // fetch failed or the connection to our own server dropped.
  if (error instanceof TypeError) {
    return new AppError("network", {
      key: "error.chat.connectionLost",
    });
  }
  return AppError.from(error);
}
