import { expect } from "@playwright/test";

export interface SimLogEntry {
  id: number;
  provider: "siliconflow" | "glm" | "files";
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  aborted: boolean;
  /** Image links the simulated GLM downloaded for this request. */
  imageFetches?: { url: string; ok: boolean; status: number; bytes: number; contentType: string; error?: string }[];
}

export interface FaultRequest {
  fault: string;
  path?: string;
  provider?: "siliconflow" | "glm";
  /** Only requests for this model (a comparison's one column). */
  model?: string;
  times?: number;
  delayMs?: number;
  retryAfterSeconds?: number;
}

/** Talks to the simulator's control API: faults to inject and the log of what the app sent. */
export class Simulator {
  constructor(readonly url: string) {}

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.ok, `simulator ${method} ${path} answered ${res.status}`).toBe(true);
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  }

  reset() {
    return this.call("POST", "/__sim/reset");
  }
  fault(request: FaultRequest) {
    return this.call("POST", "/__sim/faults", request);
  }
  clearFaults() {
    return this.call("DELETE", "/__sim/faults");
  }
  configure(config: Record<string, unknown>) {
    return this.call("POST", "/__sim/config", config);
  }
  async log(filter?: { path?: string; provider?: string }): Promise<SimLogEntry[]> {
    const { entries } = (await this.call("GET", "/__sim/log")) as { entries: SimLogEntry[] };
    return entries.filter(
      (e) => (!filter?.path || e.path.startsWith(filter.path)) && (!filter?.provider || e.provider === filter.provider),
    );
  }
}
