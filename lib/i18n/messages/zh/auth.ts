// The Simplified Chinese of ../auth.ts (split out so the browser loads one language up front).
import type { AuthKey } from "../auth";

export const zh: Record<AuthKey, string> = {
  "auth.title": "请输入访问码",
  "auth.pageTitle": "登录",
  "auth.body": "此 SiliconPlay 服务器为私有部署。请向管理员索取访问码。",
  "auth.code": "访问码",
  "auth.unlock": "解锁",
  "auth.logout": "退出登录",
  "auth.logout.title": "退出 SiliconPlay",
  "auth.logout.body":
    "你的对话、图像、视频、语音和设置保存在此浏览器中，另有一份供离线使用的应用副本。退出登录不会删除它们：在共用或公共电脑上，请清除这些数据，以免下一位使用者看到。",
  "auth.logout.clear": "退出并清除此浏览器中的数据",
  "auth.logout.keep": "退出，保留数据",
  "auth.logout.cancel": "取消",
  "auth.logout.working": "正在退出…",
};
