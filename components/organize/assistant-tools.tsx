"use client";

import { type EditorIssue, JsonEditor } from "@/components/chat/playground/json-editor";
import { Switch } from "@/components/ui/switch";
import { parseSchemaText } from "@/lib/chat/playground/schema-text";
import { jsonModeRefusal, toolsRefusal } from "@/lib/chat/playground/support";
import { parseToolDefinitions } from "@/lib/chat/playground/tool-definitions";
import { useI18n } from "@/lib/i18n/client";
import type { PresetPlayground } from "@/lib/organize/contract";
import type { ModelInfo } from "@/lib/providers/catalog";

/** Whether the assistant's tools and schema text can be saved: the chat settings' own checks. */
export function presetPlaygroundErrors(p: PresetPlayground): boolean {
  const tools = p.toolsText?.trim() ? parseToolDefinitions(p.toolsText).issues : [];
  const schema = p.jsonMode && p.jsonSchemaText?.trim() ? parseSchemaText(p.jsonSchemaText).issues : [];
  return [...tools, ...schema].some((issue) => issue.severity === "error");
}

/**
 * The assistant form's "Tool definitions" and "JSON mode" (with its optional schema), checked as in
 * the chat settings. Offered where the chosen model takes them (its catalog entry); with no model
 * chosen both show, and the chat leaves out what its model does not take.
 */
export function AssistantToolsFields({
  model,
  value,
  onChange,
}: {
  model: ModelInfo | undefined;
  value: PresetPlayground;
  onChange: (next: PresetPlayground) => void;
}) {
  const { t, locale } = useI18n();
  const toolsText = value.toolsText ?? "";
  const tools = toolsText.trim() ? parseToolDefinitions(toolsText).issues : [];
  const schema = parseSchemaText(value.jsonSchemaText ?? "").issues;
  const describe = (issue: EditorIssue) =>
    issue.at
      ? t("playground.tools.issueAt", { line: issue.at.line, column: issue.at.column, message: issue.message[locale] })
      : issue.message[locale];
  const toolsOff = model ? toolsRefusal(model) : undefined;
  const jsonOff = model ? jsonModeRefusal(model) : undefined;
  return (
    <fieldset className="space-y-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <legend className="text-sm font-semibold">{t("playground.section")}</legend>
      {toolsOff ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {t("playground.tools.unsupported", { model: model?.id ?? "" })}
        </p>
      ) : (
        <JsonEditor
          label={t("playground.tools.label")}
          hint={t("playground.tools.hint")}
          value={toolsText}
          onChange={(text) => onChange({ ...value, toolsText: text })}
          issues={tools}
          locale={locale}
          describeIssue={describe}
          rows={5}
        />
      )}
      {jsonOff ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {t("playground.json.unsupported", { model: model?.id ?? "" })}
        </p>
      ) : (
        <>
          <Switch
            label={t("playground.json.label")}
            description={t("playground.json.hint")}
            checked={value.jsonMode === true}
            onChange={(on) => onChange({ ...value, jsonMode: on })}
          />
          {value.jsonMode && (
            <JsonEditor
              label={t("playground.json.schema")}
              hint={t("playground.json.schemaHint")}
              value={value.jsonSchemaText ?? ""}
              onChange={(text) => onChange({ ...value, jsonSchemaText: text })}
              issues={schema}
              locale={locale}
              describeIssue={describe}
              rows={5}
            />
          )}
        </>
      )}
    </fieldset>
  );
}
