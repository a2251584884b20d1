// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Button } from "@/components/ui/button";
import { dismissToast, type ToastOptions, ToastProvider, toast } from "@/components/ui/toast";
import { renderUi } from "./ui-harness";

afterEach(() => {
  act(() => dismissToast());
  cleanup();
  vi.useRealTimers();
});

function App({ options }: { options: ToastOptions }) {
  return (
    <ToastProvider>
      <Button onClick={() => toast(options)}>Do it</Button>
    </ToastProvider>
  );
}

const region = (name = "Notifications") => screen.getByRole("region", { name });

describe("Toast", () => {
  it("announces politely through a labelled live region", async () => {
    renderUi(<App options={{ title: "Saved", description: "Settings apply to new replies." }} />);
    expect(region().getAttribute("aria-live")).toBe("polite");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Do it" })));
    const item = await within(region()).findByRole("dialog", { name: "Saved" });
    expect(document.getElementById(item.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Settings apply to new replies.",
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("interrupts with role=alert when assertive", async () => {
    renderUi(
      <App options={{ title: "Upload failed", description: "The file is over 10 MB.", priority: "assertive" }} />,
    );
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Do it" })));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Upload failedThe file is over 10 MB.");
  });

  it("runs its action (Undo) once and closes", async () => {
    const undo = vi.fn();
    renderUi(<App options={{ title: "Conversation deleted", action: { label: "Undo", onClick: undo } }} />, "en");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Do it" })));
    const item = await within(region()).findByRole("dialog", { name: "Conversation deleted" });
    await act(async () => fireEvent.click(within(item).getByRole("button", { name: "Undo" })));
    expect(undo).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(within(region()).queryByRole("dialog")).toBeNull());
  });

  it("has a dismiss button and a region named in the user's language", async () => {
    renderUi(<App options={{ title: "已保存" }} />, "zh");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Do it" })));
    const item = await within(region("通知")).findByRole("dialog", { name: "已保存" });
    // Base UI hides the close button from assistive technology until the stack is hovered or focused.
    fireEvent.mouseEnter(region("通知"));
    await act(async () => fireEvent.click(within(item).getByRole("button", { name: "关闭" })));
    await waitFor(() => expect(within(region("通知")).queryByRole("dialog")).toBeNull());
  });

  it("closes by itself after its timeout, but not while the pointer rests on it", async () => {
    vi.useFakeTimers();
    renderUi(<App options={{ title: "Copied", timeout: 1000 }} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Do it" })));
    expect(within(region()).getByRole("dialog", { name: "Copied" })).toBeTruthy();

    await act(async () => vi.advanceTimersByTime(600));
    fireEvent.mouseEnter(region());
    await act(async () => vi.advanceTimersByTime(5000));
    expect(within(region()).getByRole("dialog", { name: "Copied" })).toBeTruthy();

    fireEvent.mouseLeave(region());
    await act(async () => vi.advanceTimersByTime(1500));
    expect(within(region()).queryByRole("dialog", { name: "Copied" })).toBeNull();
  });

  it("closes after its timeout when left alone", async () => {
    vi.useFakeTimers();
    renderUi(<App options={{ title: "Copied", timeout: 1000 }} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Do it" })));
    await act(async () => vi.advanceTimersByTime(900));
    expect(within(region()).getByRole("dialog", { name: "Copied" })).toBeTruthy();
    await act(async () => vi.advanceTimersByTime(200));
    expect(within(region()).queryByRole("dialog", { name: "Copied" })).toBeNull();
  });
});
