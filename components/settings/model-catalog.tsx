"use client";

import { Disclosure } from "@/components/ui/disclosure";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import type { ModelInfo, ModelType } from "@/lib/providers/catalog";
import { SettingsSection } from "./settings-section";

/** What a model can do, from the catalog, as message keys (settings.cap.*), type first. */
function capabilitiesOf(m: ModelInfo): MessageKey[] {
  const caps: MessageKey[] = [`settings.models.type.${m.type}`];
  if (m.type === "image" && (m.imageToImage || m.imageRequired)) caps.push("settings.cap.imageEdit");
  if (m.type === "video" && m.imageToVideo) caps.push("settings.cap.imageToVideo");
  if (m.vision) caps.push("settings.cap.vision");
  if (m.reasoning) caps.push("settings.cap.reasoning");
  if (m.type === "chat" && m.tools) caps.push("settings.cap.tools");
  if (m.type === "chat" && m.jsonMode) caps.push("settings.cap.json");
  if (m.free) caps.push("settings.cap.free");
  return caps;
}

/**
 * The models this server can reach, one disclosure per kind, each model with what it can do
 * (vision, reasoning, tools…) rather than a bare count. All start folded: the chat list alone is ~50
 * rows, and open it pushed the rest of Settings ~4,000 px down.
 */
export function ModelCatalog({ models }: { models: Partial<Record<ModelType, ModelInfo[]>> }) {
  const t = useT();
  const types = Object.keys(models) as ModelType[];
  return (
    <SettingsSection
      id="models"
      title={t("settings.models")}
      hint={t("settings.models.hint")}
      className="space-y-2"
      testId="model-list"
    >
      {types.map((type) => {
        const list = models[type] ?? [];
        return (
          <Disclosure
            key={type}
            summary={
              <span data-testid={`model-count-${type}`} data-count={list.length}>
                {t("settings.models.group", { type: t(`settings.models.type.${type}`), count: list.length })}
              </span>
            }
          >
            {list.length === 0 ? (
              <p className="text-zinc-500">{t("settings.models.none")}</p>
            ) : (
              <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
                {list.map((m) => (
                  <li
                    key={`${m.provider}:${m.id}`}
                    data-testid="model-row"
                    data-model-id={m.id}
                    className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2"
                  >
                    <span className="min-w-0 font-mono text-xs break-all">{m.id}</span>
                    <span className="text-xs text-zinc-500">{t(`settings.provider.${m.provider}`)}</span>
                    <span className="ml-auto flex flex-wrap gap-1">
                      {capabilitiesOf(m).map((cap) => (
                        <span
                          key={cap}
                          data-capability={cap.split(".").pop()}
                          className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
                        >
                          {t(cap)}
                        </span>
                      ))}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Disclosure>
        );
      })}
    </SettingsSection>
  );
}
