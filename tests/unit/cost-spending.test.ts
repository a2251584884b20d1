import { describe, expect, it } from "vitest";
import { budgetAllows, budgetCrossing, budgetLevel, budgetStatus, isBudgetSettings } from "@/lib/cost/budget";
import { localDate, startOfDay, weekStartFor } from "@/lib/cost/calendar";
import { summarizeSpending, type UsageRecord } from "@/lib/cost/spending";

// Spending periods in the user's own time zone, with "now" and the zone injected: the same results
// on any machine.

const SHANGHAI = "Asia/Shanghai";
const NEW_YORK = "America/New_York";

/** Epoch ms of a wall-clock time in a zone with a fixed offset (hours east of UTC). */
const at = (iso: string, offsetHours: number) => Date.parse(`${iso}Z`) - offsetHours * 3_600_000;

const rec = (time: number, cost: number | null, extra: Partial<UsageRecord> = {}): UsageRecord => ({
  provider: "siliconflow",
  model: "deepseek-ai/DeepSeek-V3",
  capability: "chat",
  cost,
  at: time,
  ...extra,
});

describe("calendar in a time zone", () => {
  it("puts 00:30 in Shanghai on the Shanghai date, though it is the previous day in UTC", () => {
    const t = at("2026-12-03T00:30:00", 8);
    expect(new Date(t).getUTCDate()).toBe(2);
    expect(localDate(t, SHANGHAI)).toEqual({ year: 2026, month: 12, day: 3 });
  });

  it("finds midnight across a daylight-saving change (New York, 2026-03-08 and 2026-11-01)", () => {
    expect(startOfDay({ year: 2026, month: 3, day: 8 }, NEW_YORK)).toBe(at("2026-03-08T00:00:00", -5));
    expect(startOfDay({ year: 2026, month: 3, day: 9 }, NEW_YORK)).toBe(at("2026-03-09T00:00:00", -4));
    expect(startOfDay({ year: 2026, month: 11, day: 1 }, NEW_YORK)).toBe(at("2026-11-01T00:00:00", -4));
    expect(startOfDay({ year: 2026, month: 11, day: 2 }, NEW_YORK)).toBe(at("2026-11-02T00:00:00", -5));
  });

  it("starts a day that has no midnight at its first hour (Santiago, DST at 00:00 on 2026-09-06)", () => {
    const start = startOfDay({ year: 2026, month: 9, day: 6 }, "America/Santiago");
    expect(localDate(start, "America/Santiago")).toEqual({ year: 2026, month: 9, day: 6 });
    expect(localDate(start - 1, "America/Santiago")).toEqual({ year: 2026, month: 9, day: 5 });
  });

  it("starts the week on Monday for Chinese and follows CLDR elsewhere", () => {
    expect(weekStartFor("zh")).toBe(1);
    expect(weekStartFor("zh-CN")).toBe(1);
    expect(weekStartFor("en-GB")).toBe(1);
    expect(weekStartFor("en-US")).toBe(0);
    expect(weekStartFor("not a locale!")).toBe(1);
  });
});

