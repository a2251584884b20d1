// The Simplified Chinese of ../compare.ts (split out so the browser loads one language up front).
import type { CompareKey } from "../compare";

export const zh: Record<CompareKey, string> = {
  "nav.compare": "对比",
  "compare.title": "模型对比",
  "compare.addModel": "添加模型",
  "compare.syncScroll": "同步滚动",
  "compare.settings": "系统提示词与设置",
  "compare.settings.active": "已启用",
  "compare.settings.hint": "发送给本次对比中的每个模型",
  "compare.model": "模型",
  "compare.column": "第 {n} 栏",
  "compare.columns": "各栏",
  "compare.log": "第 {n} 栏的回复",
  "compare.column.empty": "该模型的回复会显示在这里。在下方输入一条提示，每一栏会同时作答。",
  "compare.stop": "停止",
  "compare.remove": "移除第 {n} 栏",
  "compare.waiting": "等待空闲名额…",
  "compare.fastest": "最快",
  "compare.cheapest": "最便宜",
  "compare.continue": "用这条回复继续对话",
  "compare.placeholder": "同一条提示发给每个模型…",
  "compare.notFound": "此浏览器中没有这个对比。",
  "compare.new": "开始对比",
  "compare.earlier": "以前的对比",
};
