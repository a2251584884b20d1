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
