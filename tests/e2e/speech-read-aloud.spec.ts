import { ChatPage } from "./pages/chat-page";
import { launchWith, MODEL } from "./pages/speech-page";
import { expect, test } from "./support/fixtures";

test.use({ launchOptions: launchWith() });

test("Read aloud speaks the answer (not the reasoning) in the default voice, in chunks, and stops", async ({
  page,
  t,
  sim,
}) => {
  // Everything Read aloud plays (the silent unlock clip included) must pass the app's own CSP.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => {
      if (e.effectiveDirective.startsWith("media-src")) seen.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text()) && /media/i.test(m.text())) refused.push(m.text());
  });
  // The default voice comes from Settings.
  await page.goto("/settings");
  await page.getByLabel(t("speech.settings.defaultVoice"), { exact: true }).selectOption(`${MODEL}:bella`);

  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.ask("How do tides work?");
  const reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  await expect(reply.getByTestId("reasoning")).toBeVisible();

  const button = chat.action(reply, "speech.readAloud.label");
  await button.click();
  await expect(button).toHaveAttribute("data-state", "playing");
  await expect(button).toHaveAttribute("aria-pressed", "true");

  // The first chunk is short so speech starts fast; the next one is already being synthesised.
  await expect.poll(async () => (await sim.log({ path: "/audio/speech" })).length).toBeGreaterThanOrEqual(2);
  const calls = await sim.log({ path: "/audio/speech" });
  const inputs = calls.map((c) => (c.body as { input: string }).input);
  expect(inputs[0]).toMatch(/^Simulated answer/);
  expect([...inputs[0]!].length).toBeLessThanOrEqual(80);
  for (const call of calls) expect(call.body).toMatchObject({ model: MODEL, voice: `${MODEL}:bella` });
  for (const input of inputs) {
    expect(input).not.toContain("restate the question"); // reasoning
    expect(input).not.toContain("console.log"); // code block
    expect(input).not.toMatch(/[#*`]/); // Markdown
  }

  await button.click();
  await expect(button).toHaveAttribute("data-state", "idle");
  await expect(button).toHaveAttribute("aria-pressed", "false");
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(refused).toEqual([]);
});

test("a failed Read aloud says what happened", async ({ page, t, sim }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.ask("Say something short.");
  const reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  await sim.fault({ fault: "balance", path: "/audio/speech", times: 3 });
  await chat.action(reply, "speech.readAloud.label").click();
  await expect(reply.locator('[role="alert"][data-error-code="insufficient_balance"]')).toBeVisible();
});
