export const en = {
  "auth.title": "Enter the access code",
  "auth.pageTitle": "Sign in",
  "auth.body": "This SiliconPlay server is private. Ask whoever runs it for the access code.",
  "auth.code": "Access code",
  "auth.unlock": "Unlock",
  "auth.logout": "Sign out",
  "auth.logout.title": "Sign out of SiliconPlay",
  "auth.logout.body":
    "Your conversations, images, videos, speech and settings are kept in this browser, with a copy of the app for offline use. Signing out does not remove them: on a shared or public computer, clear them so the next person cannot read them.",
  "auth.logout.clear": "Sign out and clear this browser's data",
  "auth.logout.keep": "Sign out, keep data",
  "auth.logout.cancel": "Cancel",
  "auth.logout.working": "Signing out…",
} as const;

export type AuthKey = keyof typeof en;
