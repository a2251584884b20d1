// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Field } from "@/components/ui/field";
import { NumberField } from "@/components/ui/number-field";
import { Slider, SliderField } from "@/components/ui/slider";
import { renderUi } from "./ui-harness";

afterEach(cleanup);

function Controlled({
  onClamp,
  initial = 1,
}: {
  onClamp?: (typed: number, clamped: number) => void;
  initial?: number;
}) {
  const [value, setValue] = useState<number | null>(initial);
  return (
    <>
      <Field label="Temperature">
        <NumberField value={value} onValueChange={setValue} min={0} max={2} step={0.1} onClamp={onClamp} />
      </Field>
      <span data-testid="state">{String(value)}</span>
    </>
  );
}

const state = () => screen.getByTestId("state").textContent;

describe("NumberField", () => {
  it("keeps a typed out-of-range value until blur, then clamps it and says so", async () => {
    const onClamp = vi.fn();
    renderUi(<Controlled onClamp={onClamp} />);
    const input = screen.getByRole("textbox", { name: "Temperature" }) as HTMLInputElement;
    const status = screen.getByRole("status");
    expect(status.textContent).toBe("");

    input.focus();
    fireEvent.change(input, { target: { value: "5" } });
    // Not rewritten while typing: the form can show why 5 is refused.
    expect(input.value).toBe("5");
    expect(state()).toBe("5");

    await act(async () => fireEvent.blur(input));
    expect(input.value).toBe("2");
    expect(state()).toBe("2");
    expect(onClamp).toHaveBeenCalledWith(5, 2);
    expect(status.textContent).toBe("5 is above the maximum, so it was set to 2.");

    input.focus();
    fireEvent.change(input, { target: { value: "-3" } });
    await act(async () => fireEvent.blur(input));
    expect(state()).toBe("0");
    expect(status.textContent).toBe("-3 is below the minimum, so it was set to 0.");
  });

  it("says nothing when the value was in range, and clears the message on the next edit", async () => {
    const onClamp = vi.fn();
    renderUi(<Controlled onClamp={onClamp} />);
    const input = screen.getByRole("textbox", { name: "Temperature" }) as HTMLInputElement;
    input.focus();
    fireEvent.change(input, { target: { value: "9" } });
    await act(async () => fireEvent.blur(input));
    expect(screen.getByRole("status").textContent).not.toBe("");
    input.focus();
    fireEvent.change(input, { target: { value: "1.5" } });
    expect(screen.getByRole("status").textContent).toBe("");
    await act(async () => fireEvent.blur(input));
    expect(state()).toBe("1.5");
    expect(onClamp).toHaveBeenCalledTimes(1);
  });

  it("steps with the arrow keys, within the range, and keeps full precision", () => {
    renderUi(<Controlled initial={1.9} />);
    const input = screen.getByRole("textbox", { name: "Temperature" }) as HTMLInputElement;
    input.focus();
    fireEvent.keyDown(input, { key: "ArrowUp" });
    expect(state()).toBe("2");
    fireEvent.keyDown(input, { key: "ArrowUp" });
    expect(state()).toBe("2");
    fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(input.value).toBe("1.9");
  });

  it("is empty (null) when cleared, so the model's default applies", async () => {
    renderUi(<Controlled />);
    const input = screen.getByRole("textbox", { name: "Temperature" });
    input.focus();
    fireEvent.change(input, { target: { value: "" } });
    await act(async () => fireEvent.blur(input));
    expect(state()).toBe("null");
  });

  it("names its steppers and its role in the user's language", () => {
    renderUi(
      <Field label="种子">
        <NumberField steppers defaultValue={3} />
      </Field>,
      "zh",
    );
    const input = screen.getByRole("textbox", { name: "种子" });
    expect(input.getAttribute("aria-roledescription")).toBe("数字输入框");
    fireEvent.click(screen.getByRole("button", { name: "增加" }));
    expect((input as HTMLInputElement).value).toBe("4");
  });
});

