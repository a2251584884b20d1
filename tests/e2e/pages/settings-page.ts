import { type Download, expect, type Locator, type Page } from "@playwright/test";
import type { Translate } from "../../../lib/i18n";

type Provider = "siliconflow" | "glm";

/** Settings, found the way a user finds it: by role and name (both locales) or contract test id. */
export class SettingsPage {
  readonly testConnection: Locator;
  readonly persist: Locator;
  readonly dataStatus: Locator;
  readonly importInput: Locator;
  /** "Sign out" (only with ACCESS_CODE set) and the dialog it opens. */
  readonly signOut: Locator;
  readonly signOutDialog: Locator;

  constructor(
    readonly page: Page,
    readonly t: Translate,
  ) {
    this.testConnection = page.getByRole("button", { name: t("settings.test"), exact: true });
    this.persist = page.getByTestId("persist");
    this.dataStatus = page.getByTestId("data-status");
    this.importInput = page.getByTestId("import-input");
    this.signOut = page.getByRole("button", { name: t("auth.logout") });
    this.signOutDialog = page.getByRole("dialog", { name: t("auth.logout.title") });
  }

  /** Opens Settings (on another server when `base` is given, e.g. the demo server). */
  async goto(base = "") {
    await this.page.goto(`${base}/settings`);
  }

  /** A provider's card and its key-check status. */
  provider(p: Provider): Locator {
    return this.page.getByTestId(`provider-${p}`);
  }

  status(p: Provider): Locator {
    return this.page.getByTestId(`provider-status-${p}`);
  }

  /** Test connection's sentence for one provider. */
  connection(p: Provider): Locator {
    return this.page.getByTestId(`connection-${p}`);
  }

  /** The folded list of one kind of model ("Chat — 52 models"); click it to open. */
  modelKind(type: "chat" | "image" | "video" | "speech" | "transcription"): Locator {
    return this.page.getByRole("button", { name: new RegExp(`^${this.t(`settings.models.type.${type}`)} — `) });
  }

  /** Starts a backup download and waits for it. */
  async exportBackup(): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("button", { name: this.t("data.export"), exact: true }).click();
    return download;
  }

  /** Opens the "Clear all data" dialog. */
  async openClearAll(): Promise<Locator> {
    await this.page.getByRole("button", { name: this.t("data.clear"), exact: true }).click();
    const dialog = this.page.getByRole("dialog", { name: this.t("data.clear.title") });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
