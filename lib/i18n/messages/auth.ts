export const en = {
  "auth.title": "Enter the access code",
  "auth.body": "This SiliconPlay server is private. Ask whoever runs it for the access code.",
  "auth.code": "Access code",
  "auth.unlock": "Unlock",
  "auth.logout": "Sign out",
} as const;

export const zh: Record<keyof typeof en, string> = {
  "auth.title": "请输入访问码",
  "auth.body": "此 SiliconPlay 服务器为私有部署。请向管理员索取访问码。",
  "auth.code": "访问码",
  "auth.unlock": "解锁",
  "auth.logout": "退出登录",
};
