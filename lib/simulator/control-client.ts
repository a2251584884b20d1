import type { SimConfig } from "./config";
import type { FaultSpec } from "./faults";
import type { LogEntry } from "./log";

/** A typed client for the simulator's /__sim control API, for unit and end-to-end tests. */
export interface SimControl {
  log(): Promise<LogEntry[]>;
  clearLog(): Promise<void>;
  fault(spec: FaultSpec | FaultSpec[]): Promise<void>;
  clearFaults(): Promise<void>;
  config(patch?: Partial<SimConfig>): Promise<SimConfig>;
  reset(): Promise<void>;
}

export function simControl(simulatorUrl: string): SimControl {
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${simulatorUrl}/__sim${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as unknown;
    if (!res.ok) throw new Error(`simulator control ${method} ${path}: ${JSON.stringify(json)}`);
    return json;
  };
  return {
    log: async () => ((await call("GET", "/log")) as { entries: LogEntry[] }).entries,
    clearLog: async () => {
      await call("DELETE", "/log");
    },
    fault: async (spec) => {
      await call("POST", "/faults", spec);
    },
    clearFaults: async () => {
      await call("DELETE", "/faults");
    },
    config: async (patch) => (await (patch ? call("POST", "/config", patch) : call("GET", "/config"))) as SimConfig,
    reset: async () => {
      await call("POST", "/reset");
    },
  };
}
