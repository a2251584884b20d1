import type { Page } from "@playwright/test";

// When the app became interactive (the composer form is marked ready) and when the first link
// matching `linkSelector` appeared in the sidebar, in page time. Installed before navigation, so
// every later load of the page records its own pair.
export async function recordSidebarTiming(page: Page, linkSelector: string): Promise<void> {
  await page.addInitScript((selector) => {
    const w = window as unknown as { __at: Record<string, number> };
    w.__at = {};
    new MutationObserver(() => {
      if (!w.__at.ready && document.querySelector("form[data-ready]")) w.__at.ready = performance.now();
      if (!w.__at.list && document.querySelector(selector)) w.__at.list = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, linkSelector);
}

export function readSidebarTiming(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => (window as unknown as { __at: Record<string, number> }).__at);
}
