import { apiHandler } from "@/lib/http/handler";
import { accountOverview } from "@/lib/providers/account";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async () =>
  Response.json(await accountOverview(), { headers: { "cache-control": "no-store" } }),
);
