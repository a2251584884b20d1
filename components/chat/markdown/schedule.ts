// A main-thread work queue for lazy renderers (KaTeX, mermaid). A finished message can hold a
// hundred formulas; rendering them all in one effect flush would be one long task, so jobs run in
// slices of a few milliseconds with a yield to the event loop (input, paint) between slices.

type Job = () => void;

const SLICE_MS = 8;
const queue: Job[] = [];
let posted = false;

function post(): void {
  if (posted) return;
  posted = true;
  setTimeout(run, 0);
}

function run(): void {
  posted = false;
  const start = performance.now();
  while (queue.length > 0) {
    const job = queue.shift()!;
    try {
      job();
    } catch (err) {
      console.error("[markdown]", err);
    }
    if (queue.length > 0 && performance.now() - start > SLICE_MS) {
      post();
      return;
    }
  }
}

/** Runs `job` soon, in its own slice of main-thread time. Returns a cancel function. */
export function schedule(job: Job): () => void {
  let cancelled = false;
  queue.push(() => {
    if (!cancelled) job();
  });
  post();
  return () => {
    cancelled = true;
  };
}
