// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MarkdownBoundary } from "@/components/chat/markdown/boundary";
import { flattenDeep, MAX_DEPTH, treeDepth } from "@/components/chat/markdown/flatten";
import { Markdown } from "@/components/chat/markdown/markdown";
import { parseBlock } from "@/components/chat/markdown/parse";
import { splitBlocks } from "@/components/chat/markdown/split";
import { MAX_LINE_MARKERS, tameMarkdown } from "@/components/chat/markdown/tame";
import { I18nProvider } from "@/lib/i18n/client";
import { longMarkdown } from "@/lib/simulator/longform";

// Model output must not be able to take more than its own message down: no input may throw,
// overflow the stack or make unbounded work. Each case runs under the test's time limit, a bound on
// work far above what the cases need (they complete in milliseconds to a few seconds on a busy
// machine; before the fix several overflowed the stack or ran for tens of seconds).

afterEach(cleanup);

const ui = (text: string, locale: "en" | "zh" = "en") => (
  <I18nProvider initialLocale={locale}>
    <Markdown text={text} />
  </I18nProvider>
);

/** Element nesting under `root`, counted without recursion. */
function domDepth(root: Element): number {
  let max = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [el, d] = stack.pop()!;
    if (d > max) max = d;
    for (const c of Array.from(el.children)) stack.push([c, d + 1]);
  }
  return max;
}