function Setting() {
  const [value, setValue] = useState<number | null>(null);
  return (
    <>
      <SliderField
        label="Top P"
        hint="Nucleus sampling."
        min={0}
        max={1}
        step={0.05}
        defaultValue={0.7}
        value={value}
        onValueChange={setValue}
      />
      <span data-testid="state">{String(value)}</span>
    </>
  );
}

describe("SliderField", () => {
  const rangeInput = () => document.querySelector<HTMLInputElement>('input[type="range"]')!;

  it("names the number input by the label (one control per name) and describes range and default", () => {
    renderUi(<Setting />);
    const input = screen.getByLabelText("Top P");
    expect(screen.getAllByLabelText("Top P")).toEqual([input]);
    expect(input.getAttribute("placeholder")).toBe("0.7");
    const ids = (input.getAttribute("aria-describedby") ?? "").split(" ");
    expect(ids.map((id) => document.getElementById(id)?.textContent)).toEqual([
      "Nucleus sampling. Range 0 to 1 · Default 0.7",
    ]);
    // The slider is a pointer shortcut: hidden from the accessibility tree and out of the tab order.
    expect(screen.queryByRole("slider")).toBeNull();
    expect(rangeInput().tabIndex).toBe(-1);
    expect(rangeInput().closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it("rests the slider on the model's default until a value is set", () => {
    renderUi(<Setting />);
    expect(rangeInput().getAttribute("aria-valuenow")).toBe("0.7");
  });

  it("moves the slider when a number is typed, and the number when the slider moves", async () => {
    renderUi(<Setting />);
    const input = screen.getByRole("textbox", { name: "Top P" }) as HTMLInputElement;
    input.focus();
    fireEvent.change(input, { target: { value: "0.25" } });
    expect(rangeInput().getAttribute("aria-valuenow")).toBe("0.25");

    // Pressing the slider moves focus to it (Base UI focuses the thumb's input on pointer down).
    await act(async () => rangeInput().focus());
    fireEvent.keyDown(rangeInput(), { key: "ArrowRight" });
    expect(state()).toBe("0.3");
    expect(input.value).toBe("0.3");
    fireEvent.keyDown(rangeInput(), { key: "End" });
    expect(input.value).toBe("1");
  });

  it("clamps a typed value on blur and says so in one status line, cleared when the slider moves", async () => {
    renderUi(<Setting />);
    const input = screen.getByRole("textbox", { name: "Top P" }) as HTMLInputElement;
    expect(screen.getAllByRole("status")).toHaveLength(1);
    input.focus();
    fireEvent.change(input, { target: { value: "1.4" } });
    await act(async () => fireEvent.blur(input));
    expect(state()).toBe("1");
    expect(rangeInput().getAttribute("aria-valuenow")).toBe("1");
    expect(screen.getByRole("status").textContent).toBe("1.4 is above the maximum, so it was set to 1.");
    await act(async () => rangeInput().focus());
    fireEvent.keyDown(rangeInput(), { key: "Home" });
    expect(state()).toBe("0");
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("shows an error on the number input", () => {
    renderUi(
      <SliderField
        label="Top P"
        error="Too high for this model."
        min={0}
        max={1}
        defaultValue={1}
        value={1}
        onValueChange={() => {}}
      />,
    );
    const input = screen.getByRole("textbox", { name: "Top P" });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert").textContent).toBe("Too high for this model.");
  });
});

describe("Slider", () => {
  it("is a slider named by its Field label", () => {
    const onValueChange = vi.fn();
    renderUi(
      <Field label="Speed">
        <Slider min={0.25} max={4} step={0.25} defaultValue={1} onValueChange={onValueChange} />
      </Field>,
    );
    const slider = screen.getByRole("slider", { name: "Speed" });
    expect(slider.getAttribute("aria-valuenow")).toBe("1");
    fireEvent.keyDown(slider, { key: "ArrowRight" });
    expect(onValueChange).toHaveBeenCalledWith(1.25);
  });
});
