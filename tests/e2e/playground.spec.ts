import type { Locator, Page } from "@playwright/test";
import type { Translate } from "../../lib/i18n";
import { ChatPage, pattern } from "./pages/chat-page";
import { CompletePage } from "./pages/complete-page";
import { expect, test } from "./support/fixtures";

// The developer playground in chat: function calling (manual and auto), JSON mode and prefix
// completion, checked in the browser and in what the simulated provider received.

const MODEL = "Qwen/Qwen2.5-7B-Instruct";

type Upstream = { messages: Record<string, unknown>[]; tools?: unknown[]; prefix?: string; response_format?: unknown };

async function openSettings(page: Page, t: Translate): Promise<Locator> {
  await page.getByRole("button", { name: t("chat.settings.open") }).click();
  const section = page.getByTestId("playground-settings");
  await expect(section).toBeVisible();
  return section;
}

async function closeSettings(page: Page, t: Translate) {
  await page.getByRole("button", { name: t("chat.settings.done"), exact: true }).click();
}

async function chatBodies(sim: { log: (f: { path: string }) => Promise<{ body: unknown }[]> }): Promise<Upstream[]> {
  return (await sim.log({ path: "/chat/completions" })).map((e) => e.body as Upstream);
}

test("manual tool round trip: the call streams in, the typed result goes back with its id, history keeps both", async ({
  page,
  t,
  sim,
}) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(MODEL);
  const settings = await openSettings(page, t);
  await settings.getByRole("button", { name: t("playground.tools.example.weather") }).click();
  // The definitions are in a code editor (CodeMirror, loaded with the panel).
  await expect(settings.getByTestId("code-editor")).toContainText("get_weather");
  await closeSettings(page, t);

  await chat.ask('Weather in Paris? [[call:get_weather {"city":"Paris"}]]');
  const reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  const call = reply.getByTestId("tool-call");
  await expect(call).toHaveCount(1);
  await expect(call.getByTestId("tool-call-name")).toHaveText("get_weather");
  await expect(call.getByTestId("tool-call-arguments")).toContainText('"city": "Paris"');
  const first = (await chatBodies(sim)).at(-1)!;
  expect(first.tools).toEqual([
    expect.objectContaining({ type: "function", function: expect.objectContaining({ name: "get_weather" }) }),
  ]);

  await call.getByRole("textbox", { name: t("playground.call.result") }).fill('{"temperature": 21, "sky": "clear"}');
  await call.getByRole("button", { name: t("playground.call.send") }).click();
  await expect(chat.content(reply)).toContainText("temperature", { timeout: 30_000 });
  await chat.waitForStatus(reply, "complete");

  const bodies = await chatBodies(sim);
  expect(bodies).toHaveLength(2);
  const messages = bodies[1]!.messages;
  const assistant = messages.find((m) => m.role === "assistant") as {
    tool_calls: { id: string; function: { name: string; arguments: string } }[];
  };
  expect(assistant.tool_calls).toHaveLength(1);
  expect(assistant.tool_calls[0]!.function.name).toBe("get_weather");
  expect(JSON.parse(assistant.tool_calls[0]!.function.arguments)).toEqual({ city: "Paris" });
  const tool = messages.find((m) => m.role === "tool");
  expect(tool).toEqual({
    role: "tool",
    tool_call_id: assistant.tool_calls[0]!.id,
    content: '{"temperature":21,"sky":"clear"}',
  });
  expect(await call.getAttribute("data-tool-call-id")).toBe(assistant.tool_calls[0]!.id);

  // Reload: the call, its result and the answer come back from IndexedDB.
  await page.reload();
  await chat.ready();
  await expect(chat.lastReply().getByTestId("tool-call")).toHaveAttribute("data-state", "output-available");
  await expect(chat.lastReply().getByTestId("tool-call-output")).toContainText("clear");
  await expect(chat.content(chat.lastReply())).toContainText("temperature");
});

