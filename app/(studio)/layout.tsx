import type { ReactNode } from "react";
import { Shortcuts } from "@/components/organize/shortcuts";
import { DemoBanner } from "@/components/shell/demo-banner";
import { OfflineSupport } from "@/components/shell/offline";
import { LocaleSelect, ThemeSelect } from "@/components/shell/preferences";
import { PrimaryNav } from "@/components/shell/primary-nav";
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
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <span className="font-semibold text-violet-700 dark:text-violet-300">SiliconPlay</span>
        <PrimaryNav />
        <div className="ml-auto flex items-center gap-2">
          <LocaleSelect />
          <ThemeSelect />
        </div>
      </header>
      <main className="flex min-h-0 flex-1 flex-col">{children}</main>
    </div>
  );
}
