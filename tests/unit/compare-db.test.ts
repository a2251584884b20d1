import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import {
  addComparisonColumn,
  comparisonColumns,
  createComparison,
  listComparisons,
  releaseComparisonColumn,
  removeComparisonColumn,
  setColumnModel,
} from "@/lib/compare/client/db";
import { getDB } from "@/lib/db";

// A comparison is one conversation per column, marked with its id and place.

const A = { provider: "siliconflow" as const, id: "Qwen/Qwen3-8B" };
const B = { provider: "glm" as const, id: "glm-4.5-flash" };
const C = { provider: "siliconflow" as const, id: "deepseek-ai/DeepSeek-V3" };

afterEach(async () => {
  await getDB().conversations.clear();
});

describe("comparison storage", () => {
  it("stores one conversation per column, in order, each with its model", async () => {
    const { compareId, columns } = await createComparison([A, B], { systemPrompt: "Be brief." });
    expect(columns.map((c) => c.model)).toEqual([A, B]);
    const read = await comparisonColumns(compareId);
    expect(read).toEqual(columns);
    const rows = await getDB().conversations.bulkGet(columns.map((c) => c.conversationId));
    expect(rows.map((r) => r?.settings?.systemPrompt)).toEqual(["Be brief.", "Be brief."]);
    expect(await comparisonColumns("no-such-id")).toEqual([]);
  });

  it("adds, re-models and removes columns; Continue leaves the column an ordinary conversation", async () => {
    const { compareId, columns } = await createComparison([A, B]);
    const added = await addComparisonColumn(compareId, C, 2);
    await setColumnModel(columns[0]!.conversationId, C);
    expect((await comparisonColumns(compareId)).map((c) => c.model)).toEqual([C, B, C]);

    await removeComparisonColumn(added);
    await releaseComparisonColumn(columns[1]!.conversationId);
    expect((await comparisonColumns(compareId)).map((c) => c.conversationId)).toEqual([columns[0]!.conversationId]);
    const released = await getDB().conversations.get(columns[1]!.conversationId);
    expect(released?.compareId).toBeUndefined();
    expect(released?.compareColumn).toBeUndefined();
  });

  it("lists earlier comparisons newest first, with their models", async () => {
    const first = await createComparison([A, B]);
    const second = await createComparison([B, C]);
    const list = await listComparisons();
    expect(list.map((c) => c.compareId)).toEqual([second.compareId, first.compareId]);
    expect(list[0]?.models).toEqual([B, C]);
  });
});
