// @vitest-environment jsdom
// Segment windowing of long finished replies: which segments mount, and that an unmounted one keeps
// the height it had on the page. jsdom lays nothing out, so the geometry is given: each segment box
// reports a height and a place, and a fake IntersectionObserver says which boxes are near the view.
import { act, cleanup, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Markdown } from "@/components/chat/markdown/markdown";
import {
  estimateHeight,
  heightKey,
  isNear,
  knownHeight,
  rememberHeight,
  WINDOW_FROM_SEGMENTS,
} from "@/components/chat/markdown/segment-window";
import { SEGMENT } from "@/components/chat/markdown/split";
import { I18nProvider } from "@/lib/i18n/client";

describe("window geometry", () => {
  it("counts a box as near within the margin on either side of the view", () => {
    const view = { top: 0, bottom: 800 };
    expect(isNear({ top: 100, bottom: 300 }, view, 1000)).toBe(true);
    expect(isNear({ top: 1700, bottom: 3000 }, view, 1000)).toBe(true);
    expect(isNear({ top: 1801, bottom: 3000 }, view, 1000)).toBe(false);
    expect(isNear({ top: -3000, bottom: -1000 }, view, 1000)).toBe(true);
    expect(isNear({ top: -3000, bottom: -1001 }, view, 1000)).toBe(false);
    // A box taller than the view and margin together, around it: near.
    expect(isNear({ top: -5000, bottom: 5000 }, view, 0)).toBe(true);
  });

  it("estimates by length and remembers measured heights, the oldest forgotten first", () => {
    expect(estimateHeight(["a".repeat(900)])).toBe(280 + 24);
    const key = heightKey(32, ["# A heading\n\n"]);
    expect(knownHeight(key)).toBeUndefined();
    rememberHeight(key, 0);
    expect(knownHeight(key)).toBeUndefined();
    rememberHeight(key, 1234);
    expect(knownHeight(key)).toBe(1234);
    for (let i = 0; i < 2000; i++) rememberHeight(heightKey(i, ["x"]), 10);
    expect(knownHeight(key)).toBeUndefined();
  });
});

// Paragraphs "Paragraph i." so segment s holds paragraphs s*SEGMENT .. s*SEGMENT+SEGMENT-1.
function reply(segments: number): string {
  return Array.from({ length: segments * SEGMENT + 2 }, (_, i) => `Paragraph ${i}.`).join("\n\n");
}

const observed = new Set<Element>();
let notify: ((entries: Partial<IntersectionObserverEntry>[]) => void) | null = null;
/** Where each segment box says it is: the nth box (in document order) gets place(n). */
let place: (n: number, el: Element) => { top: number; height: number } = () => ({ top: 0, height: 0 });

beforeEach(() => {
  observed.clear();
  vi.stubGlobal(
    "IntersectionObserver",
    class {
      constructor(cb: (entries: Partial<IntersectionObserverEntry>[]) => void) {
        notify = cb;
      }
      observe(el: Element) {
        observed.add(el);
      }
      unobserve(el: Element) {
        observed.delete(el);
      }
      disconnect() {}
    },
  );
  vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
    if (this.getAttribute("role") === "log") return { top: 0, bottom: 800, height: 800, width: 600 } as DOMRect;
    const boxes = [...document.querySelectorAll('[role="log"] > div > div')];
    const { top, height } = place(boxes.indexOf(this), this);
    return { top, bottom: top + height, height, width: 600 } as DOMRect;
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const ui = (text: string, streaming = false) => (
  <I18nProvider initialLocale="en">
    <div role="log">
      <Markdown text={text} streaming={streaming} />
    </div>
  </I18nProvider>
);

const mounted = (c: HTMLElement) =>
  [...c.querySelectorAll('[role="log"] > div > div')].map((d) => !d.hasAttribute("data-segment"));

describe("a long finished reply", () => {
  it("mounts only the segments near the view, before the first paint", () => {
    // Segment n is 3,000px tall, one after the other: the view (0–800) and its 1,000px margin reach
    // segments 0 (0–3000) only; the partial last segment always renders.
    place = (n) => ({ top: n * 3000, height: 3000 });
    const { container } = render(ui(reply(5)));
    expect(mounted(container)).toEqual([true, false, false, false, false, true]);
    expect(container.textContent).toContain("Paragraph 0.");
    expect(container.textContent).not.toContain(`Paragraph ${SEGMENT}.`);
    expect(observed.size).toBe(5);
  });

  it("mounts a segment that comes near, unmounts one that leaves, at the height it had", () => {
    place = (n) => ({ top: n * 3000, height: 2345 });
    const { container } = render(ui(reply(4)));
    const boxes = () => [...container.querySelectorAll('[role="log"] > div > div')] as HTMLElement[];
    act(() =>
      notify?.([
        { target: boxes()[0], isIntersecting: false, boundingClientRect: { height: 2345 } as DOMRect },
        { target: boxes()[2], isIntersecting: true, boundingClientRect: { height: 2000 } as DOMRect },
      ]),
    );
    expect(mounted(container)).toEqual([false, false, true, false, true]);
    expect(boxes()[0]!.style.height).toBe("2345px");
    expect(container.textContent).toContain(`Paragraph ${2 * SEGMENT}.`);
    expect(container.textContent).not.toContain("Paragraph 0.");
    // The segment that left is remembered at that height for the next time it is mounted.
    expect(knownHeight(heightKey(0, ["Paragraph 0.\n\n"]))).toBe(2345);
  });

  it("keeps short and streaming replies whole", () => {
    place = () => ({ top: 99_999, height: 100 });
    const short = render(ui(reply(WINDOW_FROM_SEGMENTS - 1)));
    expect(mounted(short.container).every(Boolean)).toBe(true);
    short.unmount();
    const streaming = render(ui(reply(WINDOW_FROM_SEGMENTS + 2), true));
    expect(mounted(streaming.container).every(Boolean)).toBe(true);
    // Once it ends, the segments far from the view go.
    streaming.rerender(ui(reply(WINDOW_FROM_SEGMENTS + 2), false));
    expect(mounted(streaming.container)).toEqual([...Array(WINDOW_FROM_SEGMENTS + 2).fill(false), true]);
  });
});
