"use client";

import { useState } from "react";
import { SpendingPanel } from "@/components/cost/spending-panel";
import { NewChatDefaultsSection } from "@/components/organize/new-chat-defaults";
import { useDemoNoticeHidden } from "@/components/shell/demo-banner";
import { LocaleSelect, ThemeSelect } from "@/components/shell/preferences";
import { SpeechSettings } from "@/components/speech/speech-settings";
import { Switch } from "@/components/ui/switch";
import { setDemoNoticeHidden } from "@/lib/demo-notice";
import { useT } from "@/lib/i18n/client";
import { DataPanel } from "./data-panel";
import { ProviderPanel } from "./provider-panel";

/** Language, theme and (in demo mode) the demo notice: the header keeps the first two on desktop only. */
function AppearanceSection({ demo }: { demo: boolean }) {
  const t = useT();
  const noticeHidden = useDemoNoticeHidden();
  return (
    <section aria-labelledby="appearance-heading" className="space-y-3">
      <h2 id="appearance-heading" className="text-lg font-semibold">
        {t("settings.appearance")}
      </h2>
      <p className="text-sm text-zinc-600 sm:hidden dark:text-zinc-400">{t("settings.appearance.hint")}</p>
      <div className="flex gap-2">
        <LocaleSelect />
        <ThemeSelect />
      </div>
      {demo && (
        <Switch
          label={t("demo.show")}
          description={t("demo.show.hint")}
          checked={!noticeHidden}
          onChange={(on) => setDemoNoticeHidden(!on)}
        />
      )}
    </section>
  );
}

export function SettingsView() {
  const t = useT();
  const [demo, setDemo] = useState(false);
  return (
    <div className="mx-auto w-full max-w-3xl space-y-8 px-4 py-6">
      <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
      <ProviderPanel onDemo={setDemo} />
      <NewChatDefaultsSection />
      <DataPanel />
      <SpendingPanel />
      <AppearanceSection demo={demo} />
      <SpeechSettings />
    </div>
  );
}
