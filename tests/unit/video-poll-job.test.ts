import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppDB, getMediaBlob, getVideoJob, saveVideoJob, uuid, type VideoJob } from "@/lib/db";
import { attachVideoRequestId } from "@/lib/db/media";
import { AppError } from "@/lib/errors";
import type { VideoApi } from "@/lib/video/client/api";
import { pollVideoJob, SUBMIT_GRACE_MS } from "@/lib/video/client/poll-job";
import type { VideoStatusReply } from "@/lib/video/contract";

const opened: AppDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function setup(): Promise<{ db: AppDB; job: VideoJob }> {
  const db = new AppDB(`test-video-${uuid()}`);
  opened.push(db);
  const job = await saveVideoJob(db, {
    requestId: "req-1",
    model: { provider: "siliconflow", id: "Wan-AI/Wan2.2-T2V-A14B" },
    prompt: "a fox",
    params: { size: "1280x720" },
  });
  return { db, job };
}

function api(status: VideoStatusReply | Error, content?: Blob | Error): VideoApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    status: vi.fn(async () => {
      calls.push("status");
      if (status instanceof Error) throw status;
      return status;
    }),
    content: vi.fn(async () => {
      calls.push("content");
      if (!content || content instanceof Error) throw content ?? new Error("no content");
      return content;
    }),
  };
}

const mp4 = () => new Blob([new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112])], { type: "video/mp4" });
const reload = async (db: AppDB, job: VideoJob) => (await getVideoJob(db, job.id))!;

describe("pollVideoJob", () => {
  it("waits for a row written before submitting, then says it was interrupted if the id never came", async () => {
    const db = new AppDB(`test-video-${uuid()}`);
    opened.push(db);
    const fresh = await saveVideoJob(db, {
      requestId: "",
      model: { provider: "glm", id: "cogvideox-3" },
      prompt: "a kite",
      params: {},
    });
    const calls = api({ status: "InQueue" });
    await pollVideoJob(db, fresh, calls);
    expect(calls.calls).toEqual([]);
    expect((await reload(db, fresh)).status).toBe("queued");

    // Past the grace period the submit call can no longer answer (the page that made it is gone).
    const stale = { ...fresh, createdAt: Date.now() - SUBMIT_GRACE_MS - 1 };
    await pollVideoJob(db, stale, calls);
    expect(calls.calls).toEqual([]);
    const row = await reload(db, fresh);
    expect(row.status).toBe("failed");
    expect(row.failure?.code).toBe("interrupted");

    // Once the id is filled in, polling works as for any job.
    await attachVideoRequestId(db, fresh.id, "task-9");
    const filled = await reload(db, fresh);
    expect(filled.requestId).toBe("task-9");
  });

  it("maps InQueue and InProgress to queued (with position) and running, counting polls", async () => {
    const { db, job } = await setup();
    await pollVideoJob(db, job, api({ status: "InQueue", position: 4 }));
    let row = await reload(db, job);
    expect(row).toMatchObject({ status: "queued", position: 4, polls: 1 });
    await pollVideoJob(db, row, api({ status: "InProgress" }));
    row = await reload(db, job);
    expect(row.status).toBe("running");
    expect(row.position).toBeUndefined();
    expect(row.startedAt).toBeTypeOf("number");
    expect(row.polls).toBe(2);
  });

  it("stores the video Blob before calling the job succeeded", async () => {
    const { db, job } = await setup();
    const fake = api({ status: "Succeed", seed: 7, inferenceSeconds: 12 }, mp4());
    await pollVideoJob(db, job, fake);
    const row = await reload(db, job);
    expect(fake.calls).toEqual(["status", "content"]);
    expect(row.status).toBe("succeeded");
    expect((await getMediaBlob(db, row.blobId))?.size).toBe(8);
    expect(row.mime).toBe("video/mp4");
    expect(row.seed).toBe(7);
    expect(row.timings).toEqual({ inference: 12 });
    expect(row.finishedAt).toBeTypeOf("number");
  });

  it("keeps the provider's reason on Failed", async () => {
    const { db, job } = await setup();
    await pollVideoJob(db, job, api({ status: "Failed", reason: "content safety" }));
    const row = await reload(db, job);
    expect(row.status).toBe("failed");
    expect(row.failure?.detail).toBe("content safety");
    expect(row.failure?.message.zh).toBeTruthy();
  });

  it("marks a link that expired before download as expired", async () => {
    const { db, job } = await setup();
    await pollVideoJob(db, job, api({ status: "Succeed" }, new AppError("expired")));
    const row = await reload(db, job);
    expect(row.status).toBe("expired");
    expect(row.failure?.code).toBe("expired");
    expect(row.blobId).toBeUndefined();
  });

  it("keeps polling through passing trouble (network, rate limit, a cut download)", async () => {
    const { db, job } = await setup();
    await pollVideoJob(db, job, api(new AppError("rate_limited")));
    let row = await reload(db, job);
    expect(row.status).toBe("queued");
    expect(row.lastError?.code).toBe("rate_limited");
    await pollVideoJob(db, row, api({ status: "Succeed" }, new AppError("network")));
    row = await reload(db, job);
    expect(row.status).toBe("running");
    expect(row.lastError?.code).toBe("network");
    await pollVideoJob(db, row, api({ status: "Succeed" }, mp4()));
    row = await reload(db, job);
    expect(row.status).toBe("succeeded");
    expect(row.lastError).toBeUndefined();
    expect(row.polls).toBe(3);
  });

  it("fails a job the provider does not know, and a download the server refuses", async () => {
    const a = await setup();
    await pollVideoJob(a.db, a.job, api(new AppError("bad_request", { detail: "requestId not found" })));
    expect((await reload(a.db, a.job)).status).toBe("failed");
    const b = await setup();
    await pollVideoJob(b.db, b.job, api({ status: "Succeed" }, new AppError("unsafe_url")));
    const row = await reload(b.db, b.job);
    expect(row.status).toBe("failed");
    expect(row.failure?.code).toBe("unsafe_url");
  });

  it("does not bring back a job deleted while its video downloaded", async () => {
    const { db, job } = await setup();
    const fake = api({ status: "Succeed" }, mp4());
    fake.content = vi.fn(async () => {
      await db.videos.delete(job.id);
      return mp4();
    });
    await pollVideoJob(db, job, fake);
    expect(await getVideoJob(db, job.id)).toBeUndefined();
  });
});
