import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_FORM, nextForm } from "@/lib/speech/client/prefs";
import { normalizeVoiceList } from "@/lib/speech/server/voice-list";
import { sniffAudio, wavDurationSeconds, wavFromFloat32, wavFromPcm16 } from "@/lib/speech/wav";

const fixture = (name: string) => readFile(path.join(__dirname, "../fixtures", name));

describe("wav", () => {
  it("wraps raw pcm with a header whose duration matches the samples", () => {
    const wav = wavFromPcm16(new Uint8Array(16000 * 2 * 3), 16000);
    expect(wav.byteLength).toBe(44 + 96000);
    expect(wavDurationSeconds(wav)).toBeCloseTo(3, 5);
    expect(sniffAudio(wav)).toBe("wav");
  });

  it("encodes float samples, clamping out-of-range values", () => {
    const wav = wavFromFloat32(new Float32Array([0, 1, -1, 2, -2]), 8000);
    const view = new DataView(wav.buffer, 44);
    expect([0, 1, 2, 3, 4].map((i) => view.getInt16(i * 2, true))).toEqual([0, 32767, -32768, 32767, -32768]);
  });

  it("measures the fixture (2 s) and recognises containers by their bytes", async () => {
    const wav = new Uint8Array(await fixture("voice-sample.wav"));
    expect(wavDurationSeconds(wav)).toBeCloseTo(2, 1);
    expect(sniffAudio(new Uint8Array(await fixture("voice-sample.mp3")))).toBe("mp3");
    expect(sniffAudio(new TextEncoder().encode("OggS\0\0\0\0"))).toBe("ogg");
    expect(sniffAudio(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0]))).toBe("webm");
    expect(sniffAudio(new TextEncoder().encode("<html>not audio"))).toBeNull();
    expect(wavDurationSeconds(new TextEncoder().encode("RIFF....WAVE"))).toBeNull();
  });

  it("trusts the bytes present over a bogus streamed data size", () => {
    const wav = wavFromPcm16(new Uint8Array(8000 * 2), 8000);
    new DataView(wav.buffer).setUint32(40, 0xffffffff, true);
    expect(wavDurationSeconds(wav)).toBeCloseTo(1, 5);
  });
});

describe("speech form prefs", () => {
  it("keeps the sample rate valid for the format and the preset on the model", () => {
    expect(nextForm(DEFAULT_FORM, { format: "opus" }).sampleRate).toBe(48000);
    expect(nextForm(DEFAULT_FORM, { format: "wav", sampleRate: 8000 }).sampleRate).toBe(8000);
    expect(nextForm({ ...DEFAULT_FORM, format: "wav", sampleRate: 8000 }, { format: "mp3" }).sampleRate).toBe(44100);
    expect(nextForm(DEFAULT_FORM, { model: "Other/TTS" }).voice).toBe("Other/TTS:alex");
    const custom = "speech:mine:abc:def";
    expect(nextForm({ ...DEFAULT_FORM, voice: custom }, { model: "Other/TTS" }).voice).toBe(custom);
  });
});

describe("voice list", () => {
  it("accepts results or result and drops rows without a uri", () => {
    const row = { uri: "speech:a:b:c", customName: "a", text: "hi", model: "m/x" };
    expect(normalizeVoiceList({ results: [row, { nope: 1 }] })).toEqual([row]);
    expect(normalizeVoiceList({ result: [row] })).toEqual([row]);
    expect(normalizeVoiceList({})).toEqual([]);
    expect(normalizeVoiceList(null)).toEqual([]);
    expect(normalizeVoiceList({ results: [{ uri: "speech:named:b:c" }] })[0]?.customName).toBe("named");
  });
});
