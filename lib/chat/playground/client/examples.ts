import type { FunctionTool } from "../contract";
import { KNOWN_UNITS } from "./units";

// The ready examples of the "Tool definitions" editor, in English and Chinese. Weather is manual only:
// its schema is a canned one and nothing runs it, so the user types the result. The other three run in
// the browser in auto mode (builtin-tools.ts), with no network.

export type ExampleName = "weather" | "calculator" | "time" | "units";
export const EXAMPLE_NAMES: readonly ExampleName[] = ["weather", "calculator", "time", "units"];

type Locale = "en" | "zh";

const tool = (name: string, description: string, parameters: Record<string, unknown>): FunctionTool => ({
  type: "function",
  function: { name, description, parameters },
});

const EXAMPLES: Record<ExampleName, Record<Locale, FunctionTool>> = {
  weather: {
    en: tool("get_weather", "Get the current weather for a city. The user answers this tool by hand.", {
      type: "object",
      properties: {
        city: { type: "string", description: "City name, e.g. Beijing or San Francisco" },
        unit: { type: "string", enum: ["celsius", "fahrenheit"], description: "Temperature unit" },
      },
      required: ["city"],
    }),
    zh: tool("get_weather", "查询某个城市的当前天气。此工具的结果由用户手动填写。", {
      type: "object",
      properties: {
        city: { type: "string", description: "城市名称，例如：北京、上海" },
        unit: { type: "string", enum: ["celsius", "fahrenheit"], description: "温度单位" },
      },
      required: ["city"],
    }),
  },
  calculator: {
    en: tool(
      "calculator",
      "Evaluate an arithmetic expression exactly. Supports + - * / % ^, parentheses, pi, e and functions such as sqrt, abs, round, sin, cos, log, ln, min, max.",
      {
        type: "object",
        properties: { expression: { type: "string", description: "The expression, e.g. (3 + 4) * 2 ^ 3" } },
        required: ["expression"],
      },
    ),
    zh: tool(
      "calculator",
      "精确计算算术表达式。支持 + - * / % ^、括号、pi、e，以及 sqrt、abs、round、sin、cos、log、ln、min、max 等函数。",
      {
        type: "object",
        properties: { expression: { type: "string", description: "表达式，例如 (3 + 4) * 2 ^ 3" } },
        required: ["expression"],
      },
    ),
  },
  time: {
    en: tool("get_current_time", "Get the current date and time, optionally in an IANA time zone.", {
      type: "object",
      properties: {
        timezone: { type: "string", description: "IANA time zone, e.g. Asia/Shanghai or America/New_York" },
      },
    }),
    zh: tool("get_current_time", "获取当前日期和时间，可指定 IANA 时区。", {
      type: "object",
      properties: { timezone: { type: "string", description: "IANA 时区，例如 Asia/Shanghai 或 America/New_York" } },
    }),
  },
  units: {
    en: tool(
      "convert_units",
      "Convert a value between units of length, mass, volume, area, speed, time, data or temperature.",
      {
        type: "object",
        properties: {
          value: { type: "number", description: "The value to convert" },
          from: { type: "string", description: `Unit of the value, e.g. km, lb, °F. Known: ${KNOWN_UNITS.join(", ")}` },
          to: { type: "string", description: "Unit to convert to" },
        },
        required: ["value", "from", "to"],
      },
    ),
    zh: tool("convert_units", "在长度、质量、体积、面积、速度、时间、数据量或温度的单位之间换算。", {
      type: "object",
      properties: {
        value: { type: "number", description: "要换算的数值" },
        from: { type: "string", description: `数值的单位，例如 km、lb、°F。可用：${KNOWN_UNITS.join(", ")}` },
        to: { type: "string", description: "目标单位" },
      },
      required: ["value", "from", "to"],
    }),
  },
};

export function exampleTool(name: ExampleName, locale: Locale): FunctionTool {
  return EXAMPLES[name][locale];
}

/** The editor's starting text: the chosen examples as a pretty JSON array. */
export function exampleToolsText(locale: Locale, names: readonly ExampleName[] = EXAMPLE_NAMES): string {
  return JSON.stringify(
    names.map((name) => exampleTool(name, locale)),
    null,
    2,
  );
}
