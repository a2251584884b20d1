// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { blockRenderProbe, Markdown } from "@/components/chat/markdown/markdown";
import { I18nProvider } from "@/lib/i18n/client";

afterEach(() => {
  cleanup();
  blockRenderProbe.onRender = null;
});

const ui = (text: string, streaming = false, locale: "en" | "zh" = "en") => (
  <I18nProvider initialLocale={locale}>
    <Markdown text={text} streaming={streaming} />
  </I18nProvider>
);

describe("Markdown elements", () => {
  it("renders a GFM table in a horizontally scrollable wrapper", () => {
    const { container } = render(ui("| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |"));
    const table = container.querySelector("table")!;
    expect(table.parentElement!.className).toContain("overflow-x-auto");
    expect([...table.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["a", "b"]);
    expect(table.querySelectorAll("tbody tr")).toHaveLength(2);
    expect((table.querySelector("td:last-child") as HTMLElement).style.textAlign).toBe("right");
  });

  it("renders headings, lists, task lists, quotes, rules, strikethrough and inline code", () => {
    const { container } = render(
      ui("# Title\n\n- one\n- [x] done\n\n1. first\n\n> quoted\n\n---\n\n~~gone~~ and `code()`"),
    );
    expect(container.querySelector("h1")!.textContent).toBe("Title");
    expect(container.querySelectorAll("ul li")).toHaveLength(2);
    expect(container.querySelector<HTMLInputElement>("input[type=checkbox]")!.checked).toBe(true);
    expect(container.querySelector("ol li")!.textContent).toBe("first");
    expect(container.querySelector("blockquote")!.textContent).toBe("quoted");
    expect(container.querySelector("hr")).not.toBeNull();
    expect(container.querySelector("del")!.textContent).toBe("gone");
    expect(container.querySelector("p code")!.textContent).toBe("code()");
  });

  it("renders a code block with its language and a copy button", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(ui("```ts\nconst a = 1;\n```"));
    expect(screen.getByTestId("code-language").textContent).toBe("ts");
    expect(screen.getByTestId("code-block").querySelector("pre code")!.textContent).toBe("const a = 1;");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Copy code" })));
    expect(writeText).toHaveBeenCalledWith("const a = 1;");
    expect(screen.getByRole("button", { name: "Copied" })).toBeTruthy();
  });

  it("names the copy button in Chinese", () => {
    render(ui("```\nx\n```", false, "zh"));
    expect(screen.getByRole("button", { name: "复制代码" })).toBeTruthy();
  });

  it("renders inline and display math with KaTeX, loaded on demand", async () => {
    const { container } = render(ui("Energy $E = mc^2$ here.\n\n$$\n\\frac{1}{2}\n$$"));
    // Before KaTeX has loaded the TeX source is shown.
    expect(screen.getByTestId("math-inline").textContent).toContain("E = mc^2");
    await waitFor(() => expect(container.querySelectorAll(".katex")).toHaveLength(2), { timeout: 10_000 });
    expect(screen.getByTestId("math-block").querySelector(".katex-display")).not.toBeNull();
  });

  it("keeps KaTeX's \\href inert", async () => {
    const { container } = render(ui("$\\href{javascript:alert(1)}{x}$ $\\url{javascript:alert(2)}$"));
    await waitFor(() => expect(container.querySelectorAll(".katex")).toHaveLength(2), { timeout: 10_000 });
    expect(container.querySelector("a")).toBeNull();
    expect(container.innerHTML).not.toMatch(/href="javascript/i);
  });

  it("shows a mermaid block as code while it streams", () => {
    render(ui("```mermaid\ngraph TD; A-->B", true));
    expect(screen.getByTestId("code-language").textContent).toBe("mermaid");
    expect(screen.queryByTestId("mermaid-diagram")).toBeNull();
  });
});

describe("incremental rendering", () => {
  it("re-renders only the last block when text is appended", () => {
    const rendered: number[] = [];
    blockRenderProbe.onRender = (index) => rendered.push(index);
    const a = "# Title\n\nFirst paragraph.\n\n```js\nlet x = 1;\n\nlet y = 2;\n```\n\n| a |\n|---|\n| 1 |\n\nTail";
    const { rerender } = render(ui(a, true));
    // "Tail" is an unfinished line, so the table is still part of the last block.
    expect(rendered).toEqual([0, 1, 2, 3]);
    rendered.length = 0;
    rerender(ui(`${a} grows`, true));
    expect(rendered).toEqual([3]);
    rendered.length = 0;
    // Complete lines split the old tail into finished blocks (3: table, 4: "Tail grows.").
    rerender(ui(`${a} grows.\n\nNext block\n`, true));
    expect(rendered).toEqual([3, 4, 5]);
    rendered.length = 0;
    rerender(ui(`${a} grows.\n\nNext block\n more`, true));
    expect(rendered).toEqual([5]);
    rendered.length = 0;
    // The end of the stream makes the tail final: only it renders again.
    rerender(ui(`${a} grows.\n\nNext block\n more`, false));
    expect(rendered).toEqual([5]);
  });

  it("does not re-render a finished message when its parent re-renders", () => {
    const rendered: number[] = [];
    const text = "One.\n\nTwo.\n\nThree.";
    const { rerender } = render(ui(text));
    blockRenderProbe.onRender = (index) => rendered.push(index);
    rerender(ui(text));
    expect(rendered).toEqual([]);
  });
});
