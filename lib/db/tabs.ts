// Which tabs are alive, through Web Locks: each tab holds a lock named after its TAB_ID until it
// closes (the browser releases it even on a crash), so a reply "streaming" in a live tab is not
// mistaken for one left behind by a closed page.

import { TAB_ID } from "./ids";

const LOCK_PREFIX = "siliconplay-tab:";
let lockClaimed = false;

type LockManagerLike = {
  request(name: string, cb: () => Promise<unknown>): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
};

function locks(): LockManagerLike | undefined {
  return typeof navigator !== "undefined" ? (navigator as unknown as { locks?: LockManagerLike }).locks : undefined;
}

/** Holds a Web Lock named after this tab for the page's lifetime: other tabs can see we are alive. */
export function claimTabLock(): void {
  const lm = locks();
  if (lockClaimed || !lm) return;
  lockClaimed = true;
  void lm.request(`${LOCK_PREFIX}${TAB_ID}`, () => new Promise(() => {})).catch(() => {});
}

export async function liveTabs(): Promise<Set<string> | null> {
  const lm = locks();
  if (!lm) return null;
  try {
    const { held = [] } = await lm.query();
    return new Set(held.flatMap((l) => (l.name?.startsWith(LOCK_PREFIX) ? [l.name.slice(LOCK_PREFIX.length)] : [])));
  } catch {
    return null;
  }
}
