import type { SimConfig } from "./config";
import { FaultQueue } from "./faults";
import { FileStore } from "./files";
import { RequestLog } from "./log";

export interface VoiceRecord {
  model: string;
  customName: string;
  text: string;
  uri: string;
}

export interface VideoJob {
  requestId: string;
  model: string;
  seed: number;
  fail: boolean;
  createdAt: number;
  // Snapshotted at submit time so a later config change does not rewrite a running job's timeline.
  queueMs: number;
  runMs: number;
  urlTtlMs: number;
  inferenceSeconds: number;
}

/** Mutable state of one simulator instance; two simulators in one process never share anything. */
export class SimState {
  config: SimConfig;
  readonly log = new RequestLog();
  readonly faults = new FaultQueue();
  readonly voices = new Map<string, VoiceRecord>();
  readonly jobs = new Map<string, VideoJob>();
  /** Generated media; not cleared by reset, so links already handed out keep their own expiry. */
  readonly files = new FileStore();
  unauthorizedCount = 0;

  constructor(private readonly initialConfig: SimConfig) {
    this.config = { ...initialConfig };
  }

  /** Back to the configuration the simulator was started with, with no history. */
  reset(): void {
    this.config = { ...this.initialConfig };
    this.log.clear();
    this.faults.clear();
    this.voices.clear();
    this.jobs.clear();
    this.unauthorizedCount = 0;
  }
}
