// The video studio (/video) and the video specs' shared fixtures. The poll interval is shortened
// through the studio's test hook (localStorage "video.pollMs"), so a job on the simulator's short
// timeline ends in seconds.
import { expect, type Locator, type Page } from "@playwright/test";
import type { Translate } from "../../../lib/i18n";
import { renderPattern } from "../../../lib/simulator/png";

export const POLL_MS = 250;
export const T2V = "Wan-AI/Wan2.2-T2V-A14B";
export const I2V = "Wan-AI/Wan2.2-I2V-A14B";

/** The studio, found by its labels (both locales) and the contract's test ids; one per tab. */
export class VideoPage {
  readonly model: Locator;
  readonly prompt: Locator;
  readonly generateButton: Locator;
  /** Jobs in the results column, newest first. */
  readonly jobs: Locator;
  readonly imageInput: Locator;
  readonly lastFrameInput: Locator;
  readonly startImage: Locator;
  readonly lastImage: Locator;

  constructor(
    readonly page: Page,
    readonly t: Translate,
  ) {
    this.model = page.getByLabel(t("video.model"), { exact: true });
    this.prompt = page.getByLabel(t("video.prompt"), { exact: true });
    this.generateButton = page.getByRole("button", { name: t("video.generate"), exact: true });
    this.jobs = page.getByTestId("video-job");
    this.imageInput = page.getByTestId("video-image-input");
    this.lastFrameInput = page.getByTestId("video-last-frame-input");
    this.startImage = page.getByTestId("video-start-image");
    this.lastImage = page.getByTestId("video-last-image");
  }

  /** Opens /video with the short poll interval and waits until the model list is in (slow on a busy machine). */
  async goto(path = "/video") {
    await this.page.addInitScript((ms) => localStorage.setItem("video.pollMs", String(ms)), POLL_MS);
    await this.page.goto(path);
    await expect(this.model).toHaveValue(/Wan-AI\//, { timeout: 20_000 });
  }

  /** Types the prompt, presses Generate and answers the one new job. */
  async generate(prompt: string): Promise<Locator> {
    await this.prompt.fill(prompt);
    await this.generateButton.click();
    const job = this.jobs.filter({ hasText: prompt });
    await expect(job).toHaveCount(1);
    return job;
  }
}

/** The clip's duration once its metadata has loaded: > 0 means the stored bytes really play. */
export async function playableDuration(job: Locator): Promise<number> {
  return job.locator("video").evaluate(
    (v: HTMLVideoElement) =>
      new Promise<number>((resolve, reject) => {
        if (v.readyState >= 1) return resolve(v.duration);
        v.addEventListener("loadedmetadata", () => resolve(v.duration), { once: true });
        v.addEventListener("error", () => reject(new Error(`video error ${v.error?.code}`)), { once: true });
        v.load();
      }),
  );
}

export function pngFile(width: number, height: number, name = "start.png") {
  return { name, mimeType: "image/png", buffer: renderPattern(width, height, 7) };
}

/** Width and height from a JPEG data URI's SOF marker (to check the browser-side downscale). */
export function jpegSize(dataUri: string): { width: number; height: number } {
  const bytes = Buffer.from(dataUri.slice(dataUri.indexOf(",") + 1), "base64");
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) {
      i++;
      continue;
    }
    const marker = bytes[i + 1] ?? 0;
    if (marker >= 0xc0 && marker <= 0xc3) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  throw new Error("no JPEG frame header");
}
