import { describe, expect, it } from "vitest";
import { SILICONFLOW_MEDIA } from "@/lib/providers/media-siliconflow";
import { DIALOGUE_VOICE, isDialogueModel, voiceForModel } from "@/lib/speech/bounds";
import {
  CLIP_MAX_BYTES,
  CLIP_MAX_SECONDS,
  readSpeakerNotes,
  SPEAKERS,
  speakerNotes,
} from "@/lib/speech/dialogue-clips";

const MOSS = "fnlp/MOSS-TTSD-v0.5";
const COSY = "FunAudioLLM/CosyVoice2-0.5B";

describe("voices when the speech model changes", () => {
  it("a dialogue model starts with its own two voices, whatever the other model used", () => {
    expect(isDialogueModel(MOSS)).toBe(true);
    expect(isDialogueModel(COSY)).toBe(false);
    expect(voiceForModel(`${COSY}:anna`, MOSS)).toBe(DIALOGUE_VOICE);
    expect(voiceForModel("speech:mine:abc:def", MOSS)).toBe(DIALOGUE_VOICE);
    // A preset of the dialogue model itself is kept.
    expect(voiceForModel(`${MOSS}:anna`, MOSS)).toBe(`${MOSS}:anna`);
  });

  it("leaving a dialogue model picks a preset of the new one; presets keep their name", () => {
    expect(voiceForModel(DIALOGUE_VOICE, COSY)).toBe(`${COSY}:alex`);
    expect(voiceForModel(`${MOSS}:bella`, COSY)).toBe(`${COSY}:bella`);
    expect(voiceForModel("speech:mine:abc:def", COSY)).toBe("speech:mine:abc:def");
  });
});

describe("reference clips per speaker", () => {
  it("the clip limits are the ones in the provider's model table", () => {
    const row = SILICONFLOW_MEDIA[MOSS];
    expect(row?.kind === "speech" && row.dialogue).toEqual({
      speakers: SPEAKERS.length,
      clipMaxSeconds: CLIP_MAX_SECONDS,
      clipMaxBytes: CLIP_MAX_BYTES,
    });
  });

  it("a stored result remembers which clip spoke for whom, and ignores what it cannot read", () => {
    const notes = speakerNotes([{ name: "a.wav" }, { name: "b.mp3" }]);
    expect(notes).toEqual([
      { speaker: "S1", clip: "a.wav" },
      { speaker: "S2", clip: "b.mp3" },
    ]);
    expect(readSpeakerNotes(notes)).toEqual(notes);
    expect(speakerNotes(undefined)).toBeUndefined();
    expect(readSpeakerNotes("S1: a.wav")).toBeNull();
    expect(readSpeakerNotes([{ speaker: "S1" }])).toBeNull();
  });
});
