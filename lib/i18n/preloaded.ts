import { zh } from "./zh";

// The languages a process has before any loadDictionary: on the server (and in unit tests) all of
// them, so a page renders and an API answers in Chinese at once. The browser build resolves
// `#i18n-preloaded` to preloaded-browser.ts instead (package.json "imports"), which keeps Chinese out
// of the first load.
export const preloaded = { zh };
