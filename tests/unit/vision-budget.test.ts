import { describe, expect, it } from "vitest";
import { CHAT_BODY_MAX_BYTES } from "@/lib/chat/bounds";
import {
  type BudgetImage,
  inlineBytes,
  planImageBudget,
  REDUCED_MAX_BYTES,
  REQUEST_BUDGET_BYTES,
} from "@/lib/vision/budget";
import { imageLimits } from "@/lib/vision/size";

// The images of a thread against the request size: the newest turn whole, older ones smaller,
// the oldest left out only when nothing else fits.

const MB = 1024 * 1024;
const FULL = imageLimits().maxBytes;
const older = (n: number, bytes = FULL): BudgetImage[] => Array.from({ length: n }, () => ({ bytes, newest: false }));
const newest = (n: number, bytes = FULL): BudgetImage[] => Array.from({ length: n }, () => ({ bytes, newest: true }));

describe("planImageBudget", () => {
  it("keeps the budget safely under the route's body cap, with room for a full-size newest turn", () => {
    expect(REQUEST_BUDGET_BYTES).toBeLessThanOrEqual(CHAT_BODY_MAX_BYTES * 0.8);
    expect(inlineBytes(FULL) * 2 + inlineBytes(REDUCED_MAX_BYTES) * 4).toBeLessThan(REQUEST_BUDGET_BYTES);
  });

  it("changes nothing when everything fits", () => {
    const plan = planImageBudget([...older(1), ...newest(1)], REQUEST_BUDGET_BYTES);
    expect(plan).toEqual({ actions: ["full", "full"], reduced: 0, omitted: 0, bytes: 2 * inlineBytes(FULL) });
  });

  it("re-sends the oldest images smaller first, only as many as needed", () => {
    // Six turns of one full-size image each: the sixth request.
    const plan = planImageBudget([...older(5), ...newest(1)], REQUEST_BUDGET_BYTES);
    expect(plan.actions.at(-1)).toBe("full");
    expect(plan.omitted).toBe(0);
    expect(plan.actions.slice(0, plan.reduced).every((a) => a === "reduced")).toBe(true);
    expect(plan.actions.slice(plan.reduced, 5).every((a) => a === "full")).toBe(true);
    expect(plan.bytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    // One less reduction would not have fitted.
    expect(plan.bytes + inlineBytes(FULL) - inlineBytes(REDUCED_MAX_BYTES)).toBeGreaterThan(REQUEST_BUDGET_BYTES);
  });

  it("leaves the oldest images out when even reduced copies do not fit, never the newest turn's", () => {
    const plan = planImageBudget([...older(40), ...newest(2)], REQUEST_BUDGET_BYTES);
    expect(plan.actions.slice(-2)).toEqual(["full", "full"]);
    expect(plan.omitted).toBeGreaterThan(0);
    expect(plan.actions.slice(0, plan.omitted).every((a) => a === "omitted")).toBe(true);
    expect(plan.actions.slice(plan.omitted, 40).every((a) => a === "reduced")).toBe(true);
    expect(plan.bytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
  });

  it("reduces the newest turn too when its own images exceed the budget (eight at full size)", () => {
    const plan = planImageBudget([...older(2), ...newest(8)], REQUEST_BUDGET_BYTES);
    expect(plan.actions.slice(0, 2)).toEqual(["omitted", "omitted"]);
    expect(plan.actions.slice(2)).not.toContain("omitted");
    expect(plan.actions.slice(2)).toContain("reduced");
    expect(plan.bytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
  });

  it("leaves small images alone: re-encoding them would save nothing", () => {
    const small = { bytes: REDUCED_MAX_BYTES / 2, newest: false };
    const plan = planImageBudget([small, ...older(4), ...newest(1)], REQUEST_BUDGET_BYTES);
    expect(plan.actions[0]).toBe("full");
    expect(plan.reduced).toBeGreaterThan(0);
  });

  it("shrinks the budget by the text of the thread", () => {
    const images = [...older(2), ...newest(1)];
    expect(planImageBudget(images, REQUEST_BUDGET_BYTES).reduced).toBe(0);
    expect(planImageBudget(images, REQUEST_BUDGET_BYTES - MB).reduced).toBe(1);
  });

  it("handles no images and an impossible budget without throwing", () => {
    expect(planImageBudget([], 0)).toEqual({ actions: [], reduced: 0, omitted: 0, bytes: 0 });
    const plan = planImageBudget([...older(1), ...newest(1)], -1);
    expect(plan.actions).toEqual(["omitted", "reduced"]);
  });
});
