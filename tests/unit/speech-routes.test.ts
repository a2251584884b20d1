import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as speechPOST } from "@/app/api/speech/route";
import { POST as transcribePOST } from "@/app/api/transcriptions/route";
import { DELETE as voicesDELETE, GET as voicesGET, POST as voicesPOST } from "@/app/api/voices/route";
import { SIM_TRANSCRIPT } from "@/lib/simulator";
import { wavFromPcm16 } from "@/lib/speech/wav";
import { withSimulatedProviders } from "./simulated-providers";

// The speech routes against the simulator over HTTP: what they accept, what they refuse (and how
// clearly), and that the provider gets exactly the documented request.

const { control } = withSimulatedProviders();

const MODEL = "FunAudioLLM/CosyVoice2-0.5B";
const fixture = (name: string) => readFile(path.join(__dirname, "../fixtures", name));
const json = (url: string, body: unknown, method = "POST") =>
  new Request(`http://app.test${url}`, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const form = (url: string, fields: Record<string, string | Blob>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return new Request(`http://app.test${url}`, { method: "POST", body: fd });
};
const speak = (over: Record<string, unknown> = {}) =>
  speechPOST(json("/api/speech", { model: MODEL, input: "Hello there", voice: `${MODEL}:alex`, ...over }));

describe("POST /api/speech", () => {
  it("streams audio with the format's content type and no proxy buffering", async () => {
    const res = await speak({ response_format: "wav", sample_rate: 16000, speed: 1.5, gain: -3 });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/wav");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe("RIFF");
    const [call] = (await control.log()).filter((e) => e.path.endsWith("/audio/speech"));
    expect(call?.body).toMatchObject({
      model: MODEL,
      input: "Hello there",
      voice: `${MODEL}:alex`,
      response_format: "wav",
      sample_rate: 16000,
      speed: 1.5,
      gain: -3,
    });
  });

  it("fills in the format's default sample rate", async () => {
    const res = await speak();
    expect(res.headers.get("content-type")).toBe("audio/mpeg");
    await res.arrayBuffer();
    const [call] = (await control.log()).filter((e) => e.path.endsWith("/audio/speech"));
    expect(call?.body).toMatchObject({ response_format: "mp3", sample_rate: 44100 });
  });

  it("speaks a MOSS-TTSD dialogue in the model's own two voices when no voice is chosen", async () => {
    const MOSS = "fnlp/MOSS-TTSD-v0.5";
    const input = "[S1]Did you see the sunrise?[S2]I did, over the river.";
    const res = await speak({ model: MOSS, input, voice: "" });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const [call] = (await control.log()).filter((e) => e.path.endsWith("/audio/speech"));
    // No voice at all (the model's own speakers), as the provider's MOSS-TTSD example sends.
    expect(call?.body).toMatchObject({ model: MOSS, input });
    expect(call?.body).not.toHaveProperty("voice");
    expect(call?.status).toBe(200);

    // Only dialogue models may go without a voice; they take presets but no uploaded voice.
    expect((await speak({ voice: "" })).status).toBe(400);
    expect((await speak({ model: MOSS, input, voice: "speech:mine:abc:def" })).status).toBe(400);
    expect((await speak({ model: MOSS, input, voice: `${MOSS}:anna` })).status).toBe(200);
  });

  it.each([
    [{ input: "   " }, "input"],
    [{ input: "x".repeat(4001) }, "input"],
    [{ voice: "https://evil.example/voice.mp3" }, "voice"],
    [{ voice: "Other/Model:alex" }, "voice"],
    [{ response_format: "opus", sample_rate: 44100 }, "sample_rate"],
    [{ speed: 5 }, "speed"],
    [{ gain: -11 }, "gain"],
    [{ references: [{ audio: "https://x.example/a.mp3", text: "hi" }] }, "references"],
  ])("refuses %j with a 400 naming the field", async (over, field) => {
    const res = await speak(over);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message.en).toContain(field);
    expect((await control.log()).some((e) => e.path.endsWith("/audio/speech"))).toBe(false);
  });

  it("answers 413 for an oversized body", async () => {
    const res = await speak({ input: "字".repeat(70_000) });
    expect(res.status).toBe(413);
  });

  it("passes a provider error through as the app's error", async () => {
    await control.fault({ fault: "rate-limit", path: "/audio/speech", times: 3 });
    const res = await speak();
    expect(res.status).toBe(429);
    expect((await res.json()).error.code).toBe("rate_limited");
  });
});

