// The speech studio (/speech) and the speech specs' shared fixtures. Audio must really play in
// headless Chromium, so the specs run with the autoplay policy relaxed (a reload has no user gesture)
// on top of the project's base args.
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import type { Translate } from "../../../lib/i18n";
import config from "../../../playwright.config";

export const MODEL = "FunAudioLLM/CosyVoice2-0.5B";
export const FIXTURE_WAV = path.resolve(__dirname, "../../fixtures/voice-sample.wav");

const base = config.use?.launchOptions ?? {};
export function launchWith(...extra: string[]) {
  return { ...base, args: [...(base.args ?? []), "--autoplay-policy=no-user-gesture-required", ...extra] };
}

/** The studio, found by its labels (both locales) and the contract's test ids. */
export class SpeechPage {
  readonly text: Locator;
  readonly generateButton: Locator;
  /** Generated clips, newest first. */
  readonly results: Locator;

  constructor(
    readonly page: Page,
    readonly t: Translate,
  ) {
    this.text = page.getByLabel(t("speech.text.label"), { exact: true });
    this.generateButton = page.getByRole("button", { name: t("speech.generate"), exact: true });
    this.results = page.getByTestId("speech-result");
  }

  /** Opens /speech once React has hydrated (the submit button is enabled only then). */
  async goto() {
    await this.page.goto("/speech");
    await expect(this.generateButton).toBeEnabled();
  }

  /** The clip made from `text`. */
  result(text: string): Locator {
    return this.results.filter({ hasText: text });
  }

  /** Types the text, presses Generate and answers the clip once it is ready to play. */
  async generate(text: string): Promise<Locator> {
    await this.text.fill(text);
    await this.generateButton.click();
    const result = this.result(text);
    await expect(result).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
    return result;
  }
}

/** Waits for metadata, starts playback and returns the duration: > 0 and finite means it really plays. */
export async function playable(result: Locator): Promise<number> {
  return result.locator("audio").evaluate(
    (a: HTMLAudioElement) =>
      new Promise<number>((resolve, reject) => {
        const go = () =>
          a.play().then(
            () => resolve(Number.isFinite(a.duration) ? a.duration : -1),
            (err: unknown) => reject(err),
          );
        a.addEventListener("error", () => reject(new Error(`audio error ${a.error?.code}`)), { once: true });
        if (a.readyState >= 1 && Number.isFinite(a.duration)) void go();
        else a.addEventListener("durationchange", () => Number.isFinite(a.duration) && void go(), { once: false });
      }),
  );
}

/** A silent mono 16-bit WAV of `seconds` (8 kHz keeps a 31 s clip under 500 KB). */
export function silentWav(seconds: number, rate = 8000): Buffer {
  const data = rate * 2 * seconds;
  const h = Buffer.alloc(44);
  h.write("RIFF", 0, "ascii");
  h.writeUInt32LE(36 + data, 4);
  h.write("WAVEfmt ", 8, "ascii");
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write("data", 36, "ascii");
  h.writeUInt32LE(data, 40);
  return Buffer.concat([h, Buffer.alloc(data)]);
}

/**
 * The simulator's SIM_TRANSCRIPT. Copied, not imported: the simulator's modules read binary assets
 * through import.meta, which Playwright's CommonJS loader cannot run.
 */
export const SIM_TRANSCRIPT = "Hello from the simulator, this is a transcript.";
