import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ensureSimulator } from "@/lib/upstream";

// How the media downloader reaches a host: name resolution, where a socket for a resolved address
// really goes, and which certificates TLS trusts. In production that is the system's DNS, the
// address itself and the system's CA store. In demo mode and in end-to-end tests the simulator plays
// the providers' media hosts (sc-maas.oss-cn-shanghai.aliyuncs.com, maas-watermark-prod.cn-wlcb.
// ufileos.com …): it answers their names with a public stand-in address, the socket for that address
// goes to the simulator's port, and TLS trusts the simulator's self-signed certificate for those
// names. Everything between (the host allow-list, the https rule, the private-address rule, the
// certificate's host-name check, redirects, size caps) runs exactly as in production.

interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface MediaNetwork {
  /** Every address a host name resolves to; throws when it does not resolve. */
  lookup(hostname: string): Promise<ResolvedAddress[]>;
  /** Where a socket for a resolved address is really opened, when not at the address itself. */
  route?(address: string): { host: string; port: number } | undefined;
  /** Trust anchors that replace the system's CA store (the simulator's certificate). */
  ca?: string[];
}

const SYSTEM_NETWORK: MediaNetwork = {
  lookup: async (hostname) =>
    (await dnsLookup(hostname, { all: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })),
};

interface SimulatedNetwork {
  certificate: string;
  addresses: Record<string, string>;
}

/** The simulator's media network, as its control API describes it (`GET /__sim/media-network`). */
export async function simulatorNetwork(simulatorUrl: string): Promise<MediaNetwork> {
  let described: SimulatedNetwork;
  try {
    const res = await fetch(`${simulatorUrl.replace(/\/+$/, "")}/__sim/media-network`, {
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    described = (await res.json()) as SimulatedNetwork;
  } catch (err) {
    throw new AppError("network", { detail: "the simulator's media network is unreachable", cause: err });
  }
  const target = new URL(simulatorUrl);
  const host = target.hostname.replace(/^\[|\]$/g, "");
  const port = Number(target.port || (target.protocol === "https:" ? 443 : 80));
  const names = new Map(Object.entries(described.addresses).map(([name, a]) => [name.toLowerCase(), a]));
  const routed = new Set(names.values());
  return {
    lookup: async (hostname) => {
      const address = names.get(hostname.toLowerCase().replace(/\.$/, ""));
      if (!address) throw new Error(`${hostname} is not in the simulated network`);
      return [{ address, family: isIP(address) === 6 ? 6 : 4 }];
    },
    route: (address) => (routed.has(address) ? { host, port } : undefined),
    ca: [described.certificate],
  };
}

/**
 * The network this server downloads provider media through: the in-process simulator's in demo
 * mode, the one named by MEDIA_TEST_NETWORK (end-to-end tests against a standalone simulator), or
 * the real one.
 */
export async function mediaNetwork(): Promise<MediaNetwork> {
  const env = getEnv();
  if (env.demo) return simulatorNetwork((await ensureSimulator()).url);
  if (env.mediaTestNetwork) return simulatorNetwork(env.mediaTestNetwork);
  return SYSTEM_NETWORK;
}
