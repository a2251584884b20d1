// The Simplified Chinese of ../shell.ts (split out so the browser loads one language up front).
import type { ShellKey } from "../shell";

export const zh: Record<ShellKey, string> = {
  "shell.skip": "跳到正文",
  "demo.dismiss": "隐藏此提示",
  "demo.show": "显示演示模式提示",
  "demo.show.hint": "每个页面顶部的提示，说明回复来自内置模拟器。",
  "shell.offline.body": "当前处于离线状态，此页面未保存以供离线使用。{link}：历史记录保存在本设备上。",
  "shell.offline.openChats": "打开对话",
};
