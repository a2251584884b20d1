import { randomBytes } from "node:crypto";
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants";
import { EnvError, parseEnv } from "./lib/env-schema";
import { REMOTE_IMAGE_FRAME, REMOTE_IMAGE_FRAME_HEADERS } from "./lib/security/headers";

// One id per build, shared by every process of the build (its workers inherit the environment):
// Next's build id and the service worker's cache name (app/sw.js/route.ts).
process.env.SP_BUILD_ID ||= `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;

const nextConfig: NextConfig = {
  generateBuildId: () => process.env.SP_BUILD_ID ?? null,
  // Self-hosting ships `.next/standalone/server.js`; Vercel ignores this.
  output: "standalone",
  // Parallel builds in one checkout (several e2e runs at once) each need their own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm run bench bundle -- --explain` builds with maps to attribute first-load bytes to modules.
  productionBrowserSourceMaps: process.env.BUNDLE_SOURCEMAPS === "1",
  reactStrictMode: true,
  // In development Next's floating indicator sits in a bottom corner, over the composer's and the
  // sidebar's controls on a phone; build errors still show in the overlay.
  devIndicators: false,
  // pages/api/chat.ts imports lib modules marked `server-only`: bundled, they resolve to the empty
  // marker as in app/; left external, Node would load the package's throwing default.
  bundlePagesRouterDependencies: true,
  // Pages get their headers (with the CSP nonce) from proxy.ts; API responses get these.
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: [
          { key: "x-content-type-options", value: "nosniff" },
          { key: "referrer-policy", value: "no-referrer" },
          { key: "x-frame-options", value: "DENY" },
        ],
      },
      {
        // Not a page (proxy.ts skips it): a static frame with a policy of its own.
        source: REMOTE_IMAGE_FRAME,
        headers: Object.entries(REMOTE_IMAGE_FRAME_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default function config(phase: string): NextConfig {
  // Fail at start, naming the variable, rather than on the first request. The build is
  // not checked: it may run where the runtime variables are not set yet.
  if (phase === PHASE_PRODUCTION_SERVER || phase === PHASE_DEVELOPMENT_SERVER) {
    try {
      parseEnv(process.env);
    } catch (err) {
      if (err instanceof EnvError) {
        console.error(`\n[siliconplay] ${err.message}\n`);
        process.exit(1);
      }
      throw err;
    }
  }
  return nextConfig;
}
