// One tab polls; the others watch IndexedDB. With the Web Locks API every tab asks for the same
// lock and the first one keeps it for its whole life; when that tab closes or reloads, the browser
// hands the lock to the next tab in line, which continues the jobs from their stored rows.
//
// Web Locks exist only in secure contexts, and a self-hosted playground is often opened over plain
// http on a LAN address, so there is a fallback: a lease in localStorage renewed every 2 s. Two
// tabs can briefly both believe they hold it, so `isLeader()` is checked before every poll.

import { TAB_ID } from "@/lib/db/ids";

type LockManagerLike = { request(name: string, cb: () => Promise<unknown>): Promise<unknown> };

const LEASE_MS = 8000;
const RENEW_MS = 2000;

type LeaderTask = (isLeader: () => boolean) => Promise<void>;

export function runAsLeader(name: string, task: LeaderTask): void {
  const locks = (navigator as unknown as { locks?: LockManagerLike }).locks;
  if (locks && typeof locks.request === "function") {
    // The task never settles, so the lock is held until the page goes away.
    void locks.request(name, () => task(() => true)).catch(() => leaseLeader(name, task));
    return;
  }
  leaseLeader(name, task);
}

interface Lease {
  tab: string;
  until: number;
}

function leaseLeader(name: string, task: LeaderTask): void {
  const key = `${name}.lease`;
  const read = (): Lease | null => {
    try {
      const lease = JSON.parse(localStorage.getItem(key) ?? "null") as Lease | null;
      return lease && typeof lease.tab === "string" && typeof lease.until === "number" ? lease : null;
    } catch {
      return null;
    }
  };
  const isLeader = () => {
    const lease = read();
    return lease?.tab === TAB_ID && lease.until > Date.now();
  };
  let started = false;
  const tick = () => {
    const lease = read();
    const now = Date.now();
    if (!lease || lease.until <= now || lease.tab === TAB_ID) {
      try {
        localStorage.setItem(key, JSON.stringify({ tab: TAB_ID, until: now + LEASE_MS }));
      } catch {
        // storage unavailable: poll anyway rather than never
      }
      if (!started) {
        started = true;
        void task(() => isLeader() || read() === null);
      }
    }
  };
  tick();
  setInterval(tick, RENEW_MS);
  // Hand over at once instead of after the lease runs out.
  addEventListener("pagehide", () => {
    if (isLeader()) localStorage.removeItem(key);
  });
}
