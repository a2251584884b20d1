import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

// Answers without a session so load balancers and Docker can probe it; it reveals
// nothing beyond whether the server runs in demo mode.
export function GET() {
  return Response.json({ ok: true, demo: getEnv().demo }, { headers: { "cache-control": "no-store" } });
}
