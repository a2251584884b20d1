import "server-only";
import { getEnv } from "@/lib/env";
import type { Provider } from "@/lib/errors";
import { UPLOAD_PATH } from "@/lib/uploads/publish";

// Demo mode (no provider key at all) sends every request to the built-in simulator, which speaks
// both providers' wire protocol over real HTTP, so demo, tests and production share one code path.

export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
}

export const DEMO_API_KEY = "demo";

const SIMULATOR_PATHS: Readonly<Record<Provider, string>> = {
  siliconflow: "/siliconflow/v1",
  glm: "/glm/api/paas/v4",
};

// On globalThis rather than in module scope: Next.js dev reloads modules, and each reload must not
// start another server.
const KEY = Symbol.for("siliconplay.upstream.demoSimulator");
type SimulatorGlobal = typeof globalThis & { [KEY]?: Promise<RunningSimulator> };

/** Starts the in-process simulator once per process (lazily, on the first demo request). */
export function ensureSimulator(): Promise<RunningSimulator> {
  const g = globalThis as SimulatorGlobal;
  let running = g[KEY];
  if (!running) {
    // The simulated GLM fetches image links like the real one, but this simulator runs inside the
    // app server: it may fetch only the links this server publishes, never one a client names (those
    // may be on a private address, as a self-hosted demo usually is).
    const publicBaseUrl = getEnv().publicBaseUrl;
    const imageFetchPrefixes = publicBaseUrl ? [`${publicBaseUrl}${UPLOAD_PATH}`] : [];
    // Results come as links on the providers' real media hosts, which the media downloader reaches
    // through this simulator (lib/media/network.ts), so demo mode runs the production checks.
    const config = { imageFetchPrefixes, imageFetchAllowPrivate: true, mediaHosts: "provider" as const };
    running = import("../simulator")
      .then((m) => m.startSimulator({ port: 0, config }))
      .catch((err: unknown) => {
        // A failed start must not be cached: the next request tries again.
        delete g[KEY];
        throw err;
      });
    g[KEY] = running;
  }
  return running;
}

/** The provider's base URL inside a running simulator. */
export function simulatorBaseUrl(simulatorUrl: string, provider: Provider): string {
  return `${simulatorUrl.replace(/\/+$/, "")}${SIMULATOR_PATHS[provider]}`;
}
