// Turns for the replies streaming on one page. /compare streams up to four replies at once, with
// the same content in lockstep: redrawn independently, their updates fall into the same React
// render and commit, so a heavy block (a formula, a long code block) costs four times over in one
// task, with one layout of all four columns after it. Here each reply redraws in its own turn: at
// most one reply's redraw is in flight, the next starts on a later frame once the last one has
// committed, and replies take turns round-robin. A single reply (the chat page) is served each
// frame its own minimum interval allows, as before.

export interface LiveSlot {
  /** New text arrived; redraw when this reply's turn comes, at most every `intervalMs`. */
  mark(intervalMs: number): void;
  /** The redraw asked for has committed: the next reply may go. */
  done(): void;
  leave(): void;
}

interface Entry {
  /** Applies the newest text (as a transition); false when there was nothing new. */
  turn: () => boolean;
  dirty: boolean;
  last: number;
  interval: number;
}

const entries: Entry[] = [];
let next = 0;
let inFlight: Entry | null = null;
let inFlightTimer: ReturnType<typeof setTimeout> | null = null;
let framePending = false;
let dueTimer: ReturnType<typeof setTimeout> | null = null;

// A redraw that never reports back (it rendered nothing, or was dropped) must not stall the others.
const IN_FLIGHT_LIMIT_MS = 500;
// rAF does not run in a hidden tab; the reply still lands, only less often.
const FRAME_FALLBACK_MS = 100;

function requestFrame(): void {
  if (framePending) return;
  framePending = true;
  let fired = false;
  const go = () => {
    if (fired) return;
    fired = true;
    framePending = false;
    serve();
  };
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(go);
  setTimeout(go, FRAME_FALLBACK_MS);
}

function release(): void {
  inFlight = null;
  if (inFlightTimer) clearTimeout(inFlightTimer);
  inFlightTimer = null;
}

function serve(): void {
  if (inFlight) return;
  const now = performance.now();
  let wait = Number.POSITIVE_INFINITY;
  for (let k = 0; k < entries.length; k++) {
    const i = (next + k) % entries.length;
    const e = entries[i]!;
    if (!e.dirty) continue;
    const due = e.last + e.interval - now;
    if (due > 0) {
      wait = Math.min(wait, due);
      continue;
    }
    next = i + 1;
    e.dirty = false;
    e.last = now;
    if (!e.turn()) continue;
    inFlight = e;
    inFlightTimer = setTimeout(() => {
      release();
      pump();
    }, IN_FLIGHT_LIMIT_MS);
    return;
  }
  if (wait !== Number.POSITIVE_INFINITY && !dueTimer) {
    dueTimer = setTimeout(() => {
      dueTimer = null;
      pump();
    }, wait);
  }
}

function pump(): void {
  if (inFlight || !entries.some((e) => e.dirty)) return;
  requestFrame();
}

/** Joins the round: `turn` is called when this reply may redraw. */
export function joinLiveFrames(turn: () => boolean): LiveSlot {
  const entry: Entry = { turn, dirty: false, last: Number.NEGATIVE_INFINITY, interval: 0 };
  entries.push(entry);
  return {
    mark(intervalMs) {
      entry.interval = intervalMs;
      if (entry.dirty) return;
      entry.dirty = true;
      pump();
    },
    done() {
      if (inFlight !== entry) return;
      release();
      pump();
    },
    leave() {
      const i = entries.indexOf(entry);
      if (i >= 0) entries.splice(i, 1);
      if (next > i) next--;
      if (inFlight === entry) {
        release();
        pump();
      }
    },
  };
}
