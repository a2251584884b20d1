// Strings for the chat slice: add keys to both dictionaries.
export const en = {} as const;

export const zh: Record<keyof typeof en, string> = {};
