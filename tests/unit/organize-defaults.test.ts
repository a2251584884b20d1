import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { AppDB, uuid } from "@/lib/db";
import { exportAll, importAll } from "@/lib/db/backup";
import { assistantPlayground, createAssistant, startChatWith } from "@/lib/organize/client/assistants";
import {
  assistantStart,
  defaultChatSettings,
  newChatModel,
  parseNewChatDefaults,
} from "@/lib/organize/new-chat-defaults";

const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`test-organize-defaults-${uuid()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const GLM = { provider: "glm", id: "glm-4-flash" } as const;
const QWEN = { provider: "siliconflow", id: "Qwen/Qwen3-8B" } as const;

describe("new chat defaults", () => {
  it("keeps each valid stored field and drops a damaged one without failing the rest", () => {
    expect(parseNewChatDefaults({ model: GLM, systemPrompt: "Be brief.", temperature: 0.3, maxTokens: 512 })).toEqual({
      model: GLM,
      systemPrompt: "Be brief.",
      temperature: 0.3,
      maxTokens: 512,
    });
    expect(
      parseNewChatDefaults({
        model: { provider: "openai", id: "gpt" },
        systemPrompt: "   ",
        temperature: 7,
        maxTokens: 1.5,
      }),
    ).toEqual({});
    expect(parseNewChatDefaults({ temperature: "hot", maxTokens: 100 })).toEqual({ maxTokens: 100 });
    for (const junk of [null, "x", 3, [GLM]]) expect(parseNewChatDefaults(junk)).toEqual({});
  });

  it("gives a plain new chat its settings and its model, unless one was picked or the list dropped it", () => {
    const d = parseNewChatDefaults({ model: GLM, systemPrompt: "Be brief.", temperature: 0.3 });
    expect(defaultChatSettings(d)).toEqual({ systemPrompt: "Be brief.", temperature: 0.3 });
    expect(defaultChatSettings({})).toEqual({});
    const last = () => QWEN;
    expect(newChatModel(undefined, d, [GLM, QWEN], last)).toEqual(GLM);
    expect(newChatModel(undefined, d, [], last)).toEqual(GLM);
    expect(newChatModel(QWEN, d, [GLM, QWEN], last)).toEqual(QWEN);
    expect(newChatModel(undefined, d, [QWEN], last)).toEqual(QWEN);
    expect(newChatModel(undefined, {}, [GLM, QWEN], last)).toEqual(QWEN);
  });

  it("lets an assistant's choices win field by field; the defaults fill the rest", () => {
    const d = { model: GLM, systemPrompt: "Default prompt", temperature: 0.3, maxTokens: 256 };
    expect(assistantStart(d, { model: QWEN, settings: { systemPrompt: "Pirate", temperature: 1 } })).toEqual({
      model: QWEN,
      settings: { systemPrompt: "Pirate", temperature: 1, maxTokens: 256 },
    });
    expect(assistantStart(d, { settings: {} })).toEqual({
      model: GLM,
      settings: { systemPrompt: "Default prompt", temperature: 0.3, maxTokens: 256 },
    });
    expect(assistantStart({}, { settings: { temperature: undefined } })).toEqual({ settings: {} });
  });

  it("copies into the conversation, so later changes to the defaults never rewrite it", async () => {
    const db = freshDb();
    const a = await createAssistant(db, { name: "Pirate", systemPrompt: "Arr." });
    const d = { model: GLM, temperature: 0.4 };
    const chat = await startChatWith(db, a, d);
    d.temperature = 1.9;
    d.model = QWEN as never;
    const stored = await db.conversations.get(chat.id);
    expect(stored?.model).toEqual(GLM);
    expect(stored?.settings).toEqual({ systemPrompt: "Arr.", temperature: 0.4 });
  });
});

const TOOLS = JSON.stringify([
  { type: "function", function: { name: "get_weather", parameters: { type: "object", properties: {} } } },
]);

describe("assistant tools and JSON mode", () => {
  it("copies the tool definitions and JSON mode into the new chat, and keeps only what is set", async () => {
    const db = freshDb();
    const a = await createAssistant(db, {
      name: "Weather bot",
      systemPrompt: "",
      playground: { toolsText: TOOLS, jsonMode: true, jsonSchemaText: '{"type":"object"}' },
    });
    const chat = await startChatWith(db, a);
    expect(chat.playground).toEqual({ toolsText: TOOLS, jsonMode: true, jsonSchemaText: '{"type":"object"}' });
    expect((await db.conversations.get(chat.id))?.playground).toEqual(chat.playground);
    // Editing the assistant later leaves the chat's copy alone.
    await db.assistants.update(a.id, { playground: {} });
    expect((await db.conversations.get(chat.id))?.playground?.toolsText).toBe(TOOLS);

    expect(assistantPlayground({ playground: { toolsText: "  ", jsonMode: false, jsonSchemaText: "{}" } })).toBe(
      undefined,
    );
    expect(assistantPlayground({})).toBe(undefined);
    const plain = await startChatWith(db, await createAssistant(db, { name: "Plain", systemPrompt: "" }));
    expect(plain).not.toHaveProperty("playground");
  });

  it("travels in backups, and an oversized tools text is refused field by field", async () => {
    const db = freshDb();
    await createAssistant(db, { name: "Weather bot", systemPrompt: "", playground: { toolsText: TOOLS } });
    const target = freshDb();
    await importAll(target, await exportAll(db));
    expect((await target.assistants.toArray())[0]?.playground).toEqual({ toolsText: TOOLS });
    await expect(
      createAssistant(db, { name: "Huge", systemPrompt: "", playground: { toolsText: "x".repeat(100_001) } }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});