// The reported ones first (issue 18), then the parser's other slow paths.
const PATHOLOGICAL: [string, string][] = [
  ["3,000 `>`", `> ${">".repeat(3000)}`],
  ["10,000 `*`", "*".repeat(10_000)],
  ["10,000 `*` around a word", `${"*".repeat(5000)}a${"*".repeat(5000)}`],
  ["a 1,000-level list on one line", `${"- ".repeat(1000)}x`],
  ["a 3,000-level list on one line", `${"- ".repeat(3000)}x`],
  [
    "a list nested one level per line, 400 deep",
    Array.from({ length: 400 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n"),
  ],
  ["quotes nested one level per line", Array.from({ length: 200 }, (_, i) => `${">".repeat(i + 1)} x`).join("\n")],
  ["ordered lists", `${"1. ".repeat(2000)}x`],
  ["alternating emphasis", `${"*_".repeat(2500)}a${"_*".repeat(2500)}`],
  ["unclosed image openers", `${"![a ".repeat(1500)}${"](b) ".repeat(1500)}`],
  ["nested image openers", `${"![".repeat(2000)}a${"](b)".repeat(2000)}`],
  ["unclosed link openers", `${"[a ".repeat(2000)}${"](b) ".repeat(2000)}`],
  ["mixed delimiters", `${"_a ".repeat(3000)}${"b* ".repeat(3000)}`],
  ["a fence trick inside an HTML block", `<div>\n\`\`\`\n\n${"- ".repeat(3000)}x`],
  ["quotes inside list items", `${"- > ".repeat(1500)}x`],
  ["deep emphasis of words", `${"*a ".repeat(400)}b${" c*".repeat(400)}`],
];

describe("pathological markdown", () => {
  it.each(PATHOLOGICAL)("%s renders without throwing, nested no deeper than the cap", (_name, text) => {
    const { container } = render(ui(text));
    // Structure past the cap is flattened; a few levels of wrappers per level are allowed.
    expect(domDepth(container)).toBeLessThan(MAX_DEPTH * 3 + 20);
  });

  it("keeps the words of a flattened subtree", () => {
    const { container } = render(ui(`${"> ".repeat(200)}the words at the bottom`));
    expect(container.textContent).toContain("the words at the bottom");
    const { container: list } = render(ui(`${"- ".repeat(500)}deep item`));
    expect(list.textContent).toContain("deep item");
  });

  it("limits container markers per line and leaves the words", () => {
    const tamed = tameMarkdown(`${"> ".repeat(100)}hello`);
    expect((tamed.match(/>/g) ?? []).length).toBe(MAX_LINE_MARKERS);
    expect(tamed.endsWith("hello")).toBe(true);
    // Escaped delimiters still read as the characters they are.
    const stars = tameMarkdown(`a ${"*".repeat(100)} b`);
    expect(stars.replaceAll("\\", "")).toBe(`a ${"*".repeat(100)} b`);
  });

  it("flattens any tree past the cap, without recursion", () => {
    const tree = parseBlock("x", "", false);
    // A tree deeper than the stack would allow a recursive walk.
    let node = tree.children[0]! as { type: string; children: unknown[] };
    for (let i = 0; i < 50_000; i++) {
      const next = { type: "blockquote", children: [] as unknown[] };
      node.children = [next];
      node = next;
    }
    node.children = [{ type: "text", value: "bottom" }];
    expect(treeDepth(tree)).toBeGreaterThan(50_000);
    flattenDeep(tree);
    expect(treeDepth(tree)).toBeLessThanOrEqual(MAX_DEPTH + 3);
  });
});

describe("ordinary markdown is not changed", () => {
  it("leaves every block of long, varied replies as written", () => {
    for (const seed of [1, 2, 3, 42]) {
      for (const block of splitBlocks(longMarkdown(40, seed))) expect(tameMarkdown(block)).toBe(block);
    }
  });

  it("leaves code alone: a comment banner of stars keeps its stars", () => {
    const code = `\`\`\`c\n/${"*".repeat(60)}/\nint x = a ** b;\n\`\`\``;
    expect(tameMarkdown(code)).toBe(code);
    const math = `$$\n${"x_{1}".repeat(3000)}\n$$`;
    expect(tameMarkdown(math)).toBe(math);
  });

  it("still renders 30 levels of nested lists and quotes as structure", () => {
    const text = Array.from({ length: 30 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n");
    const { container } = render(ui(text));
    expect(container.querySelectorAll("ul")).toHaveLength(30);
    const { container: quotes } = render(ui(`${"> ".repeat(30)}deep`));
    expect(quotes.querySelectorAll("blockquote")).toHaveLength(30);
  });
});

// Characters that mean something to a markdown parser, weighted towards the ones that nest.
const ALPHABET = [
  ">",
  "*",
  "_",
  "-",
  "+",
  "[",
  "]",
  "(",
  ")",
  "!",
  "`",
  "~",
  "|",
  "$",
  "\\",
  "<",
  "#",
  " ",
  "\n",
  "a",
  "1.",
];
const token = fc.constantFrom(...ALPHABET);
const randomText = fc.array(token, { maxLength: 400 }).map((t) => t.join(""));
const repeated = fc
  .tuple(fc.array(token, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 1500 }), randomText)
  .map(([unit, n, tail]) => unit.join("").repeat(n) + tail);

describe("fuzz", () => {
  // Parsing is where the work grows with the input; the tree's depth bounds what rendering does.
  it("random and repeated markdown parses without throwing, within the depth cap", () => {
    fc.assert(
      fc.property(fc.oneof(randomText, repeated), (text) => {
        expect(treeDepth(parseBlock(text, "", false))).toBeLessThanOrEqual(MAX_DEPTH + 3);
      }),
      { numRuns: 100, seed: 18 },
    );
  }, 120_000);

  it("random markdown renders without throwing", () => {
    fc.assert(
      fc.property(randomText, (text) => {
        const { container, unmount } = render(ui(text));
        expect(domDepth(container)).toBeLessThan(MAX_DEPTH * 3 + 20);
        unmount();
      }),
      { numRuns: 100, seed: 18 },
    );
  }, 120_000);
});

function Boom(): never {
  throw new Error("renderer bug");
}

describe("error boundary", () => {
  it.each([
    ["en", "This reply could not be shown with formatting"],
    ["zh", "此回复无法按格式显示"],
  ] as const)("shows the source with a notice (%s) instead of taking the page down", (locale, notice) => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <I18nProvider initialLocale={locale}>
        <p>the rest of the page</p>
        <MarkdownBoundary text="**the source** as written">
          <Boom />
        </MarkdownBoundary>
      </I18nProvider>,
    );
    expect(screen.getByText("the rest of the page")).toBeTruthy();
    expect(screen.getByTestId("markdown-fallback").textContent).toContain("**the source** as written");
    expect(screen.getByRole("note").textContent).toContain(notice);
    error.mockRestore();
  });
});
