import type { Locator, Page } from "@playwright/test";
import type { Translate } from "../../../lib/i18n";

/** /login (only with ACCESS_CODE set): the "Access code" field and "Unlock", by label and role. */
export class LoginPage {
  readonly code: Locator;
  readonly unlock: Locator;
  readonly skipLink: Locator;

  constructor(
    readonly page: Page,
    readonly t: Translate,
  ) {
    this.code = page.getByLabel(t("auth.code"));
    this.unlock = page.getByRole("button", { name: t("auth.unlock") });
    this.skipLink = page.getByRole("link", { name: t("shell.skip") });
  }

  /**
   * Opens the login page of the locked server at `base`; `next` is the path to return to, as the
   * browser would have it before encoding (so crafted values reach the server exactly as written).
   */
  async goto(base: string, next?: string) {
    await this.page.goto(`${base}/login${next === undefined ? "" : `?next=${encodeURIComponent(next)}`}`);
  }

  /** Types a code and presses Unlock; where the browser lands is the caller's to check. */
  async unlockWith(code: string) {
    await this.code.fill(code);
    await this.unlock.click();
  }

  /** The refusal shown for a wrong code (Next adds an empty role="alert" route announcer; ours carry the code). */
  error(code = "unauthorized"): Locator {
    return this.page.getByRole("alert").and(this.page.locator(`[data-error-code=${code}]`));
  }
}
