// Shell-wide strings. Each capability keeps its own file beside this one so that
// slices can grow without editing one giant dictionary.
export const en = {
  "app.name": "SiliconPlay",
  "app.tagline": "Chat, vision, images, video and speech for SiliconFlow and Zhipu GLM",
  "nav.primary": "Primary",
  "nav.chat": "Chat",
  "nav.images": "Images",
  "nav.video": "Video",
  "nav.speech": "Speech",
  "nav.settings": "Settings",
  "nav.menu": "Menu",
  "demo.banner":
    "Demo mode: no API key is configured, so replies come from the built-in offline simulator. Set SILICONFLOW_API_KEY or GLM_API_KEY in .env.local to use real models.",
  "offline.banner":
    "You are offline. Your history and saved media are available; generating replies, images, video or speech needs a connection.",
  "locale.label": "Language",
  "theme.label": "Theme",
  "theme.light": "Light",
  "theme.dark": "Dark",
  "theme.system": "System",
  "common.retry": "Retry",
  "common.loading": "Loading…",
  "common.dismiss": "Dismiss",
  "common.traceId": "Trace ID",
  "empty.soon.title": "Not built yet",
  "empty.soon.body": "This studio is planned but not available in this version. Nothing here generates anything yet.",
  "empty.soon.chat": "Chat with reasoning models arrives in the next release.",
  "empty.soon.images": "Text-to-image and image-to-image with a saved gallery are planned.",
  "empty.soon.video": "Durable video generation jobs are planned.",
  "empty.soon.speech": "Text-to-speech with custom voices is planned.",
} as const;

export type CommonKey = keyof typeof en;

export const zh: Record<CommonKey, string> = {
  "app.name": "SiliconPlay",
  "app.tagline": "面向硅基流动与智谱 GLM 的对话、视觉、图像、视频与语音工作台",
  "nav.primary": "主导航",
  "nav.chat": "对话",
  "nav.images": "图像",
  "nav.video": "视频",
  "nav.speech": "语音",
  "nav.settings": "设置",
  "nav.menu": "菜单",
  "demo.banner":
    "演示模式：未配置 API 密钥，回复来自内置的离线模拟器。在 .env.local 中设置 SILICONFLOW_API_KEY 或 GLM_API_KEY 即可使用真实模型。",
  "offline.banner": "当前处于离线状态。历史记录和已保存的媒体仍可查看；生成回复、图像、视频或语音需要网络连接。",
  "locale.label": "语言",
  "theme.label": "主题",
  "theme.light": "浅色",
  "theme.dark": "深色",
  "theme.system": "跟随系统",
  "common.retry": "重试",
  "common.loading": "加载中…",
  "common.dismiss": "关闭",
  "common.traceId": "追踪 ID",
  "empty.soon.title": "尚未开放",
  "empty.soon.body": "此工作室已在计划中，但当前版本尚不可用，这里还不会生成任何内容。",
  "empty.soon.chat": "支持推理模型的对话将在下一版本推出。",
  "empty.soon.images": "计划支持文生图、图生图，并保存到图库。",
  "empty.soon.video": "计划支持可恢复的视频生成任务。",
  "empty.soon.speech": "计划支持文本转语音与自定义音色。",
};
