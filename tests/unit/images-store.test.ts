import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AppDB,
  getImages,
  getMediaBlob,
  type ImageRecord,
  imagesInBatch,
  listImageIds,
  saveImages,
  uuid,
} from "@/lib/db";
import { AppError } from "@/lib/errors";
import { setImagesDb } from "@/lib/images/client/db";
import { EMPTY_FORM } from "@/lib/images/client/form";
import {
  type ImageJob,
  type ImageStudioState,
  initialImageStudioState,
  referenceIds,
  useImageStore,
} from "@/lib/images/client/store";
import type { ImageResponse } from "@/lib/images/contract";
import { describeModel } from "@/lib/providers/catalog";

// The form is persisted to localStorage, which Node lacks; the store reads it when the module loads.
vi.hoisted(() => {
  const data = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
});

// The store runs generations by itself: no component is mounted here, and the images still
// land in IndexedDB. That is what lets a generation outlive the page that started it.

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const MODELS = [
  describeModel("siliconflow", "black-forest-labs/FLUX.1-schnell"),
  describeModel("siliconflow", "Kwai-Kolors/Kolors"),
  describeModel("glm", "cogview-3-flash"),
  describeModel("siliconflow", "Qwen/Qwen-Image-Edit-2509"),
];

let db: AppDB;
let bodies: Record<string, unknown>[];

function okResponse(count: number, seed: number): ImageResponse {
  return {
    references: 0,
    model: { provider: "siliconflow", id: "black-forest-labs/FLUX.1-schnell" },
    seed,
    timings: { inferenceMs: 900, upstreamMs: 1000, downloadMs: 20 },
    images: Array.from({ length: count }, (_, index) => ({
      data: PNG,
      mime: "image/png",
      width: 1,
      height: 1,
      bytes: 70,
      index,
    })),
    failed: [],
  };
}

function answerWith(make: (body: Record<string, unknown>) => Response | Promise<Response>) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      bodies.push(body);
      return make(body);
    }),
  );
}

const settle = () =>
  vi.waitFor(() => expect(useImageStore.getState().jobs.every((j) => j.status !== "running")).toBe(true));

