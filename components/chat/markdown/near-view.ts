// Work on what the reader can reach soon. Lazy renderers (KaTeX, diagrams) leave a formula far
// above or below the visible part of the thread as TeX source until it comes within NEAR_PX of the
// view: a long reply streamed quickly scrolls hundreds of formulas past, and rendering them all
// would compete with the stream for the main thread for nothing. Long finished replies unmount
// their far segments the same way (segment-window.ts), with a margin of their own. One
// IntersectionObserver serves every element watched with the same scroll box and margin.

const NEAR_PX = 800;

/** Told whether the element is near the view, and its height when that was measured. */
type Listener = (near: boolean, height: number) => void;

const observers = new Map<string, IntersectionObserver>();
const roots = new WeakMap<Element, number>();
const listeners = new WeakMap<Element, Listener>();
let nextRoot = 1;

/** The thread's scroll box (role=log), so the margin applies to it; else the viewport. */
export function scrollRoot(el: Element): Element | null {
  return el.closest('[role="log"]');
}

// Module-level, not an arrow inside observerFor: the bundler inlines observerFor into watchNear, and
// a closure made there shares watchNear's scope, which holds the element being watched. The
// observer keeps its callback for the page's life, so the first element it watched (and the whole
// reply around it, once unmounted) could never be collected: ~1,200–1,500 detached nodes after
// ten long replies (`npm run bench history -- stream-load-perf`, detachedRoots).
function notify(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting, entry.boundingClientRect.height);
}

function observerFor(root: Element | null, margin: number): IntersectionObserver {
  let id = 0;
  if (root) {
    id = roots.get(root) ?? nextRoot++;
    roots.set(root, id);
  }
  const key = `${id}:${margin}`;
  let observer = observers.get(key);
  if (!observer) {
    observer = new IntersectionObserver(notify, { root, rootMargin: `${margin}px 0px` });
    observers.set(key, observer);
  }
  return observer;
}

/**
 * Calls `listener` whenever `el` comes within `margin` px of the view or leaves it (and once when
 * first observed). Without IntersectionObserver everything counts as near.
 */
export function watchNear(el: Element, margin: number, listener: Listener): () => void {
  if (typeof IntersectionObserver === "undefined") {
    listener(true, 0);
    return () => {};
  }
  const observer = observerFor(scrollRoot(el), margin);
  listeners.set(el, listener);
  observer.observe(el);
  return () => {
    observer.unobserve(el);
    listeners.delete(el);
  };
}

/** Calls `listener` with whether `el` is near the view now and whenever that changes. */
export function watchNearView(el: Element, listener: (near: boolean) => void): () => void {
  return watchNear(el, NEAR_PX, (near) => listener(near));
}
