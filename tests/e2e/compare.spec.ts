import { ComparePage } from "./pages/compare-page";
import { expect, test } from "./support/fixtures";

// /compare: one prompt to several models, each column its own request (ui-contract "Routes added").

const FREE = "Qwen/Qwen2.5-7B-Instruct";
const PAID = "deepseek-ai/DeepSeek-V3";

test("two models answer one prompt, each its own request, with cost, speed and the marks", async ({ page, t, sim }) => {
  const compare = new ComparePage(page, t);
  await compare.goto();
  await compare.pickModels([FREE, PAID]);
  const question = "Name three primary colours.";
  await compare.ask(question);
  await compare.waitForStatus(0, "complete");
  await compare.waitForStatus(1, "complete");

  const requests = await sim.log({ path: "/chat/completions" });
  const models = requests.map((r) => (r.body as { model?: string }).model).sort();
  expect(models).toEqual([PAID, FREE].sort());
  for (const r of requests) expect(JSON.stringify(r.body)).toContain(question);

  // The free model costs ¥0; the paid one a few fen at most, in the contract's form.
  await expect(compare.reply(0).getByTestId("message-cost")).toHaveText("¥0");
  await expect(compare.reply(1).getByTestId("message-cost")).toHaveText(/^¥0\.\d{4}$/);
  for (const i of [0, 1]) {
    await expect(compare.reply(i).getByTestId("message-speed")).toContainText(
      t("cost.speed.rate", { rate: "" }).trim(),
    );
    await expect(compare.reply(i).getByTestId("message-usage")).toBeVisible();
  }
  // Exactly one fastest and one cheapest; the free column is the cheaper.
  await expect(page.getByTestId("compare-fastest")).toHaveCount(1);
  await expect(compare.column(0).getByTestId("compare-cheapest")).toBeVisible();
  await expect(compare.column(1).getByTestId("compare-cheapest")).toHaveCount(0);

  // A follow-up goes to every column, each with its own history.
  await compare.ask("And three secondary ones?");
  await expect(compare.column(0).getByTestId("message-user")).toHaveCount(2);
  await expect(compare.column(1).getByTestId("message-user")).toHaveCount(2);
  // The last reply is the first round's until the second's row appears: wait for that row first.
  for (const i of [0, 1]) {
    await expect(compare.column(i).getByTestId("message-assistant")).toHaveCount(2);
    await compare.waitForStatus(i, "complete");
  }
  const follow = (await sim.log({ path: "/chat/completions" })).slice(2);
  expect(follow).toHaveLength(2);
  for (const r of follow) expect((r.body as { messages: unknown[] }).messages).toHaveLength(3);

  // Search finds the comparison once (its columns are two conversations) and opens it whole.
  const url = page.url();
  expect(url).toMatch(/\/compare\/[^/]+$/);
  await page.goto("/chat");
  await page.getByRole("searchbox", { name: t("chat.search.label") }).fill("secondary");
  const hits = page.getByTestId("search-results").getByRole("link");
  await expect(hits).toHaveCount(1);
  await expect(hits.getByTestId("search-comparison")).toHaveText(t("chat.search.comparison"));
  await hits.click();
  await expect(page).toHaveURL(url);
  await expect(compare.column(1).getByTestId("message-user")).toHaveCount(2);
});

test("the system prompt and settings go to every column, and stay with the comparison", async ({ page, t, sim }) => {
  const compare = new ComparePage(page, t);
  await compare.goto();
  await compare.pickModels([FREE, PAID]);
  await page.getByRole("button", { name: t("compare.settings") }).click();
  const system = page.getByRole("textbox", { name: t("chat.settings.systemPrompt"), exact: true });
  await system.fill("Answer in one short line.");
  const temperature = page.getByRole("textbox", { name: t("chat.settings.temperature"), exact: true });
  await temperature.fill("0.3");
  await temperature.blur();
  await compare.ask("What is a prime number?");
  await compare.waitForStatus(0, "complete");
  await compare.waitForStatus(1, "complete");

  const requests = await sim.log({ path: "/chat/completions" });
  expect(requests).toHaveLength(2);
  for (const r of requests) {
    const body = r.body as { messages: { role: string; content: unknown }[]; temperature?: number };
    expect(body.messages[0]).toEqual({ role: "system", content: "Answer in one short line." });
    expect(body.temperature).toBe(0.3);
  }

  // Kept with the comparison: a reload shows them again.
  await page.reload();
  await page.getByRole("button", { name: new RegExp(t("compare.settings")) }).click();
  await expect(system).toHaveValue("Answer in one short line.");
  await expect(temperature).toHaveValue("0.3");
});

