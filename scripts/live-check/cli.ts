import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CAPABILITIES, type Capability } from "./capabilities";
import { describeRequest } from "./describe";

// `npm run check:live`: each capability once against the real providers with the keys in .env.local.
// It prints the plan and the estimated cost first and asks before spending anything (or --yes), then
// one line per capability: what the app sent, what came back, PASS or FAIL. --record keeps the
// answers (keys and account data removed) under tests/fixtures/live/ for the replay tests. It never
// runs in CI, and --dry-run prints the plan without touching the network.

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  confirm(question: string): Promise<boolean>;
  env: Record<string, string | undefined>;
  /** Where fixtures go (the repository root). */
  root: string;
}

const USAGE = `usage: npm run check:live -- [--dry-run] [--yes] [--record] [--with-video] [--only id,id]
  --dry-run     print the plan and the estimated cost; send nothing
  --yes         do not ask before running
  --record      store the answers (keys and account data removed) under tests/fixtures/live/
  --with-video  also generate one video (paid)
  --only        run only these capabilities: ${CAPABILITIES.map((c) => c.id).join(", ")}`;

interface Options {
  dryRun: boolean;
  yes: boolean;
  record: boolean;
  withVideo: boolean;
  only?: string[];
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { dryRun: false, yes: false, record: false, withVideo: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--dry-run") o.dryRun = true;
    else if (arg === "--yes" || arg === "-y") o.yes = true;
    else if (arg === "--record") o.record = true;
    else if (arg === "--with-video") o.withVideo = true;
    else if (arg === "--only") {
      o.only = (argv[++i] ?? "").split(",").filter(Boolean);
      const unknown = o.only.filter((id) => !CAPABILITIES.some((c) => c.id === id));
      if (unknown.length > 0 || o.only.length === 0)
        return `--only takes capability ids; unknown: ${unknown.join(", ") || "(none)"}`;
    } else return `unexpected argument "${arg}"`;
  }
  return o;
}

const yuan = (n: number) => `¥${n < 0.01 && n > 0 ? n.toFixed(3) : n.toFixed(2)}`;

interface PlanItem {
  cap: Capability;
  skip?: string;
}

export function plan(options: Pick<Options, "withVideo" | "only">, env: CliIO["env"]): PlanItem[] {
  const keys = { siliconflow: !!env.SILICONFLOW_API_KEY?.trim(), glm: !!env.GLM_API_KEY?.trim() };
  return CAPABILITIES.filter((cap) => !options.only || options.only.includes(cap.id)).map((cap) => {
    if (cap.optIn === "video" && !options.withVideo)
      return { cap, skip: `pass --with-video to run it (about ${yuan(cap.costYuan)})` };
    if (!keys[cap.provider])
      return { cap, skip: `no ${cap.provider === "glm" ? "GLM_API_KEY" : "SILICONFLOW_API_KEY"}` };
    return { cap };
  });
}

export function estimatedCost(items: PlanItem[]): number {
  return items.filter((i) => !i.skip).reduce((sum, i) => sum + i.cap.costYuan, 0);
}

function printPlan(items: PlanItem[], io: CliIO): void {
  const sfBase = io.env.SILICONFLOW_BASE_URL || "https://api.siliconflow.cn/v1";
  const glmBase = io.env.GLM_BASE_URL || "https://open.bigmodel.cn/api/paas/v4";
  io.out(`Live check against the real providers: SiliconFlow ${sfBase}, GLM ${glmBase}`);
  const width = Math.max(...items.map((i) => i.cap.id.length));
  for (const { cap, skip } of items) {
    const what = `${cap.id.padEnd(width)}  ${cap.title}`;
    io.out(
      skip ? `  skip ${what}: ${skip}` : `  run  ${what}  ${yuan(cap.costYuan)}  (${describeRequest(cap.request())})`,
    );
  }
  const runs = items.filter((i) => !i.skip).length;
  io.out(
    `Estimated cost: ${yuan(estimatedCost(items))} for ${runs} request${runs === 1 ? "" : "s"} ` +
      "(list prices known when this script was written; free models count ¥0 — check the price pages).",
  );
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv);
  if (typeof parsed === "string" || argv.includes("--help")) {
    (typeof parsed === "string" ? io.err : io.out)(typeof parsed === "string" ? `${parsed}\n${USAGE}` : USAGE);
    return typeof parsed === "string" ? 2 : 0;
  }
  if (io.env.CI && !parsed.dryRun) {
    io.err("check:live spends money on real accounts and never runs in CI (CI is set). Use --dry-run to see the plan.");
    return 2;
  }
  const items = plan(parsed, io.env);
  printPlan(items, io);
  if (parsed.dryRun) {
    io.out("Dry run: nothing was sent.");
    return 0;
  }
  const runnable = items.filter((i) => !i.skip);
  if (runnable.length === 0) {
    io.err("Nothing to run: set SILICONFLOW_API_KEY and/or GLM_API_KEY in .env.local.");
    return 2;
  }
  if (!parsed.yes && !(await io.confirm(`Send these ${runnable.length} requests now? [y/N] `))) {
    io.out("Cancelled: nothing was sent.");
    return 1;
  }
  // Loaded only when something is sent.
  const { runCapability } = await import("./runner");
  const { toFixture } = await import("./exchange");
  const secrets = [io.env.SILICONFLOW_API_KEY, io.env.GLM_API_KEY].filter((k): k is string => !!k);
  let failures = 0;
  let audio: Uint8Array | undefined;
  for (const { cap, skip } of items) {
    if (skip) {
      io.out(`SKIP ${cap.id}: ${skip}`);
      continue;
    }
    const result = await runCapability(cap, { audio });
    audio ??= result.audio;
    const status = result.exchanges.at(-1)?.response.status ?? 0;
    io.out(
      `${result.verdict.ok ? "PASS" : "FAIL"} ${cap.id}: sent ${result.sent} → ${status || "no answer"} ${result.verdict.got}`,
    );
    if (!result.verdict.ok) failures += 1;
    if (parsed.record) {
      const dir = path.join(io.root, "tests", "fixtures", "live");
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${cap.id}.json`);
      await writeFile(file, `${JSON.stringify(toFixture(cap.id, result.exchanges, secrets), null, 2)}\n`);
      io.out(`     recorded ${path.relative(io.root, file)}`);
    }
  }
  io.out(`${runnable.length - failures} passed, ${failures} failed.`);
  return failures > 0 ? 1 : 0;
}
