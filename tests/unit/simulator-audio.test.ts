import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningSimulator, SIM_TRANSCRIPT, simControl, startSimulator } from "@/lib/simulator";

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => simControl(sim.url).reset());

const SF = "/siliconflow/v1";
const MODEL = "FunAudioLLM/CosyVoice2-0.5B";
const fixture = (name: string) => readFile(path.join(__dirname, "../fixtures", name));

function call(route: string, body: unknown, init: RequestInit = {}) {
  const isForm = body instanceof FormData;
  return fetch(`${sim.url}${SF}${route}`, {
    method: "POST",
    headers: isForm ? { authorization: "Bearer k" } : { authorization: "Bearer k", "content-type": "application/json" },
    body: isForm ? body : JSON.stringify(body),
    ...init,
  });
}

async function speak(body: Record<string, unknown>) {
  const res = await call("/audio/speech", { model: MODEL, voice: `${MODEL}:alex`, input: "Hello there", ...body });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Walks MPEG-1 layer III frame headers; returns how many valid frames cover the buffer exactly. */
function countMp3Frames(data: Buffer): number {
  const rates = [44100, 48000, 32000];
  const bitrates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
  let at = 0;
  let frames = 0;
  while (at < data.length) {
    const header = data.readUInt32BE(at);
    expect(header >>> 21).toBe(0x7ff);
    const bitrate = (bitrates[(header >>> 12) & 15] ?? 0) * 1000;
    const rate = rates[(header >>> 10) & 3] ?? 0;
    at += Math.floor((144 * bitrate) / rate) + ((header >>> 9) & 1);
    frames++;
  }
  expect(at).toBe(data.length);
  return frames;
}

describe("speech", () => {
  it("returns a WAV at the requested sample rate whose length grows with the input", async () => {
    const short = await speak({ response_format: "wav", sample_rate: 16000 });
    expect(short.res.headers.get("content-type")).toBe("audio/wav");
    expect(short.bytes.toString("ascii", 0, 4)).toBe("RIFF");
    expect(short.bytes.toString("ascii", 8, 12)).toBe("WAVE");
    expect(short.bytes.readUInt32LE(24)).toBe(16000);
    expect(short.bytes.readUInt16LE(34)).toBe(16);
    expect(short.bytes.readUInt32LE(40)).toBe(short.bytes.length - 44);
    const long = await speak({ response_format: "wav", sample_rate: 16000, input: "Hello there ".repeat(10) });
    expect(long.bytes.length).toBeGreaterThan(short.bytes.length * 3);
    const slow = await speak({ response_format: "wav", sample_rate: 16000, speed: 0.5 });
    expect(slow.bytes.length).toBeGreaterThan(short.bytes.length);
  });

  it("returns raw 16-bit PCM", async () => {
    const { res, bytes } = await speak({ response_format: "pcm", sample_rate: 8000 });
    expect(res.headers.get("content-type")).toBe("audio/pcm");
    expect(bytes.length % 2).toBe(0);
    expect(bytes.toString("ascii", 0, 4)).not.toBe("RIFF");
  });

  it("returns MP3 frames (the default) that grow with the input", async () => {
    const short = await speak({});
    expect(short.res.headers.get("content-type")).toBe("audio/mpeg");
    const long = await speak({ input: "A much longer sentence to read aloud, with more words in it. ".repeat(4) });
    expect(countMp3Frames(long.bytes)).toBeGreaterThan(countMp3Frames(short.bytes) * 3);
    const at32k = await speak({ sample_rate: 32000 });
    expect(((at32k.bytes.readUInt32BE(0) >>> 10) & 3) === 2).toBe(true);
  });

  it("returns Ogg/Opus", async () => {
    const { res, bytes } = await speak({ response_format: "opus" });
    expect(res.headers.get("content-type")).toMatch(/^audio\/ogg/);
    expect(bytes.toString("ascii", 0, 4)).toBe("OggS");
    expect(bytes.toString("ascii", 28, 36)).toBe("OpusHead");
  });

  it("accepts a dynamic voice with references", async () => {
    const { res } = await speak({ voice: "", references: [{ audio: "https://example.com/ref.mp3", text: "hi" }] });
    expect(res.status).toBe(200);
  });

  it("rejects unknown voices, empty or over-long input and bad parameters", async () => {
    const status = async (body: Record<string, unknown>) => (await speak(body)).res.status;
    expect(await status({ voice: `${MODEL}:zelda` })).toBe(400);
    expect(await status({ voice: "alex" })).toBe(400);
    expect(await status({ voice: "speech:nobody:x:y" })).toBe(400);
    expect(await status({ voice: "" })).toBe(400);
    expect(await status({ input: "" })).toBe(400);
    expect(await status({ input: "x".repeat(4001) })).toBe(400);
    expect(await status({ input: "x".repeat(4000) })).toBe(200);
    expect(await status({ response_format: "flac" })).toBe(400);
    expect(await status({ response_format: "opus", sample_rate: 44100 })).toBe(400);
    expect(await status({ speed: 5 })).toBe(400);
    expect(await status({ gain: -11 })).toBe(400);
    expect(await status({ model: "nope" })).toBe(400);
  });
});

describe("custom voices", () => {
  it("uploads (multipart), lists, speaks with and deletes a voice", async () => {
    const form = new FormData();
    form.set("model", MODEL);
    form.set("customName", "my-voice");
    form.set("text", "在一无所知中，梦里的一天结束了");
    form.set("file", new Blob([await fixture("voice-sample.wav")], { type: "audio/wav" }), "voice-sample.wav");
    const uploaded = await call("/uploads/audio/voice", form);
    expect(uploaded.status).toBe(200);
    const { uri } = (await uploaded.json()) as { uri: string };
    expect(uri).toMatch(/^speech:my-voice:[a-z0-9]+:[a-z]+$/);

    const listed = await fetch(`${sim.url}${SF}/audio/voice/list`, { headers: { authorization: "Bearer k" } });
    expect(await listed.json()).toEqual({
      results: [{ model: MODEL, customName: "my-voice", text: "在一无所知中，梦里的一天结束了", uri }],
    });

    expect((await speak({ voice: uri })).res.status).toBe(200);

    const deleted = await call("/audio/voice/deletions", { uri });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({});
    expect((await call("/audio/voice/deletions", { uri })).status).toBe(400);
    expect((await speak({ voice: uri })).res.status).toBe(400);
  });

  it("uploads a base64 data URI", async () => {
    const audio = `data:audio/mpeg;base64,${(await fixture("voice-sample.mp3")).toString("base64")}`;
    const res = await call("/uploads/audio/voice", { model: MODEL, customName: "b64", text: "hello", audio });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { uri: string }).uri).toMatch(/^speech:b64:/);
  });

  it("rejects reference audio of 30 s or more and missing fields", async () => {
    const rate = 8000;
    const pcmBytes = rate * 2 * 31;
    const header = Buffer.alloc(44);
    header.write("RIFF", 0, "ascii");
    header.writeUInt32LE(36 + pcmBytes, 4);
    header.write("WAVEfmt ", 8, "ascii");
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(rate, 24);
    header.writeUInt32LE(rate * 2, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write("data", 36, "ascii");
    header.writeUInt32LE(pcmBytes, 40);
    const long = `data:audio/wav;base64,${Buffer.concat([header, Buffer.alloc(pcmBytes)]).toString("base64")}`;
    const tooLong = await call("/uploads/audio/voice", { model: MODEL, customName: "long", text: "hi", audio: long });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { message: string }).message).toMatch(/31\.0 s.*30 s/);

    const audio = `data:audio/wav;base64,${(await fixture("voice-sample.wav")).toString("base64")}`;
    expect((await call("/uploads/audio/voice", { model: MODEL, text: "hi", audio })).status).toBe(400);
    expect((await call("/uploads/audio/voice", { model: MODEL, customName: "x", audio })).status).toBe(400);
    expect((await call("/uploads/audio/voice", { model: MODEL, customName: "x", text: "hi" })).status).toBe(400);
    expect(
      (await call("/uploads/audio/voice", { model: MODEL, customName: "no spaces", text: "hi", audio })).status,
    ).toBe(400);
  });
});

describe("transcriptions", () => {
  it("returns the fixed transcript for an uploaded file", async () => {
    const form = new FormData();
    form.set("model", "FunAudioLLM/SenseVoiceSmall");
    form.set("file", new Blob([await fixture("voice-sample.mp3")], { type: "audio/mpeg" }), "voice.mp3");
    const res = await call("/audio/transcriptions", form);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ text: SIM_TRANSCRIPT });
  });

  it("rejects a wrong model or a missing file", async () => {
    const noFile = new FormData();
    noFile.set("model", "TeleAI/TeleSpeechASR");
    expect((await call("/audio/transcriptions", noFile)).status).toBe(400);
    const wrongModel = new FormData();
    wrongModel.set("model", MODEL);
    wrongModel.set("file", new Blob([Buffer.from("abc")]), "a.wav");
    const res = await call("/audio/transcriptions", wrongModel);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 20012 });
  });
});
