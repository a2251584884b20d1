import type { SimConfig } from "./config";
import { FaultQueue } from "./faults";
import { FileStore, type StoredResult } from "./files";
import { RequestLog } from "./log";
import { SIMULATED_MEDIA_HOSTS } from "./media-hosts";
import { PromptCache } from "./prompt-cache";
import { selfSignedCertificate } from "./tls";

interface VoiceRecord {
  model: string;
  customName: string;
  text: string;
  uri: string;
}

export interface VideoJob {
  /** Each provider answers only for its own jobs. */
  provider: "siliconflow" | "glm";
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
  /** The stored video, once the job has succeeded and a client asked. */
  result?: StoredResult;
  /** GLM: the cover image stored with the video, and the client's own request_id. */
  cover?: StoredResult;
  clientRequestId?: string;
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
  /** GLM-4V-Flash requests in flight (its documented concurrency limit). */
  glmFlashInFlight = 0;
  /** Prompt prefixes GLM has served, for `cached_tokens`. */
  readonly glmPromptCache = new PromptCache();

  /** Made once per instance: the simulator's media hosts are served over HTTPS with it. */
  readonly certificate = selfSignedCertificate(SIMULATED_MEDIA_HOSTS);

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
    this.glmFlashInFlight = 0;
    this.glmPromptCache.clear();
  }
}
