import { beforeEach, describe, expect, it } from "vitest";
import { bilingual, translator } from "@/lib/i18n";
import { initialExportState, useExport } from "@/lib/share/client/export-store";
import {
  ExportError,
  exportFailureText,
  imageScale,
  MAX_CANVAS_SIDE,
  MAX_IMAGE_HEIGHT,
  pickMessages,
  toggleId,
} from "@/lib/share/selection";

const thread = ["u1", "a1", "u2", "a2", "u3", "a3"].map((id) => ({ id, text: id.toUpperCase() }));

describe("pickMessages", () => {
  it("keeps only the selected messages, in thread order whatever the order they were picked in", () => {
    const picked = pickMessages(thread, new Set(["a3", "u1", "u2"]));
    expect(picked.map((m) => m.id)).toEqual(["u1", "u2", "a3"]);
  });

  it("ignores ids no longer in the thread (another branch, a deleted message)", () => {
    expect(pickMessages(thread, new Set(["gone", "a2"])).map((m) => m.id)).toEqual(["a2"]);
    expect(pickMessages(thread, new Set(["gone"]))).toEqual([]);
  });

  it("takes the whole thread without a selection, as a copy", () => {
    const all = pickMessages(thread);
    expect(all.map((m) => m.id)).toEqual(thread.map((m) => m.id));
    expect(all).not.toBe(thread);
  });
});

describe("toggleId", () => {
  it("adds and removes an id without touching the set it was given", () => {
    const start = new Set(["u1"]);
    const added = toggleId(start, "a1");
    expect([...added]).toEqual(["u1", "a1"]);
    expect([...toggleId(added, "u1")]).toEqual(["a1"]);
    expect([...start]).toEqual(["u1"]);
  });
});

describe("imageScale", () => {
  it("draws sharper on a dense screen, up to 2×", () => {
    expect(imageScale(2000, 1)).toBe(1);
    expect(imageScale(2000, 3)).toBe(2);
    expect(imageScale(2000, 0)).toBe(1);
  });

  it("scales a tall page down to fit the canvas, but no further than it can be read", () => {
    expect(imageScale(MAX_CANVAS_SIDE * 1.2, 2) * MAX_CANVAS_SIDE * 1.2).toBeCloseTo(MAX_CANVAS_SIDE);
    expect(imageScale(MAX_IMAGE_HEIGHT, 1)).toBeGreaterThanOrEqual(0.75);
    expect(() => imageScale(MAX_IMAGE_HEIGHT + 1, 1)).toThrow(ExportError);
    let caught: unknown;
    try {
      imageScale(90_000, 1);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ reason: "tooTall", info: { height: 90_000 } });
  });
});

describe("exportFailureText", () => {
  it("says which export failed, why, what to do, and that the conversation is unchanged, in both languages", () => {
    const en = exportFailureText(translator("en"), "image", new ExportError("tooTall", { height: 50_123.4 }));
    expect(en).toContain("as an image");
    expect(en).toContain("50123 px");
    expect(en).toContain(`${MAX_IMAGE_HEIGHT} px`);
    expect(en).toContain("Select fewer messages");
    expect(en).toContain("Nothing in the conversation was changed.");
    const zh = exportFailureText(translator("zh"), "image", new ExportError("tooTall", { height: 50_123 }));
    expect(zh).toContain("图片");
    expect(zh).toContain("50123");
    expect(zh).toContain("少选几条消息");
  });

  it("names a vanished conversation, an empty selection, and anything else the browser threw", () => {
    const t = translator("en");
    expect(exportFailureText(t, "html", new ExportError("gone"))).toMatch(/as HTML: it no longer exists/);
    expect(exportFailureText(t, "image", new ExportError("empty"))).toContain("Select messages again");
    const other = exportFailureText(t, "markdown", new DOMException("x", "EncodingError"));
    expect(other).toMatch(/as Markdown: the browser could not make the file\. Try again/);
  });
});

describe("useExport", () => {
  beforeEach(() => useExport.setState(initialExportState));

  it("turns a failed export into an alert in both languages and keeps the selection to adjust", async () => {
    const store = useExport.getState();
    store.startSelecting("c1");
    store.toggle("u1");
    store.toggle("a3");
    const done = await store.run("image", async () => {
      throw new ExportError("tooTall", { height: 60_000 });
    });
    const after = useExport.getState();
    expect(done).toBe(false);
    expect(after.busy).toBe(false);
    expect(after.failure?.format).toBe("image");
    const message = after.failure?.message;
    if (!message) throw new Error("no failure");
    expect(bilingual(message).en).toContain("60000 px");
    expect(bilingual(message).zh).toContain("60000 像素");
    expect(after.failure?.detail).toContain("ExportError");
    expect(after.selecting).toBe("c1");
    expect([...after.selected]).toEqual(["u1", "a3"]);

    // The next export clears the alert; a success reports itself done.
    expect(await after.run("html", async () => {})).toBe(true);
    expect(useExport.getState().failure).toBeNull();
    useExport.getState().stopSelecting();
    expect(useExport.getState().selected.size).toBe(0);
  });
});
