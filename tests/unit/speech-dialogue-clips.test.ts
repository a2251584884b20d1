import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as speechPOST } from "@/app/api/speech/route";
import { wavFromPcm16 } from "@/lib/speech/wav";
import { withSimulatedProviders } from "./simulated-providers";

// A voice per speaker for MOSS-TTSD: the route against the simulator over HTTP. Two reference clips
// (base64 data URIs from the browser) go to the provider as `references` in speaker order with no
// `voice`; bad clips are refused, naming the speaker, before any provider call.

const providers = withSimulatedProviders();
const { control } = providers;

const MOSS = "fnlp/MOSS-TTSD-v0.5";
const INPUT = "[S1]Did you see the sunrise?[S2]I did, over the river.";
const dataUri = (bytes: Uint8Array, type = "audio/wav") =>
  `data:${type};base64,${Buffer.from(bytes).toString("base64")}`;
const wav = (seconds: number, rate = 8000) => wavFromPcm16(new Uint8Array(Math.round(rate * 2 * seconds)), rate);
const speak = (references: unknown, over: Record<string, unknown> = {}) =>
  speechPOST(
    new Request("http://app.test/api/speech", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: MOSS, input: INPUT, voice: "", references, ...over }),
    }),
  );
const speechCalls = async () => (await control.log()).filter((e) => e.path.endsWith("/audio/speech"));

describe("POST /api/speech with a reference clip per speaker", () => {
  it("sends both clips and transcripts as references in S1, S2 order, without a voice", async () => {
    const s1 = wav(2);
    const s2 = new Uint8Array(await readFile(path.join(__dirname, "../fixtures/voice-sample.mp3")));
    const res = await speak([
      { audio: dataUri(s1), text: "  Hello, I am the first speaker. ", name: "first.wav" },
      // The client's label is not trusted: the bytes say MP3.
      { audio: dataUri(s2, "audio/x-whatever"), text: "And I am the second.", name: "second.mp3" },
    ]);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const [call] = await speechCalls();
    expect(call?.status).toBe(200);
    expect(call?.body).toEqual({
      model: MOSS,
      input: INPUT,
      response_format: "mp3",
      sample_rate: 44100,
      speed: 1,
      gain: 0,
      stream: true,
      references: [
        { audio: dataUri(s1, "audio/wav"), text: "Hello, I am the first speaker." },
        { audio: dataUri(s2, "audio/mpeg"), text: "And I am the second." },
      ],
    });
  });

  const good = () => ({ audio: dataUri(wav(1)), text: "hello", name: "a.wav" });
  it.each([
    ["a missing transcript", [good(), { ...good(), text: "   " }], "S2", "transcript"],
    [
      "a file that is not audio",
      [{ ...good(), audio: dataUri(new TextEncoder().encode("<html>hi</html>")) }, good()],
      "S1",
      "WAV, MP3",
    ],
    ["a clip over 30 s", [good(), { ...good(), audio: dataUri(wav(31)) }], "S2", "31.0 s"],
    ["a clip over 3 MB", [{ ...good(), audio: dataUri(new Uint8Array(3 * 1024 * 1024 + 10)) }, good()], "S1", "MB"],
    ["a URL instead of a file", [good(), { ...good(), audio: "https://evil.example/a.mp3" }], "S2", "audio file"],
    ["one clip only", [good()], "both speakers", "Give both"],
  ])("refuses %s before any provider call", async (_what, refs, speaker, says) => {
    const res = await speak(refs);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("bad_request");
    expect(error.message.en).toContain(speaker);
    expect(error.message.en).toContain(says);
    expect(error.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await speechCalls()).toHaveLength(0);
  });

  it("refuses clips next to a voice, and clips for a model that is not a dialogue model", async () => {
    expect((await speak([good(), good()], { voice: `${MOSS}:anna` })).status).toBe(400);
    const cosy = await speak([good(), good()], { model: "FunAudioLLM/CosyVoice2-0.5B", input: "Hello" });
    expect(cosy.status).toBe(400);
    expect((await cosy.json()).error.message.en).toContain("references");
    expect(await speechCalls()).toHaveLength(0);
  });

  it("keeps the small body cap for requests without clips", async () => {
    const res = await speak(undefined, { input: `[S1]${"x".repeat(70_000)}` });
    expect(res.status).toBe(413);
  });

  it("the simulator takes two references with no voice or an empty one, and refuses them beside a preset", async () => {
    const direct = (body: Record<string, unknown>) =>
      fetch(`${providers.sim.url}/siliconflow/v1/audio/speech`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer test-key" },
        body: JSON.stringify({ model: MOSS, input: INPUT, ...body }),
      });
    const refs = [good(), good()];
    for (const res of [await direct({ references: refs }), await direct({ voice: "", references: refs })]) {
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    const both = await direct({ voice: `${MOSS}:anna`, references: refs });
    expect(both.status).toBe(400);
    expect((await both.json()).message).toContain("mutually exclusive");
    const three = await direct({ references: [...refs, good()] });
    expect(three.status).toBe(400);
    expect((await three.json()).message).toContain("two voices");
  });

  it("the simulator refuses malformed references with SiliconFlow's error body", async () => {
    const res = await fetch(`${providers.sim.url}/siliconflow/v1/audio/speech`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer test-key" },
      body: JSON.stringify({ model: MOSS, input: INPUT, references: [{ audio: dataUri(wav(1)), text: "" }, good()] }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ code: expect.any(Number), message: expect.stringContaining("text") });
    const long = await fetch(`${providers.sim.url}/siliconflow/v1/audio/speech`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer test-key" },
      body: JSON.stringify({
        model: MOSS,
        input: INPUT,
        references: [good(), { audio: dataUri(wav(31)), text: "hi" }],
      }),
    });
    expect(long.status).toBe(400);
    expect((await long.json()).message).toContain("31.0 s");
  });
});
