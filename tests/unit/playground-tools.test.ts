import { describe, expect, it } from "vitest";
import { evaluateExpression } from "@/lib/chat/playground/client/calculator";
import { exampleToolsText } from "@/lib/chat/playground/client/examples";
import { nextToolStep, readyToSendResults, runToolCalls } from "@/lib/chat/playground/client/tool-loop";
import { convertUnits } from "@/lib/chat/playground/client/units";
import { playgroundRequest } from "@/lib/chat/playground/settings";
import { parseToolDefinitions } from "@/lib/chat/playground/tool-definitions";
import { toolCallsOf, toolRounds } from "@/lib/chat/playground/tool-rounds";
import { describeModel } from "@/lib/providers/catalog";

// The tool definitions editor's checks and the browser's tool loop: pure functions.

describe("parseToolDefinitions", () => {
  it("accepts every ready example in both languages", () => {
    for (const locale of ["en", "zh"] as const) {
      const parsed = parseToolDefinitions(exampleToolsText(locale));
      expect(parsed.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(parsed.tools?.map((t) => t.function.name)).toEqual([
        "get_weather",
        "calculator",
        "get_current_time",
        "convert_units",
      ]);
    }
  });

  it("points a JSON syntax error at its line and column", () => {
    const parsed = parseToolDefinitions('[\n  {"type": "function",\n   "function": {"name": "f",}}\n]');
    expect(parsed.tools).toBeUndefined();
    expect(parsed.issues[0]?.at).toMatchObject({ line: 3 });
    expect(parsed.issues[0]?.message.zh).toBeTruthy();
  });

  it("points schema problems at the offending key's line", () => {
    const text = [
      "[",
      '  {"type": "function", "function": {"name": "ok", "description": "d", "parameters": {"type": "object"}}},',
      '  {"type": "function", "function": {"name": "bad name", "description": "d"}},',
      '  {"type": "function", "function": {"name": "p", "description": "d",',
      '    "parameters": {"type": "object", "properties": {"x": {"type": "strin"}}}}}',
      "]",
    ].join("\n");
    const parsed = parseToolDefinitions(text);
    const errors = parsed.issues.filter((i) => i.severity === "error");
    expect(errors.map((e) => [e.pointer, e.at?.line])).toEqual([
      ["/1/function/name", 3],
      ["/2/function/parameters/properties/x/type", 5],
    ]);
  });

  it("refuses a lone object, duplicates and non-object parameters; warns about a missing description", () => {
    expect(parseToolDefinitions('{"type":"function","function":{"name":"f"}}').issues[0]?.message.en).toContain("list");
    const dup = parseToolDefinitions(
      '[{"type":"function","function":{"name":"f","description":"a"}},{"type":"function","function":{"name":"f","description":"b"}}]',
    );
    expect(dup.issues.some((i) => i.message.en.includes("twice"))).toBe(true);
    const stringParams = parseToolDefinitions(
      '[{"type":"function","function":{"name":"f","description":"a","parameters":{"type":"string"}}}]',
    );
    expect(stringParams.tools).toBeUndefined();
    const noDescription = parseToolDefinitions('[{"type":"function","function":{"name":"f"}}]');
    expect(noDescription.tools).toHaveLength(1);
    expect(noDescription.issues.map((i) => i.severity)).toEqual(["warning"]);
  });
});

const call = (id: string, name: string, state: string, extra: object = {}) => ({
  type: "dynamic-tool",
  toolCallId: id,
  toolName: name,
  state,
  input: {},
  ...extra,
});

describe("the tool loop", () => {
  it("numbers rounds by step and finds the open calls", () => {
    const message = {
      role: "assistant",
      parts: [
        { type: "step-start" },
        call("a", "calculator", "output-available"),
        call("b", "calculator", "output-available"),
        { type: "step-start" },
        call("c", "get_weather", "input-available"),
      ],
    };
    expect(toolCallsOf(message).map((c) => [c.toolCallId, c.round])).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 2],
    ]);
    expect(toolRounds(message)).toBe(2);
    expect(readyToSendResults([message])).toBe(false);
  });

  it("auto mode runs built-in calls, hands unknown tools to the user, and stops after the allowed rounds", () => {
    const builtin = { role: "assistant", parts: [{ type: "step-start" }, call("a", "calculator", "input-available")] };
    expect(nextToolStep(builtin, { mode: "auto", maxRounds: 3 }).kind).toBe("run");
    expect(nextToolStep(builtin, { mode: "manual", maxRounds: 3 }).kind).toBe("manual");
    const mixed = {
      role: "assistant",
      parts: [call("a", "calculator", "input-available"), call("b", "get_weather", "input-available")],
    };
    expect(nextToolStep(mixed, { mode: "auto", maxRounds: 3 }).kind).toBe("manual");
    const third = {
      role: "assistant",
      parts: [
        { type: "step-start" },
        call("a", "calculator", "output-available"),
        { type: "step-start" },
        call("b", "calculator", "output-available"),
        { type: "step-start" },
        call("c", "calculator", "input-available"),
      ],
    };
    expect(nextToolStep(third, { mode: "auto", maxRounds: 2 })).toMatchObject({ kind: "max-rounds", maxRounds: 2 });
    expect(nextToolStep(third, { mode: "auto", maxRounds: 3 }).kind).toBe("run");
    const streaming = { role: "assistant", parts: [call("a", "calculator", "input-streaming")] };
    expect(nextToolStep(streaming, { mode: "auto", maxRounds: 3 }).kind).toBe("idle");
  });

  it("runs the built-in tools without throwing, bad input becoming an error result", () => {
    const results = runToolCalls(
      [
        {
          toolCallId: "a",
          toolName: "calculator",
          state: "input-available",
          input: { expression: "(3 + 4) * 2 ^ 3" },
          round: 1,
        },
        { toolCallId: "b", toolName: "calculator", state: "input-available", input: { expression: "2 +" }, round: 1 },
        {
          toolCallId: "c",
          toolName: "get_current_time",
          state: "input-available",
          input: { timezone: "Asia/Shanghai" },
          round: 1,
        },
        { toolCallId: "d", toolName: "nope", state: "input-available", input: {}, round: 1 },
      ],
      { now: () => new Date("2026-01-01T00:00:00Z") },
    );
    expect(results[0]).toMatchObject({ output: { result: 56 } });
    expect(results[1]?.errorText).toBeTruthy();
    expect(results[2]).toMatchObject({ output: { local: "2026-01-01 08:00:00", timezone: "Asia/Shanghai" } });
    expect(results[3]?.errorText).toBeTruthy();
    expect(
      readyToSendResults([{ role: "assistant", parts: [{ type: "step-start" }, call("a", "x", "output-error")] }]),
    ).toBe(true);
  });

  it("calculates and converts exactly", () => {
    expect(evaluateExpression("sqrt(16) + 10 % 4")).toBe(6);
    expect(() => evaluateExpression("alert(1)")).toThrow();
    expect(convertUnits(1, "km", "m")).toMatchObject({ result: 1000 });
    expect(convertUnits(212, "°F", "°C").result).toBeCloseTo(100);
  });
});

describe("playgroundRequest", () => {
  const text = exampleToolsText("en", ["weather", "calculator"]);

  it("sends parsed tools and a named choice only when the model takes them", () => {
    const qwen = describeModel("siliconflow", "Qwen/Qwen2.5-7B-Instruct");
    expect(playgroundRequest(qwen, { toolsText: text, toolChoice: "calculator", jsonMode: true })).toEqual({
      tools: { definitions: expect.any(Array), choice: { type: "function", function: { name: "calculator" } } },
      jsonMode: {},
    });
    const distill = describeModel("siliconflow", "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B");
    expect(playgroundRequest(distill, { toolsText: text })).toEqual({});
    const glm = describeModel("glm", "glm-4-flash");
    // GLM takes only auto/none: a stale "required" is dropped rather than refused.
    expect(playgroundRequest(glm, { toolsText: text, toolChoice: "required" }).tools?.choice).toBeUndefined();
    expect(playgroundRequest(qwen, { toolsText: "[ not json" })).toEqual({});
  });
});