test("a 429 fails one column while the other finishes", async ({ page, t, sim }) => {
  // Enough 429s for the server's own retries, for the paid model only.
  await sim.fault({ fault: "rate-limit", path: "/chat/completions", model: PAID, times: 3 });
  const compare = new ComparePage(page, t);
  await compare.goto();
  await compare.pickModels([FREE, PAID]);
  await compare.ask("What is a haiku?");
  await compare.waitForStatus(0, "complete");
  await compare.waitForStatus(1, "failed");
  await expect(compare.reply(1).getByRole("alert")).toHaveAttribute("data-error-code", "rate_limited");
  await expect(compare.reply(0).getByTestId("message-content")).not.toBeEmpty({ timeout: 30_000 });
});

test("Stop ends one column; the other streams on", async ({ page, t, sim }) => {
  test.setTimeout(120_000);
  await sim.configure({ chatChunkDelayMs: 30 });
  const compare = new ComparePage(page, t);
  await compare.goto();
  await compare.pickModels([FREE, PAID]);
  await compare.ask("Explain how tides work. [[long:6]]");
  await expect(compare.reply(0).getByTestId("message-content")).not.toBeEmpty({ timeout: 30_000 });
  await compare
    .column(0)
    .getByRole("button", { name: t("compare.stop"), exact: true })
    .click();
  await compare.waitForStatus(0, "stopped");
  await expect(compare.column(1)).toHaveAttribute("data-status", "running");
  await compare.waitForStatus(1, "complete", 90_000);
  await expect(compare.reply(0)).toHaveAttribute("data-status", "stopped");
});

test("Continue with this reply turns a column into a conversation", async ({ page, t }) => {
  const compare = new ComparePage(page, t);
  await compare.goto();
  await compare.pickModels([FREE, PAID]);
  await compare.ask("Suggest a name for a cat.");
  await compare.waitForStatus(0, "complete");
  await compare.waitForStatus(1, "complete");
  const answer = (await compare.reply(1).getByTestId("message-content").textContent()) ?? "";
  const compareUrl = page.url();

  await compare
    .column(1)
    .getByRole("button", { name: t("compare.continue"), exact: true })
    .click();
  await expect(page).toHaveURL(/\/chat\/[^/]+$/);
  await expect(page.locator("form[data-ready]")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("message-user")).toHaveText("Suggest a name for a cat.");
  // The same reply, whether or not its code block is highlighted yet (the highlighter draws lines as
  // elements, so the line breaks of the plain block are not text there): compared without whitespace.
  const bare = (text: string | null) => (text ?? "").replace(/\s+/g, "");
  await expect
    .poll(async () => bare(await page.getByTestId("message-assistant").getByTestId("message-content").textContent()))
    .toBe(bare(answer));

  // The comparison keeps its other column.
  await page.goto(compareUrl);
  await expect(compare.columns).toHaveCount(1);
});

test("a reload mid-compare leaves every column interrupted, with Continue", async ({ page, t, sim }) => {
  test.setTimeout(120_000);
  await sim.configure({ chatChunkDelayMs: 80 });
  const compare = new ComparePage(page, t);
  await compare.goto();
  await compare.pickModels([FREE, PAID]);
  await compare.ask("Describe the water cycle in detail. [[long:8]]");
  await expect(compare.reply(0).getByTestId("message-content")).not.toBeEmpty({ timeout: 30_000 });
  await expect(compare.reply(1).getByTestId("message-content")).not.toBeEmpty({ timeout: 30_000 });
  await page.reload();
  await expect(compare.columns).toHaveCount(2, { timeout: 30_000 });
  await sim.configure({ chatChunkDelayMs: 0 });
  for (const i of [0, 1]) {
    await compare.waitForStatus(i, "interrupted", 20_000);
    await expect(compare.reply(i).getByRole("button", { name: t("chat.actions.continue"), exact: true })).toBeVisible();
  }
  await compare
    .reply(0)
    .getByRole("button", { name: t("chat.actions.continue"), exact: true })
    .click();
  await compare.waitForStatus(0, "complete");
});
