import { describe, expect, it } from "vitest";
import { cleanName, NAME_MAX } from "@/lib/organize/bounds";
import { folderSchema } from "@/lib/organize/contract";

// The sidebar names folders with the zod-free rule (bounds.ts); the backup import checks them with
// folderSchema. Both must accept and clean the same names.

describe("a folder's name without zod", () => {
  const names = [
    "Work",
    "  Work  ",
    "",
    "   ",
    "工作",
    "a".repeat(NAME_MAX),
    "a".repeat(NAME_MAX + 1),
    ` ${"b".repeat(NAME_MAX)} `,
    "\tTabs\n",
  ];

  it("accepts and trims exactly as folderSchema's name does", () => {
    for (const name of names) {
      const parsed = folderSchema.shape.name.safeParse(name);
      expect(cleanName(name), JSON.stringify(name)).toBe(parsed.success ? parsed.data : null);
    }
    expect(names.filter((n) => cleanName(n) === null).length).toBeGreaterThan(2);
  });
});
