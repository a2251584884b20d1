// The Simplified Chinese of ../chat-fit.ts (split out so the browser loads one language up front).
import type { ChatFitKey } from "../chat-fit";

export const zh: Record<ChatFitKey, string> = {
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
