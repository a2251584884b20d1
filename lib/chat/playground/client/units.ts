// The unit-conversion example tool: length, mass, volume, area, speed, time, data and temperature,
// each unit as a factor to the dimension's base unit (temperature as an offset and a scale). Names are
// matched case-insensitively with common spellings and Chinese names. Pure, browser-safe.

interface Unit {
  dimension: string;
  /** Value in base units = (value + offset) × factor. */
  factor: number;
  offset?: number;
}

const U = (dimension: string, factor: number, offset?: number): Unit => ({ dimension, factor, offset });

const UNITS: Record<string, Unit> = {
  // length, base metre
  m: U("length", 1),
  km: U("length", 1000),
  cm: U("length", 0.01),
  mm: U("length", 0.001),
  um: U("length", 1e-6),
  nm: U("length", 1e-9),
  mi: U("length", 1609.344),
  yd: U("length", 0.9144),
  ft: U("length", 0.3048),
  in: U("length", 0.0254),
  nmi: U("length", 1852),
  li: U("length", 500),
  // mass, base kilogram
  kg: U("mass", 1),
  g: U("mass", 0.001),
  mg: U("mass", 1e-6),
  t: U("mass", 1000),
  lb: U("mass", 0.45359237),
  oz: U("mass", 0.028349523125),
  jin: U("mass", 0.5),
  // volume, base litre
  l: U("volume", 1),
  ml: U("volume", 0.001),
  m3: U("volume", 1000),
  gal: U("volume", 3.785411784),
  qt: U("volume", 0.946352946),
  pt: U("volume", 0.473176473),
  cup: U("volume", 0.2365882365),
  floz: U("volume", 0.0295735295625),
  // area, base square metre
  m2: U("area", 1),
  km2: U("area", 1e6),
  cm2: U("area", 1e-4),
  ha: U("area", 1e4),
  acre: U("area", 4046.8564224),
  ft2: U("area", 0.09290304),
  mu: U("area", 10000 / 15),
  // speed, base metre per second
  "m/s": U("speed", 1),
  "km/h": U("speed", 1000 / 3600),
  mph: U("speed", 0.44704),
  kn: U("speed", 1852 / 3600),
  // time, base second
  s: U("time", 1),
  ms: U("time", 0.001),
  min: U("time", 60),
  h: U("time", 3600),
  d: U("time", 86400),
  wk: U("time", 604800),
  // data, base byte
  b: U("data", 1),
  kb: U("data", 1e3),
  mb: U("data", 1e6),
  gb: U("data", 1e9),
  tb: U("data", 1e12),
  kib: U("data", 1024),
  mib: U("data", 1024 ** 2),
  gib: U("data", 1024 ** 3),
  tib: U("data", 1024 ** 4),
  // temperature, base kelvin: K = (value + offset) × factor
  k: U("temperature", 1, 0),
  c: U("temperature", 1, 273.15),
  f: U("temperature", 5 / 9, 459.67),
};

const ALIASES: Record<string, string> = {
  meter: "m",
  meters: "m",
  metre: "m",
  metres: "m",
  米: "m",
  kilometer: "km",
  kilometers: "km",
  kilometre: "km",
  kilometres: "km",
  公里: "km",
  千米: "km",
  centimeter: "cm",
  centimeters: "cm",
  厘米: "cm",
  millimeter: "mm",
  millimeters: "mm",
  毫米: "mm",
  μm: "um",
  micrometer: "um",
  mile: "mi",
  miles: "mi",
  英里: "mi",
  yard: "yd",
  yards: "yd",
  码: "yd",
  foot: "ft",
  feet: "ft",
  英尺: "ft",
  inch: "in",
  inches: "in",
  英寸: "in",
  nauticalmile: "nmi",
  海里: "nmi",
  里: "li",
  kilogram: "kg",
  kilograms: "kg",
  千克: "kg",
  公斤: "kg",
  gram: "g",
  grams: "g",
  克: "g",
  milligram: "mg",
  毫克: "mg",
  tonne: "t",
  tonnes: "t",
  ton: "t",
  吨: "t",
  pound: "lb",
  pounds: "lb",
  lbs: "lb",
  磅: "lb",
  ounce: "oz",
  ounces: "oz",
  盎司: "oz",
  斤: "jin",
  liter: "l",
  liters: "l",
  litre: "l",
  litres: "l",
  升: "l",
  milliliter: "ml",
  milliliters: "ml",
  毫升: "ml",
  gallon: "gal",
  gallons: "gal",
  加仑: "gal",
  quart: "qt",
  pint: "pt",
  cups: "cup",
  "fl oz": "floz",
  "fl.oz": "floz",
  "m^2": "m2",
  "m²": "m2",
  平方米: "m2",
  "km^2": "km2",
  "km²": "km2",
  平方公里: "km2",
  hectare: "ha",
  公顷: "ha",
  acres: "acre",
  英亩: "acre",
  "ft^2": "ft2",
  "ft²": "ft2",
  亩: "mu",
  "m^3": "m3",
  "m³": "m3",
  立方米: "m3",
  mps: "m/s",
  kmh: "km/h",
  kph: "km/h",
  "km/hr": "km/h",
  "公里/小时": "km/h",
  knot: "kn",
  knots: "kn",
  节: "kn",
  sec: "s",
  second: "s",
  seconds: "s",
  秒: "s",
  millisecond: "ms",
  毫秒: "ms",
  minute: "min",
  minutes: "min",
  分钟: "min",
  hour: "h",
  hours: "h",
  hr: "h",
  小时: "h",
  day: "d",
  days: "d",
  天: "d",
  week: "wk",
  weeks: "wk",
  周: "wk",
  byte: "b",
  bytes: "b",
  kelvin: "k",
  celsius: "c",
  "°c": "c",
  摄氏度: "c",
  fahrenheit: "f",
  "°f": "f",
  华氏度: "f",
};

// English only: the error goes back to the model as the tool's result (builtin-tools.ts).
export class UnitError extends Error {
  constructor(readonly en: string) {
    super(en);
    this.name = "UnitError";
  }
}

function resolve(name: string): { key: string; unit: Unit } {
  const raw = name.trim().toLowerCase().replace(/\s+/g, " ");
  const key = ALIASES[raw] ?? ALIASES[raw.replace(/ /g, "")] ?? raw.replace(/ /g, "");
  const unit = Object.hasOwn(UNITS, key) ? UNITS[key] : undefined;
  if (!unit) throw new UnitError(`Unknown unit "${name}".`);
  return { key, unit };
}

/** The units this tool knows, for its description and the enum in its schema. */
export const KNOWN_UNITS = Object.keys(UNITS);

interface Conversion {
  value: number;
  from: string;
  to: string;
  result: number;
}

/** `value` in unit `from` expressed in unit `to`; throws UnitError for unknown or mismatched units. */
export function convertUnits(value: number, from: string, to: string): Conversion {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new UnitError("The value must be a number.");
  }
  const a = resolve(from);
  const b = resolve(to);
  if (a.unit.dimension !== b.unit.dimension) {
    throw new UnitError(`Cannot convert ${a.unit.dimension} (${from}) to ${b.unit.dimension} (${to}).`);
  }
  const base = (value + (a.unit.offset ?? 0)) * a.unit.factor;
  const result = base / b.unit.factor - (b.unit.offset ?? 0);
  return { value, from: a.key, to: b.key, result: Number(result.toPrecision(12)) };
}