test("auto mode runs two parallel built-in calls in the browser and the model answers with both", async ({
  page,
  t,
  sim,
}) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(MODEL);
  const settings = await openSettings(page, t);
  await settings.getByRole("button", { name: t("playground.tools.example.calculator") }).click();
  await settings.getByRole("button", { name: t("playground.tools.example.units") }).click();
  await settings.getByRole("combobox", { name: t("playground.tools.mode") }).selectOption("auto");
  await closeSettings(page, t);

  await chat.ask(
    'Two things [[call:calculator {"expression":"6*7"}]] [[call:convert_units {"value":1,"from":"km","to":"m"}]]',
  );
  const reply = chat.lastReply();
  await expect(reply.getByTestId("tool-call")).toHaveCount(2);
  await expect(reply.getByTestId("tool-call-output")).toHaveCount(2, { timeout: 30_000 });
  await expect(chat.content(reply)).toContainText("42", { timeout: 30_000 });
  await chat.waitForStatus(reply, "complete");
  const bodies = await chatBodies(sim);
  expect(bodies).toHaveLength(2);
  const tools = bodies[1]!.messages.filter((m) => m.role === "tool");
  expect(tools).toHaveLength(2);
  expect(String(tools[0]!.content)).toContain("42");
  expect(String(tools[1]!.content)).toContain("1000");
});

test("JSON mode: a conforming reply, a schema violation with Retry with the errors, and invalid JSON", async ({
  page,
  t,
  sim,
}) => {
  // Four replies and a retry: give it the time the other multi-turn chat tests have.
  test.setTimeout(120_000);
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(MODEL);
  const settings = await openSettings(page, t);
  await settings.getByRole("switch", { name: t("playground.json.label") }).click();
  const schemaBox = settings.getByRole("textbox", { name: t("playground.json.schema") });
  await expect(settings.getByTestId("code-editor").last()).toBeVisible();
  // A bad keyword is pointed at its line as it is typed.
  await schemaBox.fill('{\n"type": "object",\n"required": "name"\n}');
  await expect(settings.getByTestId("editor-issue").first()).toHaveText(
    pattern(t("playground.tools.issueAt"), { line: "3", column: "\\d+", message: ".+" }),
  );
  await schemaBox.fill(
    '{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name","age"]}',
  );
  await expect(settings.getByTestId("editor-issue")).toHaveCount(0);
  await closeSettings(page, t);

  await chat.ask("Describe a person");
  let reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  await expect(reply.getByTestId("json-reply")).toHaveAttribute("data-valid", "true");
  await expect(reply.getByTestId("json-status")).toHaveText(t("playground.json.conforms"));
  expect((await chatBodies(sim)).at(-1)!.response_format).toEqual({ type: "json_object" });

  await chat.ask("Again [[json:violate]]");
  reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  await expect(reply.getByTestId("json-issue")).toHaveCount(1);
  await expect(reply.getByTestId("json-issue")).toContainText("name");
  await reply.getByRole("button", { name: t("playground.json.retry") }).click();
  await expect(chat.log).toHaveAttribute("data-count", "6");
  await expect(chat.userMessages.last()).toContainText("name");
  reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  await expect(reply.getByTestId("json-reply")).toHaveAttribute("data-valid", "true");

  await chat.ask("Once more [[json:invalid]]");
  reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  await expect(reply.getByTestId("json-reply")).toHaveAttribute("data-kind", "invalid");
  await expect(reply.getByTestId("json-status")).toContainText(/\d/);
});

test("Continue from here sends the edited reply as the prefix and marks the continuation", async ({ page, t, sim }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(MODEL);
  await chat.ask("Tell me about cats");
  const reply = chat.lastReply();
  await chat.waitForStatus(reply, "complete");
  await reply.getByRole("button", { name: t("playground.prefix.edit"), exact: true }).click();
  await reply.getByRole("textbox", { name: t("playground.prefix.editLabel") }).fill("Cats are");
  await reply.getByRole("button", { name: t("playground.prefix.continue") }).click();

  const next = chat.lastReply();
  await expect(next.getByTestId("prefix-text")).toContainText("Cats are", { timeout: 30_000 });
  await expect(next.getByTestId("prefix-continuation")).toContainText("8");
  await expect(next.getByTestId("message-version")).toHaveText("2/2");
  expect((await chatBodies(sim)).at(-1)!.prefix).toBe("Cats are");
});

