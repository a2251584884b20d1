// The calculator example tool: arithmetic on a string the model wrote, evaluated by a small
// recursive-descent parser — never eval or Function, so nothing the model writes can run as code.
// Numbers, + - * / %, ^ or ** (power, right-associative), unary signs, parentheses, the constants pi
// and e, and a fixed list of Math functions. Pure, browser-safe.

const EXPRESSION_MAX_CHARS = 1000;
const MAX_DEPTH = 100;

type Fn = (...args: number[]) => number;

const FUNCTIONS: Record<string, { fn: Fn; arity: number | "many" }> = {
  sqrt: { fn: Math.sqrt, arity: 1 },
  cbrt: { fn: Math.cbrt, arity: 1 },
  abs: { fn: Math.abs, arity: 1 },
  round: { fn: Math.round, arity: 1 },
  floor: { fn: Math.floor, arity: 1 },
  ceil: { fn: Math.ceil, arity: 1 },
  sin: { fn: Math.sin, arity: 1 },
  cos: { fn: Math.cos, arity: 1 },
  tan: { fn: Math.tan, arity: 1 },
  asin: { fn: Math.asin, arity: 1 },
  acos: { fn: Math.acos, arity: 1 },
  atan: { fn: Math.atan, arity: 1 },
  exp: { fn: Math.exp, arity: 1 },
  ln: { fn: Math.log, arity: 1 },
  log: { fn: Math.log10, arity: 1 },
  log10: { fn: Math.log10, arity: 1 },
  log2: { fn: Math.log2, arity: 1 },
  pow: { fn: Math.pow, arity: 2 },
  min: { fn: Math.min, arity: "many" },
  max: { fn: Math.max, arity: "many" },
};

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

// The errors are English only: they go back to the model as the tool's result (builtin-tools.ts), and
// the page shows that result as it was sent, like every other tool output.
export class CalculatorError extends Error {
  constructor(
    readonly en: string,
    readonly position: number,
  ) {
    super(en);
    this.name = "CalculatorError";
  }
}

/** The value of `expression`; throws CalculatorError (with the 0-based position) when it cannot be read. */
export function evaluateExpression(expression: string): number {
  if (expression.length > EXPRESSION_MAX_CHARS) {
    throw new CalculatorError(`The expression is longer than ${EXPRESSION_MAX_CHARS} characters.`, 0);
  }
  // Full-width digits and operators, as an IME types them, read as their ASCII forms.
  const text = expression.normalize("NFKC").replace(/×/g, "*").replace(/÷/g, "/").replace(/−/g, "-");
  let i = 0;
  let depth = 0;

  const skip = () => {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
  };
  const fail = (en: string, at = i): never => {
    throw new CalculatorError(en, at);
  };
  const peek = () => {
    skip();
    return text.charAt(i);
  };

  const expr = (): number => {
    if (++depth > MAX_DEPTH) fail("The expression is nested too deeply.");
    let value = term();
    for (;;) {
      const c = peek();
      if (c === "+") {
        i++;
        value += term();
      } else if (c === "-") {
        i++;
        value -= term();
      } else break;
    }
    depth--;
    return value;
  };

  const term = (): number => {
    let value = unary();
    for (;;) {
      const c = peek();
      if (c === "*" && text.charAt(i + 1) !== "*") {
        i++;
        value *= unary();
      } else if (c === "/") {
        const at = i++;
        const divisor = unary();
        if (divisor === 0) fail("Division by zero.", at);
        value /= divisor;
      } else if (c === "%") {
        const at = i++;
        const divisor = unary();
        if (divisor === 0) fail("Division by zero.", at);
        value %= divisor;
      } else break;
    }
    return value;
  };

  const unary = (): number => {
    const c = peek();
    if (c === "-") {
      i++;
      return -unary();
    }
    if (c === "+") {
      i++;
      return unary();
    }
    return power();
  };

  const power = (): number => {
    const base = primary();
    const c = peek();
    if (c === "^" || (c === "*" && text.charAt(i + 1) === "*")) {
      i += c === "^" ? 1 : 2;
      if (++depth > MAX_DEPTH) fail("The expression is nested too deeply.");
      const exponent = unary();
      depth--;
      return base ** exponent;
    }
    return base;
  };

  const primary = (): number => {
    const c = peek();
    const start = i;
    if (c === "(") {
      i++;
      const value = expr();
      if (peek() !== ")") fail('Missing ")".');
      i++;
      return value;
    }
    const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number) {
      i += number[0].length;
      return Number(number[0]);
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))?.[0];
    if (name) {
      i += name.length;
      const lower = name.toLowerCase();
      if (Object.hasOwn(CONSTANTS, lower)) return CONSTANTS[lower] as number;
      const fn = Object.hasOwn(FUNCTIONS, lower) ? FUNCTIONS[lower] : undefined;
      if (!fn) fail(`Unknown name "${name}".`, start);
      if (peek() !== "(") fail(`"${name}" needs its arguments in parentheses.`);
      i++;
      const args: number[] = [];
      if (peek() !== ")") {
        for (;;) {
          args.push(expr());
          if (peek() === ",") {
            i++;
            continue;
          }
          break;
        }
      }
      if (peek() !== ")") fail('Missing ")".');
      i++;
      const { arity } = fn as { arity: number | "many" };
      if (arity === "many" ? args.length === 0 : args.length !== arity) {
        fail(`"${name}" takes ${arity === "many" ? "one or more arguments" : `${arity} argument(s)`}.`, start);
      }
      return (fn as { fn: Fn }).fn(...args);
    }
    if (c === "") fail("The expression ends too early.");
    return fail(`Unexpected "${c}".`);
  };

  if (text.trim() === "") fail("The expression is empty.", 0);
  const value = expr();
  if (peek() !== "") fail(`Unexpected "${text.charAt(i)}".`);
  if (!Number.isFinite(value)) fail("The result is not a finite number.", 0);
  // 0.1 + 0.2 reads as 0.3, as a person would write it.
  return Number(value.toPrecision(15));
}
