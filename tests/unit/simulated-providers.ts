import { afterAll, beforeAll, beforeEach } from "vitest";
import { type RunningSimulator, type SimConfig, type SimControl, simControl, startSimulator } from "@/lib/simulator";

// The set-up most route and server tests share: a real simulator on a free port and the server's
// environment holding keys for the providers, pointed at it (so no demo mode). lib/env caches what it
// reads first, so a test file imports its routes after this has run (in its own later beforeAll, or
// lazily in a test).

type EnvPatch = Record<string, string | undefined>;

/**
 * Points the server's provider settings at a simulator and returns the function that puts the previous
 * environment back. `glm: false` leaves GLM unconfigured; `env` adds or (with undefined) removes more.
 */
export function pointProvidersAt(simUrl: string, options: { glm?: boolean; key?: string; env?: EnvPatch } = {}) {
  const key = options.key ?? "test-key";
  const glm = options.glm !== false;
  const patch: EnvPatch = {
    SILICONFLOW_API_KEY: key,
    SILICONFLOW_BASE_URL: `${simUrl}/siliconflow/v1`,
    GLM_API_KEY: glm ? key : undefined,
    GLM_BASE_URL: glm ? `${simUrl}/glm/api/paas/v4` : undefined,
    ...options.env,
  };
  const saved = Object.fromEntries(Object.keys(patch).map((k) => [k, process.env[k]]));
  apply(patch);
  return () => apply(saved);
}

function apply(patch: EnvPatch) {
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

export interface SimulatedProviders {
  /** Readable once the hooks have started it (inside a hook or a test). */
  readonly sim: RunningSimulator;
  /** Usable at once: it forwards to the running simulator's control, so it can be destructured. */
  readonly control: SimControl;
}

/**
 * Registers the hooks: start the simulator and point the providers at it before all tests, forget its
 * faults and request log before each (unless `reset: false`), close it and restore the environment after.
 */
export function withSimulatedProviders(
  options: { config?: Partial<SimConfig>; glm?: boolean; key?: string; env?: EnvPatch; reset?: boolean } = {},
): SimulatedProviders {
  let sim: RunningSimulator | undefined;
  let control: SimControl | undefined;
  let restore = () => {};
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, config: options.config });
    control = simControl(sim.url);
    restore = pointProvidersAt(sim.url, options);
  });
  if (options.reset !== false) beforeEach(() => control?.reset());
  afterAll(async () => {
    restore();
    await sim?.close();
  });
  const notYet = () => new Error("The simulator starts in beforeAll; use it inside a hook or a test.");
  const forwarding = new Proxy({} as SimControl, {
    get: (_, name: keyof SimControl) => {
      if (!control) throw notYet();
      return control[name];
    },
  });
  return {
    get sim() {
      if (!sim) throw notYet();
      return sim;
    },
    control: forwarding,
  };
}
