import { AppError, type AppErrorJSON, type ErrorCode } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n";

/** A browser-side problem (empty text, a clip too long, no microphone) in the same shape as a route's error. */
export function localError(
  key: MessageKey,
  vars?: Record<string, string | number>,
  code: ErrorCode = "bad_request",
): AppErrorJSON {
  return new AppError(code, { key, vars }).toJSON();
}
