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

export const zh: Record<keyof typeof en, string> = {
  "chat.settings.reasoningEffort": "推理强度",
  "chat.settings.reasoningEffortDefault": "模型默认（{level}）",
  "chat.settings.effort.high": "高",
  "chat.settings.effort.max": "最高",
  "chat.settings.alwaysThinks": "{model} 总会先思考再回答，无法关闭思考。",
  "chat.settings.active": "此对话正在使用自定义设置。",
  "chat.settings.adjusted": "为适配 {model}，已调整设置：{changes}。",
  "chat.settings.change": "{field} {from} → {to}",
  "chat.settings.unused": "{model} 不使用：{fields}。这些设置会为其他模型保留。",
  "chat.context.trimmed": "较早的消息未发送：最早的 {count} 条消息超出了模型的上下文长度，这条回复没有看到它们。",
};
