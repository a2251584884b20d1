import type { Locator, Page } from "@playwright/test";
import type { Translate } from "../../../lib/i18n";

/**
 * The prompt library: /prompts with its "New prompt" editor, and the two places it shows in chat —
 * the picker "/" opens in the message box and the dialog that asks for a prompt's variables.
 */
export class PromptsPage {
  readonly newPrompt: Locator;
  readonly form: Locator;
  /** The list "/" opens under the message box. */
  readonly picker: Locator;

  constructor(
    readonly page: Page,
    readonly t: Translate,
  ) {
    this.newPrompt = page.getByRole("button", { name: t("prompts.new"), exact: true });
    this.form = page.getByRole("dialog", { name: t("prompts.new") });
    this.picker = page.getByRole("listbox", { name: t("prompts.picker") });
  }

  async goto() {
    await this.page.goto("/prompts");
  }

  /** Saves a new prompt through the editor (the caller checks it is listed). */
  async create(title: string, body: string) {
    await this.newPrompt.click();
    await this.form.getByLabel(this.t("prompts.name")).fill(title);
    await this.form.getByLabel(this.t("prompts.body")).fill(body);
    await this.form.getByRole("button", { name: this.t("prompts.save") }).click();
  }

  /** A saved prompt in the library, named by its title. */
  item(title: string): Locator {
    return this.page.getByRole("listitem", { name: title });
  }

  /** The dialog that asks for the variables of the prompt titled `title`. */
  fillDialog(title: string): Locator {
    return this.page.getByRole("dialog", { name: this.t("prompts.fill.title", { title }) });
  }

  /** Fills one variable in that dialog and presses Insert. */
  async fillAndInsert(title: string, variable: string, value: string) {
    const dialog = this.fillDialog(title);
    await dialog.getByLabel(variable, { exact: true }).fill(value);
    await dialog.getByRole("button", { name: this.t("prompts.fill.insert") }).click();
  }
}