describe("summarizeSpending", () => {
  // Thursday 2026-12-03, 10:00 in Shanghai.
  const now = at("2026-12-03T10:00:00", 8);
  const options = { now, timeZone: SHANGHAI, weekStartsOn: 1 as const };

  it("splits today, this week and this month at local midnights", () => {
    const records = [
      rec(at("2026-12-03T00:05:00", 8), 0.1), // today (yesterday in UTC)
      rec(at("2026-12-02T23:55:00", 8), 0.2), // yesterday, this week
      rec(at("2026-11-30T08:00:00", 8), 0.4), // Monday: this week, last month
      rec(at("2026-11-29T23:00:00", 8), 0.8), // Sunday: last week, last month
      rec(at("2026-12-01T00:00:00", 8), 1.6), // first instant of the month
      rec(at("2027-01-01T00:00:00", 8), 3.2), // next month: nowhere
    ];
    const s = summarizeSpending(records, options);
    expect(s.today.yuan).toBeCloseTo(0.1, 12);
    expect(s.week.yuan).toBeCloseTo(0.1 + 0.2 + 0.4 + 1.6, 12);
    expect(s.month.yuan).toBeCloseTo(0.1 + 0.2 + 1.6, 12);
    expect(s.today.from).toBe(at("2026-12-03T00:00:00", 8));
    expect(s.week.from).toBe(at("2026-11-30T00:00:00", 8));
    expect(s.month.to).toBe(at("2027-01-01T00:00:00", 8));
  });

  it("a Sunday-first week moves the Sunday record into this week", () => {
    const records = [rec(at("2026-11-29T23:00:00", 8), 0.8)];
    expect(summarizeSpending(records, { ...options, weekStartsOn: 0 }).week.yuan).toBeCloseTo(0.8, 12);
    expect(summarizeSpending(records, options).week.yuan).toBe(0);
  });

  it("the same instant is 'today' in one zone and 'yesterday' in another", () => {
    const t = at("2026-12-03T01:00:00", 8); // 2026-12-02 12:00 in New York
    const nowNy = at("2026-12-03T09:00:00", -5);
    expect(summarizeSpending([rec(t, 1)], options).today.yuan).toBe(1);
    expect(summarizeSpending([rec(t, 1)], { now: nowNy, timeZone: NEW_YORK, weekStartsOn: 1 }).today.yuan).toBe(0);
  });

  it("groups by provider, model and capability, and counts unpriced records apart", () => {
    const t = at("2026-12-03T09:00:00", 8);
    const s = summarizeSpending(
      [
        rec(t, 0.1),
        rec(t, 0.3, { provider: "glm", model: "cogview-4", capability: "image" }),
        rec(t, null, { provider: "glm", model: "glm-5.2" }),
        rec(t, 2, { model: "Wan-AI/Wan2.2-T2V-A14B", capability: "video" }),
      ],
      options,
    );
    expect(s.month.count).toBe(4);
    expect(s.month.unpriced).toBe(1);
    expect(s.month.byProvider).toEqual({ siliconflow: 2.1, glm: 0.3 });
    expect(s.month.byCapability).toEqual({ chat: 0.1, image: 0.3, video: 2 });
    expect(s.month.byModel["glm:cogview-4"]).toBe(0.3);
    expect(s.month.byModel["glm:glm-5.2"]).toBeUndefined();
  });

  it("gives every day of the month for the chart, each record on its local day", () => {
    const s = summarizeSpending(
      [
        rec(at("2026-12-01T00:00:00", 8), 1),
        rec(at("2026-12-31T23:59:59", 8), 2),
        rec(at("2026-12-03T12:00:00", 8), 4),
      ],
      options,
    );
    expect(s.daily).toHaveLength(31);
    expect(s.daily[0]).toEqual({ date: "2026-12-01", yuan: 1 });
    expect(s.daily[2]).toEqual({ date: "2026-12-03", yuan: 4 });
    expect(s.daily[30]).toEqual({ date: "2026-12-31", yuan: 2 });
  });
});

describe("monthly budget", () => {
  it("warns at 80% and at 100%, and never blocks unless asked", () => {
    expect(budgetLevel(79, 100)).toBe("ok");
    expect(budgetLevel(80, 100)).toBe("warn");
    expect(budgetLevel(100, 100)).toBe("over");
    expect(budgetLevel(1000, null)).toBe("none");
    const over = budgetStatus(120, { monthlyYuan: 100, block: false });
    expect(over).toEqual({ level: "over", ratio: 1.2, remaining: 0, blocks: false });
    expect(budgetAllows(over, false)).toBe(true);
  });

  it("blocks paid requests once spent, only when the user turned blocking on; free ones still go", () => {
    const blocking = budgetStatus(100, { monthlyYuan: 100, block: true });
    expect(blocking.blocks).toBe(true);
    expect(budgetAllows(blocking, false)).toBe(false);
    expect(budgetAllows(blocking, true)).toBe(true);
    expect(budgetStatus(85, { monthlyYuan: 100, block: true }).blocks).toBe(false);
  });

  it("reports a crossing once: warn on passing 80%, over on passing 100%", () => {
    expect(budgetCrossing(70, 79, 100)).toBeNull();
    expect(budgetCrossing(79, 81, 100)).toBe("warn");
    expect(budgetCrossing(81, 90, 100)).toBeNull();
    expect(budgetCrossing(90, 100, 100)).toBe("over");
    expect(budgetCrossing(10, 150, 100)).toBe("over");
    expect(budgetCrossing(150, 160, 100)).toBeNull();
    expect(budgetCrossing(10, 150, null)).toBeNull();
  });

  it("validates the stored settings", () => {
    expect(isBudgetSettings({ monthlyYuan: 50, block: false })).toBe(true);
    expect(isBudgetSettings({ monthlyYuan: 0, block: false })).toBe(false);
    expect(isBudgetSettings({ monthlyYuan: null, block: true })).toBe(true);
  });
});
