import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundaryOf, buildMultipart, headOf, MultipartParser } from "@/lib/http/multipart";

// The streaming multipart parser the upload routes use (issue 17 finding 9) must read exactly what
// the platform's own parser reads, however the body is cut into chunks on the way.

async function encode(fields: [string, string][], file: Uint8Array): Promise<{ bytes: Uint8Array; type: string }> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  form.set("file", new Blob([file as Uint8Array<ArrayBuffer>], { type: "audio/wav" }), "take 1.wav");
  const request = new Request("http://x/", { method: "POST", body: form });
  return { bytes: new Uint8Array(await request.arrayBuffer()), type: request.headers.get("content-type") ?? "" };
}

function cut(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length] ?? 1);
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
}

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(chunks));
}

const LIMITS = { fileField: "file", maxFields: 16, maxFieldBytes: 16 * 1024 };

describe("MultipartParser", () => {
  it("reads the fields and the file exactly, whatever the chunking", async () => {
    const fieldName = fc.constantFrom("model", "customName", "text", "名字");
    // File bytes that look like delimiters now and then: CRLF, dashes and boundary-like runs.
    const fileBytes = fc
      .array(
        fc.oneof(
          fc.uint8Array({ maxLength: 64 }),
          fc.constant(new TextEncoder().encode("\r\n--formdata-undici-0")),
          fc.constant(new Uint8Array([13, 10, 45, 45])),
        ),
        {
          maxLength: 40,
        },
      )
      .map((parts) => joined(parts));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fieldName, fc.string({ maxLength: 200 })), { maxLength: 4 }),
        fileBytes,
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }),
        async (fields, file, sizes) => {
          const unique = [...new Map(fields).entries()];
          const { bytes, type } = await encode(unique, file);
          const parser = new MultipartParser(boundaryOf(type) ?? "", LIMITS);
          for (const chunk of cut(bytes, sizes)) parser.push(chunk);
          const form = parser.finish();
          const expected = await new Response(bytes as Uint8Array<ArrayBuffer>, {
            headers: { "content-type": type },
          }).formData();
          for (const [name] of unique) expect(form.fields.get(name)).toBe(expected.get(name));
          expect(form.file?.filename).toBe("take 1.wav");
          expect(form.file?.type).toBe("audio/wav");
          expect(Buffer.from(joined(form.file?.chunks ?? []))).toEqual(Buffer.from(file));
          expect(form.file?.size).toBe(file.byteLength);
        },
      ),
      { numRuns: 150, seed: 20261709 },
    );
  });

  it("keeps the file as views into the chunks it arrived in, not a copy", async () => {
    const file = new Uint8Array(200_000).fill(7);
    const { bytes, type } = await encode([["model", "m"]], file);
    const chunks = cut(bytes, [65_536]);
    const parser = new MultipartParser(boundaryOf(type) ?? "", LIMITS);
    for (const chunk of chunks) parser.push(chunk);
    const parts = parser.finish().file?.chunks ?? [];
    const large = parts.filter((p) => p.byteLength > 1024);
    expect(large.length).toBeGreaterThan(0);
    for (const part of large) expect(chunks.some((c) => c.buffer === part.buffer)).toBe(true);
  });

  it("refuses malformed and oversized forms", async () => {
    const { bytes, type } = await encode([["model", "m"]], new Uint8Array(10));
    const boundary = boundaryOf(type) ?? "";
    const truncated = new MultipartParser(boundary, LIMITS);
    truncated.push(bytes.subarray(0, bytes.length - 10));
    expect(() => truncated.finish()).toThrow(/could not be read/);
    const long = await encode([["model", "much too long"]], new Uint8Array(1));
    const bigField = new MultipartParser(boundaryOf(long.type) ?? "", { ...LIMITS, maxFieldBytes: 4 });
    expect(() => bigField.push(long.bytes)).toThrow(/could not be read/);
    const otherFile = new MultipartParser(boundary, { ...LIMITS, fileField: "voice" });
    expect(() => otherFile.push(bytes)).toThrow();
  });

  it("writes a body the platform's parser reads back, reusing the file's chunks", async () => {
    const file = {
      field: "file",
      filename: 'we"ird\r\n.wav',
      type: "audio/wav",
      chunks: [new Uint8Array([1, 2]), new Uint8Array([3])],
      size: 3,
    };
    const body = buildMultipart([["model", "FunAudioLLM/SenseVoiceSmall"]], file);
    expect(body.chunks).toContain(file.chunks[0]);
    const bytes = joined(body.chunks);
    expect(bytes.byteLength).toBe(body.size);
    const form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": body.contentType },
    }).formData();
    expect(form.get("model")).toBe("FunAudioLLM/SenseVoiceSmall");
    const sent = form.get("file") as File;
    expect(sent.name).toBe("weird.wav");
    expect([...new Uint8Array(await sent.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(headOf(body.chunks, 2)).toEqual(new Uint8Array(bytes.subarray(0, 2)));
  });
});
