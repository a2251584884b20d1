import { CalculatorError, evaluateExpression } from "./calculator";
import { convertUnits, UnitError } from "./units";

// The example tools that run in the browser in auto mode: calculator, current time and unit
// conversion. Plain synchronous functions of their input — no network, no storage, no eval — so a tool
// call from the model can never reach anything the user did not ask for. A bad input is an error result
// the model gets back (and can correct), never a throw. Weather has no executor: it is manual only.

type ToolOutcome = { output: unknown } | { errorText: string };

export interface ToolContext {
  /** The clock, for get_current_time (tests pass a fixed one). */
  now?: () => Date;
}

type Executor = (input: unknown, context: ToolContext) => ToolOutcome;

function record(input: unknown): Record<string, unknown> {
  return typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

const calculator: Executor = (input) => {
  const expression = record(input).expression;
  if (typeof expression !== "string") return { errorText: 'Expected {"expression": "<arithmetic>"}.' };
  try {
    return { output: { expression, result: evaluateExpression(expression) } };
  } catch (err) {
    if (err instanceof CalculatorError) return { errorText: `${err.en} (at character ${err.position + 1})` };
    throw err;
  }
};

const currentTime: Executor = (input, context) => {
  const zone = record(input).timezone;
  const now = (context.now ?? (() => new Date()))();
  const timeZone = typeof zone === "string" && zone.trim() !== "" ? zone.trim() : "UTC";
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "long",
      hourCycle: "h23",
    }).formatToParts(now);
  } catch {
    return { errorText: `Unknown time zone "${timeZone}". Use an IANA name such as Asia/Shanghai.` };
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    output: {
      timezone: timeZone,
      local: `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`,
      weekday: get("weekday"),
      iso: now.toISOString(),
    },
  };
};

const units: Executor = (input) => {
  const { value, from, to } = record(input);
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number !== "number" || typeof from !== "string" || typeof to !== "string") {
    return { errorText: 'Expected {"value": <number>, "from": "<unit>", "to": "<unit>"}.' };
  }
  try {
    return { output: convertUnits(number, from, to) };
  } catch (err) {
    if (err instanceof UnitError) return { errorText: err.en };
    throw err;
  }
};

const EXECUTORS: Record<string, Executor> = {
  calculator,
  get_current_time: currentTime,
  convert_units: units,
};

export function isBuiltinTool(name: string): boolean {
  return Object.hasOwn(EXECUTORS, name);
}

/** Runs one built-in tool; undefined for a name that is not built in (answer it by hand). */
export function runBuiltinTool(name: string, input: unknown, context: ToolContext = {}): ToolOutcome | undefined {
  const executor = Object.hasOwn(EXECUTORS, name) ? EXECUTORS[name] : undefined;
  return executor?.(input, context);
}
