import { expect, type Locator, type Page } from "@playwright/test";
import type { Translate } from "../../../lib/i18n";

/** /compare, found by the contract's test ids and the names a user reads. */
export class ComparePage {
  readonly input: Locator;
  readonly send: Locator;
  readonly columns: Locator;
  readonly addModel: Locator;

  constructor(
    readonly page: Page,
    readonly t: Translate,
  ) {
    this.input = page.getByRole("textbox", { name: t("chat.input.label"), exact: true });
    this.send = page.getByTestId("send-button");
    this.columns = page.getByTestId("compare-column");
    this.addModel = page.getByRole("button", { name: t("compare.addModel"), exact: true });
  }

  async goto(path = "/compare") {
    await this.page.goto(path);
    await expect(this.page.locator("form[data-ready]")).toBeVisible({ timeout: 30_000 });
  }

  column(i: number): Locator {
    return this.columns.nth(i);
  }

  picker(i: number): Locator {
    return this.column(i).getByRole("combobox", { name: this.t("compare.model"), exact: true });
  }

  /** Picks the models of the columns, left to right (adding columns as needed). */
  async pickModels(ids: string[]) {
    for (const [i, id] of ids.entries()) {
      if ((await this.columns.count()) <= i) await this.addModel.click();
      await expect(this.picker(i).locator("option", { hasText: id }).first()).toBeAttached({ timeout: 20_000 });
      await this.picker(i).selectOption({ label: id });
      await expect(this.picker(i)).toHaveValue(new RegExp(`:${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    }
    await expect(this.columns).toHaveCount(ids.length);
  }

  async ask(text: string) {
    await this.input.fill(text);
    await expect(this.send).toBeEnabled();
    await this.input.press("Enter");
    await expect(this.page).toHaveURL(/\/compare\/[^/]+$/);
  }

  reply(i: number): Locator {
    return this.column(i).getByTestId("message-assistant").last();
  }

  async waitForStatus(i: number, status: string, timeout = 30_000) {
    await expect(this.reply(i)).toHaveAttribute("data-status", status, { timeout });
  }
}
