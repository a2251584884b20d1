// Whether the demo-mode notice is hidden: the user's choice, kept in localStorage. An attribute on
// <html>, set before paint by the boot script, hides it with CSS (app/globals.css), so a dismissed
// notice never flashes on a reload; the React banner follows the same flag after hydration.

const DEMO_NOTICE_KEY = "sp.demoNoticeHidden";
const ATTR = "data-demo-notice-hidden";
const EVENT = "sp:demo-notice";

export const demoNoticeBootScript = `(function(){try{if(localStorage.getItem("${DEMO_NOTICE_KEY}")==="1")document.documentElement.setAttribute("${ATTR}","")}catch(e){}})();`;

export function isDemoNoticeHidden(): boolean {
  try {
    return localStorage.getItem(DEMO_NOTICE_KEY) === "1";
  } catch {
    return false;
  }
}

export function setDemoNoticeHidden(hidden: boolean): void {
  try {
    if (hidden) localStorage.setItem(DEMO_NOTICE_KEY, "1");
    else localStorage.removeItem(DEMO_NOTICE_KEY);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
  document.documentElement.toggleAttribute(ATTR, hidden);
  window.dispatchEvent(new Event(EVENT));
}

/** For useSyncExternalStore: this tab's choices (the event) and other tabs' (storage). */
export function subscribeDemoNotice(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  window.addEventListener("storage", listener);
  return () => {
    window.removeEventListener(EVENT, listener);
    window.removeEventListener("storage", listener);
  };
}
