import { FIELD_NAMES } from "@/lib/chat/bounds";
import { estimateMessage, estimateTextTokens, MESSAGE_OVERHEAD_TOKENS, promptBudget } from "@/lib/chat/context";
import type { ChatSettings } from "@/lib/chat/contract";
import { type Reconciled, reconcileSettings } from "@/lib/chat/reconcile";
import { AppError } from "@/lib/errors";
import { inEnglish } from "@/lib/i18n";
import type { ModelInfo } from "@/lib/providers/catalog";
import type { ImageDetail } from "@/lib/vision/tokens";

// The browser's checks of a message before it is stored and sent. Both keep what was typed: a refusal
// is thrown to the composer, which shows it and leaves the text in the box.

interface OutgoingSize {
  text: string;
  images: readonly { width: number; height: number; detail?: ImageDetail }[];
}

/**
 * The settings as they will be sent (clamped to the model, with what changed), or an error naming a
 * field that cannot be fitted.
 */
export function fitSettings(model: ModelInfo, settings: ChatSettings | undefined): Reconciled {
  const fitted = reconcileSettings(model, settings);
  const first = fitted.blocked[0];
  if (first) {
    throw new AppError("bad_request", {
      detail: `settings.${first.field}: ${inEnglish(first.message)}`,
      key: "error.chat.settingInvalid",
      vars: { field: { key: FIELD_NAMES[first.field] }, model: model.id },
    });
  }
  return fitted;
}

/**
 * Refuses a message that cannot fit the model's context window on its own, whatever earlier turns are
 * left out (the server trims those; see lib/chat/server/trim.ts). Same error as a provider's "prompt too long".
 */
export function checkFitsContext(model: ModelInfo, message: OutgoingSize, settings: ChatSettings): void {
  const system = settings.systemPrompt?.trim()
    ? MESSAGE_OVERHEAD_TOKENS + estimateTextTokens(settings.systemPrompt)
    : 0;
  const tokens = system + estimateMessage(model, message);
  const budget = promptBudget(model, settings.maxTokens);
  if (tokens > budget) {
    throw new AppError("prompt_too_long", {
      provider: model.provider,
      detail: `about ${tokens} prompt tokens; ${model.id} leaves ${budget} of its ${model.contextWindow}-token window`,
    });
  }
}