describe("/api/voices", () => {
  it("uploads a wav as multipart, lists it, and deletes it", async () => {
    const wav = new Blob([await fixture("voice-sample.wav")], { type: "audio/wav" });
    const up = await voicesPOST(form("/api/voices", { customName: "tester", text: "hello", model: MODEL, file: wav }));
    expect(up.status).toBe(200);
    const { voice } = await up.json();
    expect(voice.uri).toMatch(/^speech:tester:/);
    const [call] = (await control.log()).filter((e) => e.path.endsWith("/uploads/audio/voice"));
    expect(JSON.stringify(call?.body)).toContain("tester");

    const list = await (await voicesGET(new Request("http://app.test/api/voices"))).json();
    expect(list.voices).toEqual([{ uri: voice.uri, customName: "tester", text: "hello", model: MODEL }]);

    const del = await voicesDELETE(json("/api/voices", { uri: voice.uri }, "DELETE"));
    expect(del.status).toBe(200);
    const after = await (await voicesGET(new Request("http://app.test/api/voices"))).json();
    expect(after.voices).toEqual([]);
  });

  it("refuses a wav over 30 s before it reaches the provider", async () => {
    const long = new Blob([wavFromPcm16(new Uint8Array(8000 * 2 * 31), 8000)], { type: "audio/wav" });
    const res = await voicesPOST(form("/api/voices", { customName: "long", text: "hi", model: MODEL, file: long }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message.en).toContain("31.0 s");
    expect(body.error.message.zh).toContain("30 秒");
    expect((await control.log()).some((e) => e.path.includes("/uploads/"))).toBe(false);
  });

  it("refuses a file that is not audio, a bad name, and a missing file", async () => {
    const html = new Blob(["<html>hi</html>"], { type: "audio/wav" });
    const notAudio = await voicesPOST(form("/api/voices", { customName: "a", text: "hi", file: html }));
    expect(notAudio.status).toBe(400);
    expect((await notAudio.json()).error.message.en).toContain("WAV");
    const wav = new Blob([await fixture("voice-sample.wav")]);
    const badName = await voicesPOST(form("/api/voices", { customName: "我的 voice", text: "hi", file: wav }));
    expect((await badName.json()).error.message.en).toContain("customName");
    const noFile = await voicesPOST(form("/api/voices", { customName: "a", text: "hi" }));
    expect((await noFile.json()).error.message.en).toContain("audio file");
  });

  it("refuses uploads over 10 MB with 413 and non-multipart bodies with 415", async () => {
    const big = new Blob([new Uint8Array(11 * 1024 * 1024)]);
    expect((await voicesPOST(form("/api/voices", { customName: "a", text: "hi", file: big }))).status).toBe(413);
    expect((await voicesPOST(json("/api/voices", { customName: "a" }))).status).toBe(415);
  });

  it("refuses to delete something that is not a voice uri", async () => {
    const res = await voicesDELETE(json("/api/voices", { uri: "../../user/info" }, "DELETE"));
    expect(res.status).toBe(400);
  });
});

describe("POST /api/transcriptions", () => {
  it("returns the provider's text for an audio file", async () => {
    const mp3 = new Blob([await fixture("voice-sample.mp3")], { type: "audio/mpeg" });
    const res = await transcribePOST(form("/api/transcriptions", { file: mp3 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ text: SIM_TRANSCRIPT });
    const [call] = (await control.log()).filter((e) => e.path.endsWith("/audio/transcriptions"));
    expect(JSON.stringify(call?.body)).toContain("FunAudioLLM/SenseVoiceSmall");
  });

  it("refuses an unknown model and a non-audio file", async () => {
    const mp3 = new Blob([await fixture("voice-sample.mp3")]);
    expect((await transcribePOST(form("/api/transcriptions", { file: mp3, model: "x/y" }))).status).toBe(400);
    const txt = new Blob(["hello"]);
    expect((await transcribePOST(form("/api/transcriptions", { file: txt }))).status).toBe(400);
  });
});
