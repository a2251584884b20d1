import "server-only";
import { accessControlEnabled } from "@/lib/auth/session";
import { AppError, type AppErrorJSON, type Provider } from "@/lib/errors";
import { resolveProvider, upstreamJson } from "@/lib/upstream";
import { PROVIDERS, type ProviderState, providerState } from "./status";

// What Settings shows per provider. Whether a key works is decided by a cheap authenticated call
// (GET /models): SiliconFlow retired its balance endpoint in 2026-08 (release notes: "userinfo 接口
// 将停止服务"; it now answers 410, rikkahub #1811, kelivo 67646fa7), so the balance can no longer
// double as the key check. The balance is still shown where the endpoint answers; where it is gone
// (410, or 404 behind some gateways) Settings points to the provider's console instead.

interface Balance {
  name?: string;
  balance: string;
  chargeBalance?: string;
  totalBalance?: string;
}

/** The provider's state as Settings shows it (`provider-status-<p>`, ui-contract "second wave"). */
type ProviderStatus = "ok" | "failing" | "not_configured" | "demo";

export interface ProviderAccount {
  provider: Provider;
  /** The first-wave state, kept for `provider-<p>` (configured = ok). */
  state: ProviderState | "failing";
  status: ProviderStatus;
  /** Why the provider is failing: the key check's error. */
  error?: AppErrorJSON;
  balance?: Balance;
  /** "retired": the provider no longer reports a balance through its API; "none": it never did. */
  balanceNote?: "retired" | "none";
  /** The balance endpoint failed for another reason while the key works. */
  balanceError?: AppErrorJSON;
  /** Where the account's balance and bills are, in the provider's web console. */
  consoleUrl: string;
}

interface UserInfo {
  data?: { name?: unknown; balance?: unknown; chargeBalance?: unknown; totalBalance?: unknown };
}

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);

/** The console page with the balance: the same site as the API host (international accounts use .com). */
export function consoleUrl(provider: Provider, baseUrl: string): string {
  if (provider === "glm") return "https://open.bigmodel.cn/finance/overview";
  let host = "";
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    // not a URL: the mainland console below
  }
  return /(^|\.)siliconflow\.com$/.test(host)
    ? "https://cloud.siliconflow.com/"
    : "https://cloud.siliconflow.cn/expensebill";
}

/** HTTP statuses meaning "this endpoint is gone", as opposed to a failure of the account or the service. */
function isRetiredEndpoint(err: unknown): boolean {
  return err instanceof AppError && (err.upstreamStatus === 410 || err.upstreamStatus === 404);
}

async function siliconflowBalance(): Promise<Pick<ProviderAccount, "balance" | "balanceNote" | "balanceError">> {
  try {
    const info = await upstreamJson<UserInfo>("siliconflow", "/user/info", { method: "GET", maxAttempts: 1 });
    const data = info.data ?? {};
    return {
      balance: {
        name: str(data.name),
        balance: str(data.balance) ?? "0",
        chargeBalance: str(data.chargeBalance),
        totalBalance: str(data.totalBalance),
      },
    };
  } catch (err) {
    if (isRetiredEndpoint(err)) return { balanceNote: "retired" };
    return { balanceError: AppError.from(err).toJSON() };
  }
}

/** The cheapest authenticated call each provider has: its model list (one small JSON). */
async function checkKey(provider: Provider): Promise<void> {
  const path = provider === "siliconflow" ? "/models?type=text&sub_type=chat" : "/models";
  await upstreamJson<unknown>(provider, path, { method: "GET" });
}

async function account(provider: Provider): Promise<ProviderAccount> {
  const state = providerState(provider);
  let baseUrl = "";
  if (state !== "not_configured") baseUrl = (await resolveProvider(provider)).baseUrl;
  const base = { provider, consoleUrl: consoleUrl(provider, baseUrl) };
  if (state === "not_configured") return { ...base, state, status: "not_configured" };
  const [key, balance] = await Promise.all([
    checkKey(provider).then(
      () => undefined,
      (err: unknown) => AppError.from(err).toJSON(),
    ),
    provider === "siliconflow" ? siliconflowBalance() : Promise.resolve({ balanceNote: "none" as const }),
  ]);
  const status: ProviderStatus = key ? "failing" : state === "demo" ? "demo" : "ok";
  return { ...base, ...balance, state: key ? "failing" : state, status, error: key };
}

/** Each provider's state, checked live, and what is known of its balance. */
export async function accountOverview(): Promise<{
  demo: boolean;
  accessControl: boolean;
  providers: ProviderAccount[];
}> {
  const providers = await Promise.all(PROVIDERS.map(account));
  return {
    demo: PROVIDERS.every((p) => providerState(p) === "demo"),
    accessControl: accessControlEnabled(),
    providers,
  };
}