test("fill in the middle on /complete: code editors, the middle streamed between prefix and suffix, Accept, and the session kept across a reload", async ({
  page,
  t,
  sim,
}) => {
  const fim = new CompletePage(page, t);
  await fim.goto();
  // Prefix and Suffix are CodeMirror editors (their lazy chunk arrived), coloured for the chosen language.
  await expect(fim.editors).toHaveCount(2);
  await expect(fim.editors.first()).toHaveAttribute("data-language", "python");
  await fim.prefix.fill("def add(a, b):\n");
  await fim.suffix.fill("\nprint(add(1, 2))\n");
  await expect(fim.editors.first().locator(".cm-line span").first()).toHaveText("def");
  await fim.complete("Qwen/Qwen2.5-Coder-7B-Instruct");
  await expect(fim.middle).toContainText("return None");
  const [entry] = await sim.log({ path: "/completions" });
  expect(entry?.body).toMatchObject({
    model: "Qwen/Qwen2.5-Coder-7B-Instruct",
    prompt: "def add(a, b):\n",
    suffix: "\nprint(add(1, 2))\n",
    stream: true,
  });
  await fim.accept.click();
  const merged = /def add[\s\S]*return None[\s\S]*print\(add\(1, 2\)\)/;
  await expect(fim.prefix).toHaveText(merged);
  await expect(fim.suffix).toHaveText("");

  // The session is in IndexedDB: a reload reopens it and lists it.
  await page.reload();
  await expect(fim.sessions).toHaveCount(1);
  await expect(fim.sessions.first()).toContainText("def add(a, b):");
  await expect(fim.sessions.first()).toContainText(t("complete.session.accepted"));
  await expect(fim.prefix).toHaveText(merged);
  await expect(fim.middle).toContainText("return None");

  // A new session empties the page; the list reopens the saved one: its document and its result.
  await fim.newSession.click();
  await expect(fim.prefix).toHaveText("");
  await expect(fim.result).toHaveCount(0);
  await fim.open(/^def add/);
  await expect(fim.prefix).toHaveText(merged);
  await expect(fim.suffix).toHaveText("");
  await expect(fim.middle).toContainText("return None");
  await expect(fim.result).toContainText("print(add(1, 2))");

  // Delete offers Undo, which puts the session back.
  await fim.delete("def add(a, b):");
  await expect(fim.sessions).toHaveCount(0);
  await fim.undo.click();
  await expect(fim.sessions).toHaveCount(1);
});

test("a reload while a tool call streams keeps the arguments that arrived", async ({ page, t }) => {
  const chat = new ChatPage(page, t);
  await chat.goto();
  await chat.pickModel(MODEL);
  const settings = await openSettings(page, t);
  await settings.getByRole("button", { name: t("playground.tools.example.weather") }).click();
  await closeSettings(page, t);
  await chat.ask('Slowly [[chunk:1]] [[rate:8]] [[call:get_weather {"city":"San Francisco, California, USA"}]]');
  const call = chat.lastReply().getByTestId("tool-call");
  await expect(call).toHaveAttribute("data-state", "input-streaming", { timeout: 30_000 });
  await expect(call.getByTestId("tool-call-arguments")).toContainText("San", { timeout: 30_000 });
  await page.waitForTimeout(600);
  await page.reload();
  await chat.ready();
  const kept = chat.lastReply().getByTestId("tool-call");
  await expect(kept).toHaveCount(1);
  await expect(kept.getByTestId("tool-call-name")).toHaveText("get_weather");
  await expect(kept.getByTestId("tool-call-arguments")).toContainText("San");
});
