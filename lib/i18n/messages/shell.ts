// The frame around every page: the skip link and the demo notice's controls.
export const en = {
  "shell.skip": "Skip to content",
  "demo.dismiss": "Hide this notice",
  "demo.show": "Show the demo mode notice",
  "demo.show.hint": "The notice at the top of every page that says replies come from the built-in simulator.",
  // The page the service worker shows for a path it has no copy of, offline (lib/pwa/service-worker.ts).
  "shell.offline.body":
    "You are offline, and this page was not saved for offline use. {link}: your history is on this device.",
  "shell.offline.openChats": "Open your chats",
} as const;

export type ShellKey = keyof typeof en;

export const zh: Record<ShellKey, string> = {
  "shell.skip": "跳到正文",
  "demo.dismiss": "隐藏此提示",
  "demo.show": "显示演示模式提示",
  "demo.show.hint": "每个页面顶部的提示，说明回复来自内置模拟器。",
  "shell.offline.body": "当前处于离线状态，此页面未保存以供离线使用。{link}：历史记录保存在本设备上。",
  "shell.offline.openChats": "打开对话",
};
