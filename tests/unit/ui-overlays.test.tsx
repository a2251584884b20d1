// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Disclosure } from "@/components/ui/disclosure";
import { Drawer } from "@/components/ui/drawer";
import { Menu, MenuItem, MenuSeparator } from "@/components/ui/menu";
import { Switch } from "@/components/ui/switch";
import { Tab, TabList, TabPanel, Tabs } from "@/components/ui/tabs";
import { renderUi } from "./ui-harness";

afterEach(cleanup);

function Thinking({ onChange }: { onChange: (on: boolean) => void }) {
  const [on, setOn] = useState(false);
  return (
    <Switch
      label="Thinking"
      description="Reason before answering"
      checked={on}
      onChange={(next) => {
        setOn(next);
        onChange(next);
      }}
    />
  );
}

describe("Switch", () => {
  it("is a switch named by its visible label, described by its description, toggled by a press", () => {
    const onChange = vi.fn();
    renderUi(<Thinking onChange={onChange} />);
    const sw = screen.getByRole("switch", { name: "Thinking" });
    expect(sw.tagName).toBe("BUTTON");
    expect(screen.getAllByLabelText("Thinking")).toEqual([sw]);
    expect(sw.getAttribute("aria-checked")).toBe("false");
    expect(document.getElementById(sw.getAttribute("aria-describedby")!)?.textContent).toBe("Reason before answering");
    fireEvent.click(sw);
    expect(onChange).toHaveBeenLastCalledWith(true);
    expect(sw.getAttribute("aria-checked")).toBe("true");
    fireEvent.click(screen.getByText("Thinking"));
    expect(sw.getAttribute("aria-checked")).toBe("false");
  });

  it("does nothing while disabled", () => {
    const onChange = vi.fn();
    renderUi(<Switch label="JSON mode" checked={false} disabled onChange={onChange} />);
    fireEvent.click(screen.getByRole("switch", { name: "JSON mode" }));
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe("Dialog", () => {
  const open = async (name: string) => {
    const trigger = screen.getByRole("button", { name });
    trigger.focus();
    await act(async () => fireEvent.click(trigger));
    return trigger;
  };

  it("is named by its title and described by its description; Escape closes it and focus returns", async () => {
    const onOpenChange = vi.fn();
    renderUi(
      <Dialog
        title="Clear all data"
        description="Conversations and media are deleted from this browser."
        trigger={<Button variant="danger">Clear…</Button>}
        onOpenChange={onOpenChange}
      >
        <Button>Export first</Button>
      </Dialog>,
    );
    const trigger = await open("Clear…");
    const dialog = await screen.findByRole("dialog", { name: "Clear all data" });
    expect(dialog.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Conversations and media are deleted from this browser.",
    );
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    expect(onOpenChange).toHaveBeenLastCalledWith(true);

    await act(async () => fireEvent.keyDown(document.activeElement!, { key: "Escape" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });

  it("has a close button named in the user's language", async () => {
    renderUi(
      <Dialog title="设置" trigger={<Button>打开</Button>}>
        <p>内容</p>
      </Dialog>,
      "zh",
    );
    await open("打开");
    const dialog = await screen.findByRole("dialog", { name: "设置" });
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "关闭" })));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("keeps Tab inside while open (focus trap)", async () => {
    renderUi(
      <>
        <Button>Outside</Button>
        <Dialog title="Rename" trigger={<Button>Rename…</Button>}>
          <input aria-label="Title" />
        </Dialog>
      </>,
    );
    await open("Rename…");
    const dialog = await screen.findByRole("dialog", { name: "Rename" });
    // Everything outside the modal is inert or hidden from assistive technology.
    expect(screen.queryByRole("button", { name: "Outside" })).toBeNull();
    expect(within(dialog).getByRole("textbox", { name: "Title" })).toBeTruthy();
  });
});

describe("Drawer", () => {
  it("is a named modal dialog with a translated close button", async () => {
    renderUi(
      <Drawer title="Chat settings" trigger={<Button>Chat settings</Button>}>
        <p>Fields</p>
      </Drawer>,
    );
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Chat settings" })));
    const sheet = await screen.findByRole("dialog", { name: "Chat settings" });
    await act(async () => fireEvent.click(within(sheet).getByRole("button", { name: "Close" })));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });
});

describe("Menu", () => {
  it("opens from its button and moves through items with the keyboard", async () => {
    const rename = vi.fn();
    const remove = vi.fn();
    renderUi(
      <Menu
        trigger={
          <Button variant="icon" label="Conversation actions">
            …
          </Button>
        }
      >
        <MenuItem onClick={rename}>Rename</MenuItem>
        <MenuItem disabled>Move to folder</MenuItem>
        <MenuSeparator />
        <MenuItem danger onClick={remove}>
          Delete
        </MenuItem>
      </Menu>,
    );
    const trigger = screen.getByRole("button", { name: "Conversation actions" });
    expect(trigger.getAttribute("aria-haspopup")).toBe("menu");
    trigger.focus();
    await act(async () => fireEvent.keyDown(trigger, { key: "ArrowDown" }));
    const menu = await screen.findByRole("menu");
    expect(trigger.getAttribute("aria-expanded")).toBe("true");
    const items = within(menu).getAllByRole("menuitem");
    expect(items.map((i) => i.textContent)).toEqual(["Rename", "Move to folder", "Delete"]);
    await waitFor(() => expect(document.activeElement).toBe(items[0]));

    // A disabled item stays reachable (APG) but does nothing; End and Home jump.
    await act(async () => fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" }));
    expect(document.activeElement).toBe(items[1]);
    expect(items[1]!.getAttribute("aria-disabled")).toBe("true");
    await act(async () => fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" }));
    expect(document.activeElement).toBe(items[2]);
    await act(async () => fireEvent.keyDown(document.activeElement!, { key: "Home" }));
    expect(document.activeElement).toBe(items[0]);
    await act(async () => fireEvent.keyDown(document.activeElement!, { key: "End" }));
    expect(document.activeElement).toBe(items[2]);
    await act(async () => fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" }));
    expect(document.activeElement).toBe(items[1]);
    // Enter on the disabled item runs nothing and keeps the menu open.
    await act(async () => fireEvent.keyDown(document.activeElement!, { key: "Enter" }));
    expect(screen.getByRole("menu")).toBeTruthy();
    await act(async () => fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" }));
    expect(document.activeElement).toBe(items[2]);

    await act(async () => fireEvent.click(document.activeElement!));
    expect(remove).toHaveBeenCalledTimes(1);
    expect(rename).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole("menu")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });

  it("closes on Escape without running an item", async () => {
    const rename = vi.fn();
    renderUi(
      <Menu trigger={<Button>Actions</Button>}>
        <MenuItem onClick={rename}>Rename</MenuItem>
      </Menu>,
    );
    const trigger = screen.getByRole("button", { name: "Actions" });
    trigger.focus();
    await act(async () => fireEvent.click(trigger));
    await screen.findByRole("menu");
    await act(async () => fireEvent.keyDown(document.activeElement!, { key: "Escape" }));
    await waitFor(() => expect(screen.queryByRole("menu")).toBeNull());
    expect(rename).not.toHaveBeenCalled();
  });
});

describe("Disclosure and Tabs", () => {
  it("a disclosure is a button with aria-expanded controlling its panel", async () => {
    renderUi(
      <Disclosure summary="Show details">
        <p>Trace id abc</p>
      </Disclosure>,
    );
    const toggle = screen.getByRole("button", { name: "Show details" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    await act(async () => fireEvent.click(toggle));
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const panel = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(panel.textContent).toBe("Trace id abc");
  });

  it("tabs switch panels with the arrow keys", async () => {
    renderUi(
      <Tabs defaultValue="text">
        <TabList label="Input">
          <Tab value="text">Text</Tab>
          <Tab value="image">Image</Tab>
        </TabList>
        <TabPanel value="text">Type a prompt</TabPanel>
        <TabPanel value="image">Drop an image</TabPanel>
      </Tabs>,
    );
    expect(screen.getByRole("tablist", { name: "Input" })).toBeTruthy();
    const text = screen.getByRole("tab", { name: "Text" });
    expect(text.getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel").textContent).toBe("Type a prompt");
    text.focus();
    await act(async () => fireEvent.keyDown(text, { key: "ArrowRight" }));
    const image = screen.getByRole("tab", { name: "Image" });
    expect(document.activeElement).toBe(image);
    expect(image.getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel").textContent).toBe("Drop an image");
  });
});
