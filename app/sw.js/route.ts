import { serviceWorkerScript } from "@/lib/pwa/service-worker";

// Generated at build time with the build's id (set in next.config.ts), so each deploy installs a
// new worker with a cache of its own and prunes the old ones.
export const dynamic = "force-static";

export function GET(): Response {
  return new Response(serviceWorkerScript(process.env.SP_BUILD_ID ?? "development"), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    },
  });
}
