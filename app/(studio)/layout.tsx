import type { ReactNode } from "react";
import { Shortcuts } from "@/components/organize/shortcuts";
import { DemoBanner } from "@/components/shell/demo-banner";
import { OfflineSupport } from "@/components/shell/offline";
import { LocaleSelect, ThemeSelect } from "@/components/shell/preferences";
import { PrimaryNav } from "@/components/shell/primary-nav";
import { MAIN_ID } from "@/components/shell/skip-link";
import { VideoPollerBoot } from "@/components/video/video-poller-boot";
import { isDemo } from "@/lib/providers/status";

// Env is read per request so one build serves every configuration.
export const dynamic = "force-dynamic";

export default function StudioLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      {isDemo() && <DemoBanner />}
      <OfflineSupport />
      {/* Video jobs keep polling (and saving their files) on every page, not only /video. */}
      <VideoPollerBoot />
      {/* Ctrl/⌘+K command palette, keyboard shortcuts and their "?" help sheet, on every page. */}
      <Shortcuts />
      {/*
        One row of 56 px at every width: the nav scrolls sideways on a phone rather than wrapping.
        Language and theme sit here from 640 px up; on a phone they live in Settings (Appearance).
      */}
      <header
        data-testid="app-header"
        className="flex h-14 shrink-0 items-center gap-3 border-b border-zinc-200 px-3 sm:gap-4 dark:border-zinc-800"
      >
        <span className="shrink-0 font-semibold text-violet-700 dark:text-violet-300">SiliconPlay</span>
        <PrimaryNav />
        <div className="ml-auto hidden shrink-0 items-center gap-2 sm:flex">
          <LocaleSelect />
          <ThemeSelect />
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="flex min-h-0 flex-1 flex-col">
        {children}
      </main>
    </div>
  );
}
