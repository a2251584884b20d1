import { expect, type Locator, type Page } from "@playwright/test";
import type { Translate } from "../../../lib/i18n";

type Key = Parameters<Translate>[0];

/** The image studio (/images), found by its labels (both locales) and the contract's test ids. */
export class ImagesPage {
  readonly model: Locator;
  readonly prompt: Locator;
  readonly generateButton: Locator;
  /** Jobs in the results column, newest first. */
  readonly jobs: Locator;
  readonly results: Locator;
  readonly gallery: Locator;
  readonly galleryItems: Locator;
  /** The edit models' reference images (up to three) and their file input. */
  readonly referenceInput: Locator;
  readonly references: Locator;

  constructor(
    readonly page: Page,
    readonly t: Translate,
  ) {
    this.model = this.field("images.field.model");
    this.prompt = this.field("images.field.prompt");
    this.generateButton = page.getByRole("button", { name: t("images.generate"), exact: true });
    this.jobs = page.getByTestId("image-job");
    this.results = page.getByTestId("image-result");
    this.gallery = page.getByTestId("gallery");
    this.galleryItems = page.getByTestId("gallery-item");
    this.referenceInput = page.getByTestId("reference-input");
    this.references = page.getByTestId("reference-image");
  }

  /** A form field by its label's key, e.g. "images.field.seed". */
  field(key: Key): Locator {
    return this.page.getByLabel(this.t(key), { exact: true });
  }

  /** Opens the studio (on another server when `base` is given) once the model list is in. */
  async goto(base = "") {
    await this.page.goto(`${base}/images`);
    await this.ready();
  }

  /** The picker is enabled once /api/models has answered. */
  async ready() {
    await expect(this.model).toBeEnabled();
  }

  /** Types the prompt and presses Generate (what follows is the spec's to check). */
  async generate(prompt: string) {
    await this.prompt.fill(prompt);
    await this.generateButton.click();
  }

  /** The model the picker shows. */
  selectedModel(): Locator {
    return this.model.locator("option:checked");
  }
}
