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
import { SettingsSection } from "./settings-section";

/** Language, theme and (in demo mode) the demo notice: the header keeps the first two on desktop only. */
function AppearanceSection({ demo }: { demo: boolean }) {
  const t = useT();
  const noticeHidden = useDemoNoticeHidden();
  return (
    <SettingsSection
      id="appearance"
      title={t("settings.appearance")}
      hint={t("settings.appearance.hint")}
      hintClassName="sm:hidden"
    >
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
    </SettingsSection>
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