beforeEach(() => {
  db = new AppDB(`test-images-${uuid()}`);
  setImagesDb(db);
  bodies = [];
  useImageStore.setState({
    ...initialImageStudioState,
    form: { ...EMPTY_FORM, modelKey: "siliconflow:black-forest-labs/FLUX.1-schnell", steps: 4, prompt: "a fox" },
    models: { status: "ready", list: MODELS, partialErrors: [] },
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  setImagesDb(undefined);
  await db.delete();
});

describe("image jobs", () => {
  it("stores a batch with its settings, seed and timings, without any page mounted", async () => {
    answerWith((body) => Response.json(okResponse(2, body.seed as number)));
    // Batches are Kolors-only (the image API reference).
    useImageStore.getState().setForm({ modelKey: "siliconflow:Kwai-Kolors/Kolors", batchSize: 2 });
    useImageStore.getState().generate();
    expect(useImageStore.getState().jobs[0]?.status).toBe("running");
    await settle();

    const [job] = useImageStore.getState().jobs;
    expect(job?.status).toBe("succeeded");
    expect(job?.imageIds).toHaveLength(2);
    const sent = bodies[0] as { seed: number };
    expect(sent).toMatchObject({ model: "Kwai-Kolors/Kolors", prompt: "a fox", batchSize: 2, steps: 4 });
    // A random seed was drawn, sent, and offered for pinning.
    expect(useImageStore.getState().form).toMatchObject({ seed: null, lastSeed: sent.seed });

    const rows = await imagesInBatch(db, job?.id ?? "");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      prompt: "a fox",
      seed: sent.seed,
      model: { provider: "siliconflow", id: "black-forest-labs/FLUX.1-schnell" },
      params: { size: "1024x1024", batchSize: 2, steps: 4, seedFixed: false },
      mime: "image/png",
    });
    expect(rows[0]?.timings?.inferenceMs).toBe(900);
    expect((await getMediaBlob(db, rows[0]?.blobId))?.size).toBe(70);
    // One seed came back for the batch: each image records its place and that its own seed is unknown.
    expect(rows.map((r) => r.params.batchIndex).sort()).toEqual([0, 1]);
    for (const row of rows) expect(row.params.seedScope).toBe("batch");
  });

  it("keeps a per-image seed when the provider reports one, and a batch of one owns its seed", async () => {
    answerWith(() => {
      const res = okResponse(2, 7);
      res.images = res.images.map((image, i) => ({ ...image, seed: 100 + i }));
      return Response.json(res);
    });
    useImageStore.getState().setForm({ batchSize: 2 });
    useImageStore.getState().generate();
    await settle();
    const rows = await imagesInBatch(db, useImageStore.getState().jobs[0]?.id ?? "");
    const byIndex = [...rows].sort((a, b) => Number(a.params.batchIndex) - Number(b.params.batchIndex));
    expect(byIndex.map((r) => [r.seed, r.params.seedScope])).toEqual([
      [100, "image"],
      [101, "image"],
    ]);

    answerWith(() => Response.json(okResponse(1, 9)));
    useImageStore.getState().setForm({ batchSize: 1 });
    useImageStore.getState().generate();
    await settle();
    const single = await imagesInBatch(db, useImageStore.getState().jobs[0]?.id ?? "");
    expect(single.map((r) => [r.seed, r.params.seedScope])).toEqual([[9, "image"]]);
  });

  it("turns a failure into an alert on the job and stores nothing", async () => {
    answerWith(() => Response.json({ error: new AppError("expired").toJSON() }, { status: 410 }));
    useImageStore.getState().generate();
    await settle();
    expect(useImageStore.getState().jobs[0]).toMatchObject({ status: "failed", error: { code: "expired" } });
    expect(await listImageIds(db)).toEqual([]);
  });

  it("Retry sends exactly the same request, seed included", async () => {
    let calls = 0;
    answerWith((body) =>
      ++calls === 1
        ? Response.json({ error: new AppError("rate_limited").toJSON() }, { status: 429 })
        : Response.json(okResponse(1, body.seed as number)),
    );
    useImageStore.getState().generate();
    await settle();
    const failed = useImageStore.getState().jobs[0];
    useImageStore.getState().retry(failed?.id ?? "");
    await settle();
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(useImageStore.getState().jobs.map((j) => j.status)).toEqual(["succeeded"]);
  });

  it("Cancel aborts the request and leaves no job and no image", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
          ),
      ),
    );
    useImageStore.getState().generate();
    const id = useImageStore.getState().jobs[0]?.id ?? "";
    useImageStore.getState().cancel(id);
    await new Promise((r) => setTimeout(r, 20));
    expect(useImageStore.getState().jobs).toEqual([]);
    expect(await listImageIds(db)).toEqual([]);
  });

  it("does not send an incomplete form", () => {
    answerWith(() => Response.json(okResponse(1, 1)));
    useImageStore.getState().setForm({ prompt: "   " });
    useImageStore.getState().generate();
    expect(useImageStore.getState().jobs).toEqual([]);
    expect(bodies).toEqual([]);
  });
});

describe("gallery actions", () => {
  it("Reuse settings restores the form with the seed fixed; Use as reference switches to a model that takes one", async () => {
    answerWith((body) => Response.json(okResponse(1, body.seed as number)));
    useImageStore.getState().setForm({ seed: 4242, steps: 7, negativePrompt: "blur" });
    useImageStore.getState().generate();
    await settle();
    const [id] = await listImageIds(db);
    const record = await db.images.get(id ?? "");
    if (!record) throw new Error("not stored");

    useImageStore.getState().setForm({ prompt: "other", seed: null, steps: 2, negativePrompt: "" });
    await useImageStore.getState().reuseSettings(record);
    expect(useImageStore.getState().form).toMatchObject({
      prompt: "a fox",
      seed: 4242,
      steps: 7,
      negativePrompt: "blur",
    });

    await useImageStore.getState().referenceFrom(record);
    expect(useImageStore.getState().form.modelKey).toBe("siliconflow:Kwai-Kolors/Kolors");
    expect(useImageStore.getState().references.map((r) => r.imageId)).toEqual([record.id]);
  });
});

