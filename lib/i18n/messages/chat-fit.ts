// Strings for fitting a conversation to its model: thinking controls per model, settings adjusted
// to another model's ranges, and the context window (earlier messages left out). Both dictionaries.
export const en = {
  "chat.settings.reasoningEffort": "Reasoning effort",
  "chat.settings.reasoningEffortDefault": "Model default ({level})",
  "chat.settings.effort.high": "High",
  "chat.settings.effort.max": "Maximum",
  "chat.settings.alwaysThinks": "{model} always thinks before it answers; it has no off switch.",
  "chat.settings.active": "Custom settings are active for this conversation.",
  "chat.settings.adjusted": "Settings changed to fit {model}: {changes}.",
  "chat.settings.change": "{field} {from} → {to}",
  "chat.settings.unused": "{model} does not use: {fields}. They are kept for other models.",
  "chat.context.trimmed":
    "Earlier messages not sent: the {count} oldest did not fit the model's context window, so this reply did not see them.",
} as const;

export type ChatFitKey = keyof typeof en;
