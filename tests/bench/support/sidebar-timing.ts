import type { Page } from "@playwright/test";

// In page time: when the history database first opened (the early open in <head>), when the app's
// own open of it succeeded (the last before the list showed: the budget starts there), when
// the app became interactive (the composer form is marked ready) and when the first link matching
// `linkSelector` appeared in the sidebar. Installed before navigation, so every later load of the
// page records its own set.
export async function recordSidebarTiming(page: Page, linkSelector: string): Promise<void> {
  await page.addInitScript((selector) => {
    const w = window as unknown as { __at: Record<string, number> };
    w.__at = {};
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory["open"]>) {
      const req = open.apply(this, args);
      if (args[0] === "siliconplay")
        req.addEventListener("success", () => {
          w.__at.dbOpen ??= performance.now();
          if (!w.__at.list) w.__at.appDbOpen = performance.now();
        });
      return req;
    };
    new MutationObserver(() => {
      if (!w.__at.ready && document.querySelector("form[data-ready]")) w.__at.ready = performance.now();
      if (!w.__at.list && document.querySelector(selector)) w.__at.list = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, linkSelector);
}

export function readSidebarTiming(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => (window as unknown as { __at: Record<string, number> }).__at);
}
