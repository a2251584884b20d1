// Lazy renderers (KaTeX) work only on what the reader can reach soon: a formula far above or below
// the visible part of the thread stays TeX source until it comes within NEAR_PX of the view. A
// long reply streamed quickly scrolls hundreds of formulas past; rendering them all would compete
// with the stream for the main thread for nothing.

const NEAR_PX = 800;

type Listener = (near: boolean) => void;

const observers = new Map<Element | null, IntersectionObserver>();
const listeners = new WeakMap<Element, Listener>();

/** The thread's scroll box (role=log), so the margin applies to it; else the viewport. */
function scrollRoot(el: Element): Element | null {
  return el.closest('[role="log"]');
}

function observerFor(root: Element | null): IntersectionObserver {
  let observer = observers.get(root);
  if (!observer) {
    observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
      },
      { root, rootMargin: `${NEAR_PX}px 0px` },
    );
    observers.set(root, observer);
  }
  return observer;
}

/** Calls `listener` with whether `el` is near the view now and whenever that changes. */
export function watchNearView(el: Element, listener: Listener): () => void {
  if (typeof IntersectionObserver === "undefined") {
    listener(true);
    return () => {};
  }
  const observer = observerFor(scrollRoot(el));
  listeners.set(el, listener);
  observer.observe(el);
  return () => {
    observer.unobserve(el);
    listeners.delete(el);
  };
}
