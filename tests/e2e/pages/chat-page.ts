import { expect, type Locator, type Page } from "@playwright/test";
import type { Translate } from "../../../lib/i18n";

/** The chat studio, found the way a user finds it: by role and name (both locales) or contract test id. */
export class ChatPage {
  readonly input: Locator;
  readonly send: Locator;
  readonly stop: Locator;
  readonly modelPicker: Locator;
  readonly userMessages: Locator;
  readonly assistantMessages: Locator;
  readonly conversations: Locator;
  readonly search: Locator;
  readonly log: Locator;

  constructor(
    readonly page: Page,
    readonly t: Translate,
  ) {
    this.input = page.getByRole("textbox", { name: t("chat.input.label"), exact: true });
    this.send = page.getByTestId("send-button");
    this.stop = page.getByTestId("stop-button");
    this.modelPicker = page.getByTestId("model-picker");
    this.userMessages = page.getByTestId("message-user");
    this.assistantMessages = page.getByTestId("message-assistant");
    this.conversations = page.getByRole("navigation", { name: t("chat.conversations") });
    this.search = page.getByRole("searchbox", { name: t("chat.search.label") });
    this.log = page.getByRole("log", { name: t("chat.log.label") });
  }

  /** Opens a chat URL and waits until the composer is interactive (hydrated). */
  async goto(path = "/chat") {
    await this.page.goto(path);
    await this.ready();
  }

  async ready() {
    await expect(this.page.locator("form[data-ready]")).toBeVisible({ timeout: 30_000 });
  }

  /** New chat: an empty conversation, ready for a question. */
  async newChat() {
    await this.page.getByRole("button", { name: this.t("chat.newChat"), exact: true }).click();
    await expect(this.page).toHaveURL(/\/chat$/);
    await expect(this.userMessages).toHaveCount(0);
  }

  /** Sends a question and waits until it and its (new) reply are on screen. */
  async ask(text: string) {
    // Counted on the log, not the rows: a long thread is virtualized, so early rows leave the page.
    const before = Number((await this.log.getAttribute("data-count")) ?? 0);
    await this.input.fill(text);
    await expect(this.send).toBeEnabled();
    await this.input.press("Enter");
    await expect(this.log).toHaveAttribute("data-count", String(before + 2));
  }

  lastReply(): Locator {
    return this.assistantMessages.last();
  }

  content(message: Locator): Locator {
    return message.getByTestId("message-content");
  }

  /** The answer text of a reply as it stands now. */
  async answer(message: Locator): Promise<string> {
    return (await this.content(message).textContent()) ?? "";
  }

  /** Waits for the reply to end with the given stored status (complete, stopped, interrupted, failed). */
  async waitForStatus(message: Locator, status: string, timeout = 30_000) {
    await expect(message).toHaveAttribute("data-status", status, { timeout });
  }

  async pickModel(id: string) {
    await this.modelPicker.click();
    const search = this.page.getByRole("searchbox", { name: this.t("chat.model.search") });
    await search.fill(id);
    await this.page.getByRole("option", { name: id }).first().click();
    await expect(this.modelPicker).toHaveAttribute("data-model", new RegExp(`:${escapeRegExp(id)}$`));
  }

  action(message: Locator, key: Parameters<Translate>[0]): Locator {
    return message.getByRole("button", { name: this.t(key), exact: true });
  }

  conversationLink(title: string | RegExp): Locator {
    return this.conversations.getByRole("link", { name: title });
  }

  /** The current conversation id, from `/chat/<id>`. */
  conversationId(): string {
    const m = /\/chat\/([^/?#]+)/.exec(this.page.url());
    if (!m?.[1]) throw new Error(`not on a conversation: ${this.page.url()}`);
    return decodeURIComponent(m[1]);
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A translation with `{name}` placeholders turned into a pattern (e.g. "Thought for \d+ s"). */
export function pattern(text: string, vars: Record<string, string>): RegExp {
  let out = escapeRegExp(text);
  for (const [name, re] of Object.entries(vars)) out = out.replace(escapeRegExp(`{${name}}`), re);
  return new RegExp(out);
}
