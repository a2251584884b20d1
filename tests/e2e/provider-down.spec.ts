import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";
import { E2E_SILICONFLOW_KEY } from "./support/keys";
import { type StandaloneServer, startStandalone } from "./support/standalone-server";

// A provider that is down (nothing listens where it should: ECONNREFUSED). The chat says so before
// anything is sent, the model picker does not pretend a search found nothing, and a failed reply
// says what happened in words, with the raw socket error behind Details.

let server: StandaloneServer;

test.beforeAll(async () => {
  // Port 9 (discard) on loopback: nothing listens, every connection is refused.
  server = await startStandalone({
    SILICONFLOW_API_KEY: E2E_SILICONFLOW_KEY,
    SILICONFLOW_BASE_URL: "http://127.0.0.1:9/v1",
    UPSTREAM_CONNECT_TIMEOUT_MS: "2000",
  });
});
test.afterAll(async () => {
  await server?.stop();
});

test("a provider that cannot be reached is named in the chat before sending, and errors keep their detail folded", async ({
  page,
  t,
}) => {
  const chat = new ChatPage(page, t);
  const unreachable = t("chat.provider.unreachable", { provider: t("chat.provider.siliconflow") });
  await page.goto(`${server.url}/chat`);
  await chat.ready();

  // Before anything is sent, where the user is.
  const warning = page.getByTestId("provider-warning");
  await expect(warning).toContainText(unreachable);
  await expect(warning.getByRole("button", { name: t("common.details") })).toHaveAttribute("aria-expanded", "false");

  // The picker says the same, and no "No model matches." for a search nobody typed.
  await chat.modelPicker.click();
  await expect(page.getByTestId("provider-problem")).toContainText(unreachable);
  await expect(page.getByText(t("chat.model.none"))).toHaveCount(0);
  await page.keyboard.press("Escape");

  // Sending anyway: the reply fails with a message in words; the socket error is behind Details.
  await chat.ask("Is anybody there?");
  const reply = chat.lastReply();
  await chat.waitForStatus(reply, "failed");
  const alert = reply.getByRole("alert");
  await expect(alert).toHaveAttribute("data-error-code", "network");
  const details = alert.getByTestId("error-details");
  const detail = details.locator("p").first();
  await expect(detail).toBeHidden();
  // biome-ignore lint/performance/useDomNodeTextContent: what the user sees is the point, not the DOM's text
  expect(await alert.innerText()).not.toMatch(/ECONNREFUSED|127\.0\.0\.1:9/);
  await details.getByRole("button", { name: t("common.details") }).click();
  await expect(detail).toBeVisible();
  await expect(detail).toContainText("ECONNREFUSED");
});
