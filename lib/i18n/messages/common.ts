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
  "offline.send": "You are offline: sending a message needs a connection.",
  "offline.generate": "You are offline: generating needs a connection.",
  "locale.label": "Language",
  "theme.label": "Theme",
  "theme.light": "Light",
  "theme.dark": "Dark",
  "theme.system": "System",
  "common.retry": "Retry",
  "common.loading": "Loading…",
  "common.dismiss": "Dismiss",
  "common.traceId": "Trace ID",
  "common.details": "Details",
  // components/ui primitives: names and messages the shared controls carry.
  "ui.close": "Close",
  "ui.number.role": "Number field",
  "ui.number.increment": "Increase",
  "ui.number.decrement": "Decrease",
  "ui.number.clampedMax": "{typed} is above the maximum, so it was set to {value}.",
  "ui.number.clampedMin": "{typed} is below the minimum, so it was set to {value}.",
  "ui.slider.range": "Range {min} to {max}",
  "ui.slider.default": "Default {value}",
  "ui.slider.reset": "Use the default",
  "ui.slider.unknownDefault": "Default",
  "ui.select.placeholder": "Choose…",
  "ui.toast.region": "Notifications",
} as const;

export type CommonKey = keyof typeof en;
