"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { DEFAULT_MAX_TOOL_ROUNDS, MAX_TOOL_ROUNDS } from "@/lib/chat/playground/bounds";
import { EXAMPLE_NAMES, type ExampleName, exampleTool, exampleToolsText } from "@/lib/chat/playground/client/examples";
import { savePlaygroundSettings, usePlaygroundSettings } from "@/lib/chat/playground/client/store";
import { parseSchemaText } from "@/lib/chat/playground/schema-text";
import type { PlaygroundSettings } from "@/lib/chat/playground/settings";
import { jsonModeRefusal, toolChoiceModes, toolsRefusal } from "@/lib/chat/playground/support";
import { parseToolDefinitions, type ToolIssue } from "@/lib/chat/playground/tool-definitions";
import type { MessageKey } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import type { ModelInfo } from "@/lib/providers/catalog";
import { useConversationId } from "../use-conversation";
import { type EditorIssue, JsonEditor } from "./json-editor";

// The chat settings' developer section: "Tool definitions" (checked as you type, each problem at its
// line), the tool choice, manual or auto results, and "JSON mode" with an optional schema. Offered per
// the model's catalog entry; the text is kept as typed, and only what parses is sent.

const EXAMPLE_LABELS: Record<ExampleName, MessageKey> = {
  weather: "playground.tools.example.weather",
  calculator: "playground.tools.example.calculator",
  time: "playground.tools.example.time",
  units: "playground.tools.example.units",
};

export function PlaygroundSettingsSection({ model }: { model: ModelInfo }) {
  const conversationId = useConversationId();
  const settings = usePlaygroundSettings(conversationId);
  if (!settings) return null;
  return <Section key={conversationId ?? ""} model={model} conversationId={conversationId} initial={settings} />;
}

function Section({
  model,
  conversationId,
  initial,
}: {
  model: ModelInfo;
  conversationId: string | undefined;
  initial: PlaygroundSettings;
}) {
  const { t, locale } = useI18n();
  const [settings, setSettings] = useState(initial);
  const update = (patch: Partial<PlaygroundSettings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    void savePlaygroundSettings(conversationId, next);
  };
  const toolsText = settings.toolsText ?? "";
  const parsed = toolsText.trim() ? parseToolDefinitions(toolsText) : { issues: [] as ToolIssue[], tools: [] };
  const names = (parsed.tools ?? []).map((tool) => tool.function.name);
  const modes = toolChoiceModes(model);
  const schema = parseSchemaText(settings.jsonSchemaText ?? "");
  const issueText = (issue: EditorIssue) =>
    issue.at
      ? t("playground.tools.issueAt", { line: issue.at.line, column: issue.at.column, message: issue.message[locale] })
      : issue.message[locale];

  const addExample = (name: ExampleName) => {
    const tool = exampleTool(name, locale);
    let list: unknown[] | undefined;
    try {
      const value: unknown = toolsText.trim() ? JSON.parse(toolsText) : [];
      if (Array.isArray(value)) list = value;
    } catch {
      list = undefined;
    }
    // Text that is not an array yet is kept, not replaced: the example waits until it parses.
    if (!list) {
      if (!toolsText.trim()) update({ toolsText: exampleToolsText(locale, [name]) });
      return;
    }
    const without = list.filter(
      (item) => (item as { function?: { name?: unknown } })?.function?.name !== tool.function.name,
    );
    update({ toolsText: JSON.stringify([...without, tool], null, 2) });
  };

  const toolsOff = toolsRefusal(model);
  const jsonOff = jsonModeRefusal(model);
  return (
    <section data-testid="playground-settings" className="space-y-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <h3 className="text-sm font-semibold">{t("playground.section")}</h3>
      {toolsOff ? (
        <p data-testid="tools-unsupported" className="text-xs text-zinc-500 dark:text-zinc-400">
          {t("playground.tools.unsupported", { model: model.id })}
        </p>
      ) : (
        <>
          <JsonEditor
            label={t("playground.tools.label")}
            hint={t("playground.tools.hint")}
            value={toolsText}
            onChange={(text) => update({ toolsText: text })}
            issues={parsed.issues}
            locale={locale}
            describeIssue={issueText}
          />
          <div className="flex flex-wrap items-center gap-1.5 text-xs">
            <span className="text-zinc-500">{t("playground.tools.examples")}</span>
            {EXAMPLE_NAMES.map((name) => (
              <Button key={name} variant="secondary" size="sm" onClick={() => addExample(name)}>
                {t(EXAMPLE_LABELS[name])}
              </Button>
            ))}
          </div>
          <Field label={t("playground.tools.choice")}>
            <NativeSelect
              value={settings.toolChoice ?? "auto"}
              onChange={(e) => update({ toolChoice: e.target.value })}
              options={[
                { value: "auto", label: t("playground.tools.choice.auto") },
                { value: "none", label: t("playground.tools.choice.none") },
                ...(modes.includes("required")
                  ? [{ value: "required", label: t("playground.tools.choice.required") }]
                  : []),
                ...(modes.includes("function")
                  ? names.map((name) => ({ value: name, label: t("playground.tools.choice.function", { name }) }))
                  : []),
              ]}
            />
          </Field>
          <Field label={t("playground.tools.mode")}>
            <NativeSelect
              value={settings.toolMode ?? "manual"}
              onChange={(e) => update({ toolMode: e.target.value === "auto" ? "auto" : "manual" })}
              options={[
                { value: "manual", label: t("playground.tools.mode.manual") },
                { value: "auto", label: t("playground.tools.mode.auto") },
              ]}
            />
          </Field>
          {settings.toolMode === "auto" && (
            <Field label={t("playground.tools.maxRounds")} hint={`1 – ${MAX_TOOL_ROUNDS}`}>
              <Input
                type="number"
                min={1}
                max={MAX_TOOL_ROUNDS}
                value={settings.maxRounds ?? DEFAULT_MAX_TOOL_ROUNDS}
                onChange={(e) => {
                  const n = Math.round(Number(e.target.value));
                  if (Number.isFinite(n) && n >= 1 && n <= MAX_TOOL_ROUNDS) update({ maxRounds: n });
                }}
              />
            </Field>
          )}
        </>
      )}
      {jsonOff ? (
        <p data-testid="json-unsupported" className="text-xs text-zinc-500 dark:text-zinc-400">
          {t("playground.json.unsupported", { model: model.id })}
        </p>
      ) : (
        <>
          <Switch
            label={t("playground.json.label")}
            description={t("playground.json.hint")}
            checked={settings.jsonMode === true}
            onChange={(on) => update({ jsonMode: on })}
          />
          {settings.jsonMode && (
            <JsonEditor
              label={t("playground.json.schema")}
              hint={t("playground.json.schemaHint")}
              value={settings.jsonSchemaText ?? ""}
              onChange={(text) => update({ jsonSchemaText: text })}
              issues={schema.issues}
              locale={locale}
              describeIssue={issueText}
              rows={6}
            />
          )}
        </>
      )}
    </section>
  );
}
