import type { Locator, Page } from "@playwright/test";
import type { Translate } from "../../../lib/i18n";

/** /assistants: the list of saved presets and the "New assistant" editor, by role and label. */
export class AssistantsPage {
  readonly heading: Locator;
  readonly newAssistant: Locator;
  /** The editor dialog a new assistant is made in. */
  readonly form: Locator;

  constructor(
    readonly page: Page,
    readonly t: Translate,
  ) {
    this.heading = page.getByRole("heading", { name: t("assistants.title"), level: 1 });
    this.newAssistant = page.getByRole("button", { name: t("assistants.new"), exact: true });
    this.form = page.getByRole("dialog", { name: t("assistants.new") });
  }

  async goto() {
    await this.page.goto("/assistants");
  }

  /** The editor's fields, found by their labels. */
  get fields() {
    const { form, t } = this;
    return {
      name: form.getByLabel(t("assistants.name"), { exact: true }),
      systemPrompt: form.getByLabel(t("assistants.systemPrompt")),
      model: form.getByLabel(t("assistants.model"), { exact: true }),
      jsonMode: form.getByRole("switch", { name: t("playground.json.label") }),
      image: form.getByLabel(t("assistants.image"), { exact: true }),
      removeImage: form.getByRole("button", { name: t("assistants.image.remove") }),
      save: form.getByRole("button", { name: t("assistants.save"), exact: true }),
    };
  }

  /** One assistant's card, named by the assistant. */
  card(name: string): Locator {
    return this.page.getByRole("listitem", { name });
  }

  /** Presses the card's "Start chat" (the caller checks where it lands). */
  async start(name: string) {
    await this.card(name)
      .getByRole("button", { name: this.t("assistants.start"), exact: true })
      .click();
  }
}
