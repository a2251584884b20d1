// The video poller: a module, not a component, so jobs keep advancing while the user is on another
// page of the app. One tab polls (see leader.ts); every tab renders the rows through useLiveQuery.

import { liveQuery } from "dexie";
import { getDB } from "@/lib/db";
import { activeVideoJobs } from "@/lib/db/media";
import { videoApi } from "./api";
import { runAsLeader } from "./leader";
import { pollVideoJob } from "./poll-job";
import { nextPollAt, pollBaseMs } from "./schedule";

const LOCK_NAME = "siliconplay-video-poller";
/** Safety net: even with no wake-up at all the leader looks at the table this often. */
const IDLE_CHECK_MS = 30_000;

let started = false;
// A wake-up that arrives while the loop is busy (not sleeping) is remembered, not lost.
let woken = false;
let endPause: (() => void) | null = null;

function wake(): void {
  woken = true;
  endPause?.();
}

// Tells the polling tab, wherever it is, to look now. Browsers slow down timers in hidden tabs (to
// once a minute after a while), but a message still runs at once: so when the user comes back to
// any tab, or submits from a tab that is not polling, the poller catches up without waiting.
let channel: BroadcastChannel | null = null;

/** Makes the leader look at the jobs now (a job was just added), in this tab or another. */
export function wakeVideoPoller(): void {
  wake();
  channel?.postMessage("wake");
}

/** Starts polling in this tab, or queues it to take over when the polling tab goes away. Idempotent. */
export function startVideoPoller(): void {
  if (started || typeof window === "undefined" || typeof indexedDB === "undefined") return;
  started = true;
  if (typeof BroadcastChannel !== "undefined") {
    channel = new BroadcastChannel(LOCK_NAME);
    channel.onmessage = () => wake();
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") wakeVideoPoller();
    });
  }
  runAsLeader(LOCK_NAME, leaderLoop);
}

function pause(ms: number): Promise<void> {
  if (woken) {
    woken = false;
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(finish, Math.max(0, ms));
    function finish() {
      clearTimeout(timer);
      endPause = null;
      woken = false;
      resolve();
    }
    endPause = finish;
  });
}

async function leaderLoop(isLeader: () => boolean): Promise<void> {
  const db = getDB();
  const inFlight = new Set<string>();
  // Any change to the set of active jobs, in this tab or another (Dexie broadcasts writes), wakes us.
  liveQuery(() => db.videos.where("status").anyOf("queued", "running").primaryKeys()).subscribe({
    next: () => wake(),
    error: () => {},
  });
  for (;;) {
    let wait = IDLE_CHECK_MS;
    try {
      if (isLeader()) {
        const base = pollBaseMs();
        const now = Date.now();
        for (const job of await activeVideoJobs(db)) {
          if (inFlight.has(job.id)) continue;
          const at = nextPollAt(job, base);
          if (at > now) {
            wait = Math.min(wait, at - now);
            continue;
          }
          inFlight.add(job.id);
          // Jobs run side by side: one long download does not hold back the others' polls.
          void pollVideoJob(db, job, videoApi)
            .catch((err) => console.warn("[video] poll failed", err))
            .finally(() => {
              inFlight.delete(job.id);
              wake();
            });
        }
      } else {
        wait = 2000;
      }
    } catch (err) {
      // The database can fail to open (private mode, blocked upgrade): try again later.
      console.warn("[video] poller", err);
      wait = 5000;
    }
    await pause(wait);
  }
}
