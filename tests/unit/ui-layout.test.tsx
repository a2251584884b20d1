// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Button } from "@/components/ui/button";
import { Popover } from "@/components/ui/popover";
import { StudioLayout, useRevealOnPhone } from "@/components/ui/studio-layout";
import { renderUi } from "./ui-harness";

let phone = true;
const scrolled: Element[] = [];

beforeEach(() => {
  phone = true;
  scrolled.length = 0;
  // jsdom has no layout: answer the one-column query as a phone or a desktop would.
  window.matchMedia = vi.fn((query: string) => ({
    matches: query.includes("max-width") ? phone : false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
});
afterEach(cleanup);

function Studio({ initial }: { initial: string[] }) {
  const [jobs, setJobs] = useState(initial);
  const newest = useRevealOnPhone<HTMLLIElement>(jobs[0]);
  return (
    <StudioLayout
      title="Images"
      resultsLabel="Results"
      form={<form id="f" onSubmit={(e) => e.preventDefault()} />}
      action={
        <Button type="submit" form="f" onClick={() => setJobs((j) => [`job-${j.length + 1}`, ...j])}>
          Generate
        </Button>
      }
      actionNote="2 running"
      results={
        <ul>
          {jobs.map((id, i) => (
            <li key={id} ref={i === 0 ? newest : undefined}>
              {id}
            </li>
          ))}
        </ul>
      }
    />
  );
}

describe("StudioLayout", () => {
  it("puts the heading, the form's action and a labelled results region on the page", () => {
    renderUi(<Studio initial={[]} />);
    expect(screen.getByRole("heading", { level: 1, name: "Images" })).toBeTruthy();
    const results = screen.getByRole("region", { name: "Results" });
    const bar = screen.getByTestId("studio-action-bar");
    expect(within(bar).getByRole("button", { name: "Generate" }).getAttribute("type")).toBe("submit");
    expect(bar.textContent).toContain("2 running");
    expect(results.contains(bar)).toBe(false);
  });

  it("brings a new job into view on a phone, but not the jobs restored on load", () => {
    renderUi(<Studio initial={["job-1"]} />);
    expect(scrolled).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    expect(scrolled.map((el) => el.textContent)).toEqual(["job-2"]);
  });

  it("leaves the page alone on the two-column layout", () => {
    phone = false;
    renderUi(<Studio initial={[]} />);
    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    expect(screen.getByText("job-1")).toBeTruthy();
    expect(scrolled).toEqual([]);
  });
});

/** A list read from storage: undefined while loading, then the stored jobs, then new ones in front. */
function StoredStudio() {
  const [jobs, setJobs] = useState<string[] | undefined>(undefined);
  const newest = useRevealOnPhone<HTMLLIElement>(jobs?.[0] ?? null, jobs !== undefined);
  return (
    <>
      <button type="button" onClick={() => setJobs(["stored-2", "stored-1"])}>
        Load
      </button>
      <button type="button" onClick={() => setJobs((j) => [`new-${(j ?? []).length + 1}`, ...(j ?? [])])}>
        Generate
      </button>
      <ul>
        {(jobs ?? []).map((id, i) => (
          <li key={id} ref={i === 0 ? newest : undefined}>
            {id}
          </li>
        ))}
      </ul>
    </>
  );
}

describe("useRevealOnPhone with a list read from storage", () => {
  it("does not scroll to the stored jobs when they arrive, only to the next new one", () => {
    renderUi(<StoredStudio />);
    fireEvent.click(screen.getByRole("button", { name: "Load" }));
    expect(screen.getByText("stored-2")).toBeTruthy();
    expect(scrolled).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    expect(scrolled.map((el) => el.textContent)).toEqual(["new-3"]);
  });
});

describe("Popover", () => {
  it("opens from its trigger as a named dialog and closes on Escape, returning focus", async () => {
    renderUi(
      <Popover
        title="About Top P"
        trigger={
          <Button variant="icon" label="About Top P">
            ?
          </Button>
        }
      >
        Sampling keeps the smallest set of tokens whose probability adds up to P.
      </Popover>,
    );
    const trigger = screen.getByRole("button", { name: "About Top P" });
    trigger.focus();
    await act(async () => fireEvent.click(trigger));
    const popup = await screen.findByRole("dialog", { name: "About Top P" });
    expect(popup.textContent).toContain("smallest set of tokens");
    expect(trigger.getAttribute("aria-expanded")).toBe("true");
    await act(async () => fireEvent.keyDown(document.activeElement ?? popup, { key: "Escape" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.activeElement).toBe(trigger);
  });
});
