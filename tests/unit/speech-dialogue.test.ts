import { describe, expect, it } from "vitest";
import { DIALOGUE_VOICE, isDialogueModel, voiceForModel } from "@/lib/speech/constants";

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
