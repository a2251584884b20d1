// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Select } from "@/components/ui/select";
import { renderUi } from "./ui-harness";

afterEach(cleanup);

/** The ids an element's aria-describedby points at, resolved to their text. */
function descriptions(el: HTMLElement): string[] {
  const ids = (el.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`);
}

function SeedForm() {
  const [error, setError] = useState<string | undefined>();
  return (
    <>
      <Field label="Seed" hint="Any whole number" error={error}>
        <Input />
      </Field>
      <Button onClick={() => setError("Use digits only.")}>Check</Button>
    </>
  );
}

describe("Field", () => {
  it("names its input by the label and describes it by the hint", () => {
    renderUi(
      <Field label="Prompt" hint="What to draw">
        <Input />
      </Field>,
    );
    const input = screen.getByLabelText("Prompt");
    expect(input.tagName).toBe("INPUT");
    expect(screen.getByRole("textbox", { name: "Prompt" })).toBe(input);
    expect(descriptions(input)).toEqual(["What to draw"]);
    expect(input.getAttribute("aria-invalid")).toBeNull();
  });

  it("marks the control invalid and announces the error, which joins the description", () => {
    renderUi(<SeedForm />);
    const input = screen.getByLabelText("Seed");
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toBe("Use digits only.");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(descriptions(input)).toEqual(["Any whole number", "Use digits only."]);
  });

  it("wires a Textarea the same way and passes its changes through", () => {
    const onChange = vi.fn();
    renderUi(
      <Field label="System prompt" hint="Sent before every message" error="Too long">
        <Textarea rows={4} onChange={(e) => onChange(e.target.value)} />
      </Field>,
    );
    const area = screen.getByRole("textbox", { name: "System prompt" });
    expect(area.tagName).toBe("TEXTAREA");
    expect(area.getAttribute("rows")).toBe("4");
    expect(area.getAttribute("aria-invalid")).toBe("true");
    expect(descriptions(area)).toEqual(["Sent before every message", "Too long"]);
    fireEvent.change(area, { target: { value: "Be brief." } });
    expect(onChange).toHaveBeenCalledWith("Be brief.");
  });

  it("keeps a hidden label as the accessible name", () => {
    renderUi(
      <Field label="Search conversations" labelHidden>
        <Input type="search" />
      </Field>,
    );
    expect(screen.getByRole("searchbox", { name: "Search conversations" })).toBeTruthy();
  });
});

describe("NativeSelect", () => {
  it("is a real <select> named by its Field label, with groups and change events", () => {
    const onChange = vi.fn();
    renderUi(
      <Field label="Size" hint="Width × height">
        <NativeSelect
          defaultValue="1024x1024"
          onChange={(e) => onChange(e.target.value)}
          groups={[
            { label: "Square", options: [{ value: "1024x1024", label: "1024 × 1024" }] },
            { label: "Wide", options: [{ value: "1280x720", label: "1280 × 720" }] },
          ]}
        />
      </Field>,
    );
    const select = screen.getByRole("combobox", { name: "Size" }) as HTMLSelectElement;
    expect(select.tagName).toBe("SELECT");
    expect(screen.getByLabelText("Size")).toBe(select);
    expect(descriptions(select)).toEqual(["Width × height"]);
    expect(
      within(select)
        .getAllByRole("group")
        .map((g) => g.getAttribute("label")),
    ).toEqual(["Square", "Wide"]);
    fireEvent.change(select, { target: { value: "1280x720" } });
    expect(onChange).toHaveBeenCalledWith("1280x720");
  });
});

describe("Select", () => {
  const options = [
    { value: "qwen", label: "Qwen-Image", description: "Free · text to image" },
    { value: "kolors", label: "Kolors", description: "Image to image" },
    { value: "flux", label: "FLUX.1", disabled: true },
  ];

  it("is a combobox button named by the Field label, the only element that label finds", () => {
    renderUi(
      <Field label="Model" hint="Which model draws">
        <Select options={options} defaultValue="qwen" />
      </Field>,
    );
    const trigger = screen.getByRole("combobox", { name: "Model" });
    expect(trigger.tagName).toBe("BUTTON");
    expect(trigger.getAttribute("aria-haspopup")).toBe("listbox");
    expect(trigger.getAttribute("aria-expanded")).toBe("false");
    expect(trigger.textContent).toBe("Qwen-Image");
    expect(screen.getAllByLabelText("Model")).toEqual([trigger]);
    expect(descriptions(trigger)).toEqual(["Which model draws"]);
  });

  it("opens a listbox of options with descriptions and reports the choice", async () => {
    const onValueChange = vi.fn();
    renderUi(
      <Field label="Model">
        <Select options={options} defaultValue="qwen" onValueChange={onValueChange} />
      </Field>,
    );
    const trigger = screen.getByRole("combobox", { name: "Model" });
    await act(async () => fireEvent.click(trigger));
    const listbox = await screen.findByRole("listbox");
    expect(trigger.getAttribute("aria-expanded")).toBe("true");
    const rows = within(listbox).getAllByRole("option");
    expect(rows.map((r) => r.textContent)).toEqual([
      "Qwen-ImageFree · text to image",
      "KolorsImage to image",
      "FLUX.1",
    ]);
    expect(rows[0]!.getAttribute("aria-selected")).toBe("true");
    expect(rows[2]!.getAttribute("aria-disabled")).toBe("true");
    // The keyboard path: the selected option has focus, ArrowDown moves on, Enter chooses.
    await vi.waitFor(() => expect(document.activeElement).toBe(rows[0]));
    await act(async () => fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" }));
    expect(document.activeElement).toBe(rows[1]);
    await act(async () => fireEvent.keyDown(document.activeElement!, { key: "Enter" }));
    expect(onValueChange).toHaveBeenCalledWith("kolors");
    expect(trigger.textContent).toBe("Kolors");
  });

  it("takes an aria-label when no Field is around it, and shows a translated placeholder", () => {
    renderUi(<Select aria-label="Voice" options={options} />, "zh");
    const trigger = screen.getByRole("combobox", { name: "Voice" });
    expect(trigger.textContent).toBe("请选择…");
  });
});

describe("Button", () => {
  it("names an icon button by its label and keeps the name while loading", () => {
    const onClick = vi.fn();
    const { rerender } = renderUi(
      <Button variant="icon" label="Delete" onClick={onClick}>
        <svg />
      </Button>,
    );
    const button = screen.getByRole("button", { name: "Delete" });
    expect(button.getAttribute("type")).toBe("button");
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
    rerender(
      <Button loading onClick={onClick}>
        Generate
      </Button>,
    );
    const busy = screen.getByRole("button", { name: "Generate" });
    expect(busy.getAttribute("aria-busy")).toBe("true");
    busy.focus();
    fireEvent.click(busy);
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(busy);
  });
});
