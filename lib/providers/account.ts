import "server-only";
import { accessControlEnabled } from "@/lib/auth/session";
import { AppError, type AppErrorJSON, type Provider } from "@/lib/errors";
import { upstreamJson } from "@/lib/upstream";
import { PROVIDERS, type ProviderState, providerState } from "./status";

export interface Balance {
  name?: string;
  balance: string;
  chargeBalance?: string;
  totalBalance?: string;
}

export interface ProviderAccount {
  provider: Provider;
  state: ProviderState | "failing";
  balance?: Balance;
  error?: AppErrorJSON;
}

interface UserInfo {
  data?: { name?: unknown; balance?: unknown; chargeBalance?: unknown; totalBalance?: unknown };
}

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);

async function siliconflowBalance(): Promise<Balance> {
  const info = await upstreamJson<UserInfo>("siliconflow", "/user/info", { method: "GET" });
  const data = info.data ?? {};
  return {
    name: str(data.name),
    balance: str(data.balance) ?? "0",
    chargeBalance: str(data.chargeBalance),
    totalBalance: str(data.totalBalance),
  };
}

/** Each provider's state; SiliconFlow's balance doubles as a live check of its key. */
export async function accountOverview(): Promise<{
  demo: boolean;
  accessControl: boolean;
  providers: ProviderAccount[];
}> {
  const providers = await Promise.all(
    PROVIDERS.map(async (provider): Promise<ProviderAccount> => {
      const state = providerState(provider);
      if (state === "not_configured" || provider === "glm") return { provider, state };
      try {
        return { provider, state, balance: await siliconflowBalance() };
      } catch (err) {
        return { provider, state: "failing", error: AppError.from(err).toJSON() };
      }
    }),
  );
  return { demo: providers.every((p) => p.state === "demo"), accessControl: accessControlEnabled(), providers };
}
