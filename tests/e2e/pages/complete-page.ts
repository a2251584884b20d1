import { expect, type Locator, type Page } from "@playwright/test";
import type { Translate } from "../../../lib/i18n";

/** /complete (fill in the middle): "Prefix", "Suffix", "Model", "Complete", the result and the sessions. */
export class CompletePage {
  readonly prefix: Locator;
  readonly suffix: Locator;
  /** The CodeMirror editors behind Prefix and Suffix (present once their lazy chunk arrived). */
  readonly editors: Locator;
  readonly model: Locator;
  readonly run: Locator;
  readonly result: Locator;
  readonly middle: Locator;
  readonly accept: Locator;
  readonly sessions: Locator;
  readonly newSession: Locator;
  readonly undo: Locator;

  constructor(
    readonly page: Page,
    readonly t: Translate,
  ) {
    this.prefix = page.getByRole("textbox", { name: t("complete.prefix") });
    this.suffix = page.getByRole("textbox", { name: t("complete.suffix") });
    this.editors = page.getByTestId("code-editor");
    this.model = page.getByRole("combobox", { name: t("complete.model") });
    this.run = page.getByRole("button", { name: t("complete.run"), exact: true });
    this.result = page.getByTestId("completion-result");
    this.middle = page.getByTestId("completion-middle");
    this.accept = page.getByRole("button", { name: t("complete.accept") });
    this.sessions = page.getByTestId("complete-session");
    this.newSession = page.getByRole("button", { name: t("complete.newSession") });
    this.undo = page.getByRole("button", { name: t("complete.session.undo") });
  }

  async goto() {
    await this.page.goto("/complete");
  }

  /** Picks a model, presses Complete and waits for the streamed middle to finish. */
  async complete(model: string) {
    await this.model.selectOption(model);
    await this.run.click();
    await expect(this.result).toHaveAttribute("data-done", "true", { timeout: 30_000 });
  }

  /** Reopens the newest saved session, named by its title (the start of its prefix). */
  async open(title: RegExp) {
    await this.sessions.first().getByRole("button", { name: title }).click();
  }

  /** Deletes the newest saved session, named by its title (Undo stays offered for a while). */
  async delete(title: string) {
    await this.sessions
      .first()
      .getByRole("button", { name: this.t("complete.session.delete", { title }) })
      .click();
  }
}
