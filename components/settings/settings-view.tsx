"use client";

import { SpendingPanel } from "@/components/cost/spending-panel";
import { NewChatDefaultsSection } from "@/components/organize/new-chat-defaults";
import { LocaleSelect, ThemeSelect } from "@/components/shell/preferences";
import { SpeechSettings } from "@/components/speech/speech-settings";
import { useT } from "@/lib/i18n/client";
import { DataPanel } from "./data-panel";
import { ProviderPanel } from "./provider-panel";

export function SettingsView() {
  const t = useT();
  return (
    <div className="mx-auto w-full max-w-3xl space-y-8 px-4 py-6">
      <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
      <ProviderPanel />
      <NewChatDefaultsSection />
      <DataPanel />
      <SpendingPanel />
      <section aria-labelledby="appearance-heading" className="space-y-2">
        <h2 id="appearance-heading" className="text-lg font-semibold">
          {t("settings.appearance")}
        </h2>
        <div className="flex gap-2">
          <LocaleSelect />
          <ThemeSelect />
        </div>
      </section>
      <SpeechSettings />
    </div>
  );
}
