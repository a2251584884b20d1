export const en = {
  "cost.reply.title": "What this reply cost, from the provider's token counts and the model's price",
  "cost.free": "This model is free to use",
  "cost.unknown": "price unknown",
  "cost.speed.title": "Time to the first token, tokens per second while writing, and the total time",
  "cost.speed.ttft": "first token {s} s",
  "cost.speed.rate": "{rate} tok/s",
  "cost.speed.total": "{s} s",
  "cost.conversation": "Cost: {cost}",
  "cost.conversation.partial": "Cost: {cost} + unknown",
  "cost.conversation.title": "What every reply of this conversation cost, at the prices in Settings",
} as const;

export const zh: Record<keyof typeof en, string> = {
  "cost.reply.title": "本条回复的费用，按服务商计数的 token 和模型价格计算",
  "cost.free": "此模型免费",
  "cost.unknown": "价格未知",
  "cost.speed.title": "首个 token 的时间、生成时每秒 token 数和总耗时",
  "cost.speed.ttft": "首 token {s} 秒",
  "cost.speed.rate": "{rate} token/秒",
  "cost.speed.total": "{s} 秒",
  "cost.conversation": "费用：{cost}",
  "cost.conversation.partial": "费用：{cost} + 未知",
  "cost.conversation.title": "本对话所有回复的费用，按设置中的价格计算",
};
