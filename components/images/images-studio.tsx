"use client";

import { useEffect, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { AppErrorJSON } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { EDIT_ATTACHMENT_PARAM, takeChatImage } from "@/lib/images/chat-handoff";
import { useImageStore } from "@/lib/images/store";
import { Gallery } from "./gallery";
import { GenerateForm } from "./generate-form";
import { ImageViewer } from "./image-viewer";
import { ResultsPanel } from "./results-panel";
import { UndoToast } from "./undo-toast";

let rehydrated = false;

/** /images: settings on the left (sticky on wide screens), this session's results and the gallery on the right. */
export function ImagesStudio() {
  const t = useT();
  const [handoffError, setHandoffError] = useState<AppErrorJSON | null>(null);

  useEffect(() => {
    // The saved form is read after the first render so server and client HTML agree; once per
    // page load, so coming back from another page keeps what is in memory (a running job's form).
    const store = useImageStore;
    const ready = rehydrated ? Promise.resolve() : Promise.resolve(store.persist.rehydrate());
    rehydrated = true;
    void ready.then(() => store.getState().loadModels());
    // A picture sent here from chat ("Edit image"): taken once, then the address forgets it so a
    // reload does not replace what the user has chosen since.
    if (new URLSearchParams(window.location.search).has(EDIT_ATTACHMENT_PARAM)) {
      void ready
        .then(() => takeChatImage(window.location.search, store))
        .then((problem) => {
          if (problem) setHandoffError(problem.toJSON());
          window.history.replaceState(null, "", "/images");
        });
    }
  }, []);

  return (
    <div className="flex-1 bg-zinc-50/70 dark:bg-zinc-950">
      <div className="mx-auto grid w-full max-w-[1600px] gap-6 px-4 py-5 lg:grid-cols-[minmax(320px,400px)_1fr] lg:gap-8 lg:px-6">
        <aside className="min-w-0 rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm lg:sticky lg:top-3 lg:max-h-[calc(100dvh-1.5rem)] lg:self-start lg:overflow-y-auto lg:pb-0 dark:border-zinc-800 dark:bg-zinc-900">
          <header className="mb-5">
            <h1 className="text-xl font-semibold tracking-tight">{t("images.title")}</h1>
            <p className="mt-1 text-sm text-zinc-500">{t("images.subtitle")}</p>
          </header>
          {handoffError && (
            <div className="mb-4">
              <ErrorAlert error={handoffError} onDismiss={() => setHandoffError(null)} />
            </div>
          )}
          <GenerateForm />
        </aside>
        <div className="min-w-0 space-y-8">
          <ResultsPanel />
          <Gallery />
        </div>
        <ImageViewer />
        <UndoToast />
      </div>
    </div>
  );
}