describe("delete and Undo", () => {
  async function storedImage(): Promise<ImageRecord> {
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" });
    const [row] = await saveImages(db, [
      { prompt: "a fox", model: { provider: "siliconflow", id: "m" }, params: {}, blob },
    ]);
    if (!row) throw new Error("not stored");
    return row;
  }

  it("Undo puts the deleted image back with its bytes, under the same id", async () => {
    const record = await storedImage();
    await useImageStore.getState().removeImage(record);
    expect(await listImageIds(db)).toEqual([]);
    expect(useImageStore.getState().deleted?.id).toBe(record.id);

    await useImageStore.getState().undoRemove();
    expect(useImageStore.getState().deleted).toBeNull();
    expect(await listImageIds(db)).toEqual([record.id]);
    const back = await db.images.get(record.id);
    const bytes = back && (await getMediaBlob(db, back.blobId));
    expect(bytes && new Uint8Array(await bytes.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("once the Undo offer closes, Undo restores nothing", async () => {
    const record = await storedImage();
    await useImageStore.getState().removeImage(record);
    useImageStore.getState().closeUndo();
    expect(useImageStore.getState().deleted).toBeNull();

    await useImageStore.getState().undoRemove();
    expect(await listImageIds(db)).toEqual([]);
  });
});

describe("image jobs across a reload", () => {
  it("keeps unfinished jobs, and one that was running comes back interrupted, not lost", () => {
    const { partialize, merge } = useImageStore.persist.getOptions();
    const job = (id: string, status: ImageJob["status"]): ImageJob => ({
      id,
      status,
      prompt: id,
      model: { provider: "siliconflow", id: "black-forest-labs/FLUX.1-schnell" },
      batchSize: 1,
      size: "1024x1024",
      startedAt: 1,
      imageIds: [],
      warnings: [],
    });
    useImageStore.setState({ jobs: [job("a", "running"), job("b", "succeeded"), job("c", "interrupted")] });
    // What goes to storage, through JSON as localStorage holds it: the unfinished ones only.
    const saved = JSON.parse(JSON.stringify(partialize?.(useImageStore.getState())));
    expect(saved.jobs.map((j: ImageJob) => j.id)).toEqual(["a", "c"]);

    const fresh = { ...useImageStore.getState(), jobs: [] };
    const merged = merge?.(saved, fresh) as ImageStudioState;
    expect(merged.jobs.map((j) => [j.id, j.status])).toEqual([
      ["a", "interrupted"],
      ["c", "interrupted"],
    ]);
    expect(merged.jobs[0]?.finishedAt).toBeTypeOf("number");
    expect(merged.form).toEqual(saved.form);
  });
});

describe("image editing", () => {
  it("Edit again: picks the edit model, sends the image as `image`, and stores the lineage", async () => {
    answerWith((body) => Response.json(okResponse(1, (body.seed as number | undefined) ?? 3)));
    useImageStore.getState().generate();
    await settle();
    const [first] = await imagesInBatch(db, useImageStore.getState().jobs[0]?.id ?? "");
    if (!first) throw new Error("not stored");

    await useImageStore.getState().editFrom(first);
    const state = useImageStore.getState();
    expect(state.form.modelKey).toBe("siliconflow:Qwen/Qwen-Image-Edit-2509");
    expect(state.form.prompt).toBe("");
    expect(state.references.map((r) => r.imageId)).toEqual([first.id]);

    // A second and third reference append (Edit-2509 takes three); a fourth is left out.
    for (const name of ["b", "c", "d"]) {
      useImageStore.getState().addReferences([{ blob: new Blob([name], { type: "image/png" }), name }]);
    }
    expect(useImageStore.getState().references.map((r) => r.name)).toEqual([first.prompt, "b", "c"]);
    useImageStore.getState().removeReference(2);

    useImageStore.getState().setForm({ prompt: "make it night" });
    useImageStore.getState().generate();
    await settle();
    const sent = bodies.at(-1) as { references?: string[]; size?: unknown; model: string };
    expect(sent.model).toBe("Qwen/Qwen-Image-Edit-2509");
    expect(sent.references).toHaveLength(2);
    expect(sent.references?.[0]).toMatch(/^data:image\/png;base64,/);
    // Edit models take no size: none is sent.
    expect(sent.size).toBeUndefined();
    const edited = await imagesInBatch(db, useImageStore.getState().jobs[0]?.id ?? "");
    expect(edited[0]?.params).toMatchObject({ referenceImageIds: [first.id], references: 2, hasReference: true });
    expect(referenceIds(edited[0] as ImageRecord)).toEqual([first.id]);
  });
});

describe("image queries", () => {
  it("lists ids newest first, reads rows in order, and returns a batch in the order it was made", async () => {
    const blob = new Blob([new Uint8Array([1])], { type: "image/png" });
    const base = { prompt: "p", model: { provider: "siliconflow" as const, id: "m" }, params: {}, blob };
    const rows = await saveImages(db, [
      { ...base, batchId: "b1" },
      { ...base, batchId: "b1" },
      { ...base, batchId: "b2" },
    ]);
    const ids = rows.map((r) => r.id);
    expect(await listImageIds(db)).toEqual([ids[2], ids[1], ids[0]]);
    expect((await getImages(db, [ids[1] ?? "", "missing"])).map((r) => r?.id)).toEqual([ids[1], undefined]);
    expect((await imagesInBatch(db, "b1")).map((r) => r.id)).toEqual([ids[0], ids[1]]);
  });
});
